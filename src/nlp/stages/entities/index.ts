// The entities stage: name mentions per section (01-mentions), then one entity per real-world
// thing across the document and its comments (02-resolve). Also the name keys the store reuses.
import type { Context, Stage } from '../../context.js';
import { findMentions, type Candidate } from './01-mentions.js';
import { resolve } from './02-resolve.js';

export { entityKey, looseKey } from './normalize.js';
export { canonicalKey, stripTitle } from './02-resolve.js';

export const entitiesStage: Stage = {
  name: 'entities',
  run(ctx: Context) {
    const all: Candidate[] = [];
    let sentences = 0;
    for (const sec of ctx.sections) {
      for (const c of findMentions(sec, all.length, sentences)) all.push(c);
      sentences += sec.sentences.length + 10;
    }
    const authors = new Map<string, string | null>([['document', ctx.doc.author], ...ctx.doc.comments.map((c) => [c.id, c.author] as [string, string | null])]);
    ctx.entities = resolve(all, authors);
  },
};
