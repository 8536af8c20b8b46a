// The cue lexicon (../../lexicons/cues.json) as lookup sets, built once.
import cues from '../../lexicons/cues.json' with { type: 'json' };

/** Verb classes: say (report speech), tell (takes a hearer object), manner (how it was said),
 * quote (X quoted Y), belief (internal states, need a clause), evidence (documents that prove). */
export type CueClass = 'say' | 'tell' | 'manner' | 'quote' | 'belief' | 'evidence' | 'stance';

export const CUE_VERBS: ReadonlyMap<string, CueClass> = new Map(Object.entries(cues.verbs) as [string, CueClass][]);
export const CUE_ADJECTIVES: ReadonlySet<string> = new Set(cues.adjectives);
export const CUE_PARTICIPLES: ReadonlySet<string> = new Set(cues.participles);
export const MEDIA_WORDS: ReadonlySet<string> = new Set(cues.media);
/** Words that make an outlet only when capitalised ("the Voice of …", not "the voice of reason"). */
export const MEDIA_WORDS_CAPITALISED: ReadonlySet<string> = new Set(cues.mediaCapitalised);
