// Name normalisation shared by recognition, in-document resolution and (through entityKey /
// canonicalKey) cross-document merging in the store. Pure string functions, no state.
import type { EntityType } from '../../../types.js';

const ARTICLE = /^(?:al|el|the)$/;

/**
 * A string function remembered across calls (names recur in every document). The memory is
 * dropped whole once it holds `max` entries, so a long batch never grows it without bound.
 */
export function memoized(fn: (s: string) => string, max = 50000): (s: string) => string {
  const cache = new Map<string, string>();
  return (s: string) => {
    let r = cache.get(s);
    if (r === undefined) {
      r = fn(s);
      if (cache.size >= max) cache.clear();
      cache.set(s, r);
    }
    return r;
  };
}

/** Lower case, no diacritics, one kind of apostrophe, no possessive, single spaces. */
export const foldName = memoized(foldNameUncached);

function foldNameUncached(s: string): string {
  // Decomposing is only needed beyond ASCII; most names are plain ASCII.
  const ascii = !/[^\x00-\x7f]/.test(s);
  return (ascii ? s : s.normalize('NFKD').replace(/\p{M}/gu, ''))
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/'s?$/u, '')
    .replace(/[^\p{L}\p{N}'&.\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** One name word reduced so that common transliteration variants meet:
 *  Qassim/Qasim, Ayyoob/Ayyub, Zoubi/Zubi (doubled letters, oo/ou → u, ee → i). */
export function foldWord(w: string): string {
  return w.replace(/['.]/g, '').replace(/oo|ou/g, 'u').replace(/ee/g, 'i').replace(/(.)\1+/g, '$1');
}

/** The words of a name, folded, without Arabic/English articles (Al-Raqqa = Raqqa, al-Assad = Assad). */
const wordsCache = new Map<string, string[]>();
export function nameWords(s: string): string[] {
  let ws = wordsCache.get(s);
  if (!ws) {
    ws = foldName(s).split(/[\s\-]+/).filter((w) => w && !ARTICLE.test(w)).map(foldWord).filter(Boolean);
    if (wordsCache.size > 50000) wordsCache.clear();
    wordsCache.set(s, ws);
  }
  return ws;
}

/** A loose key under which transliteration and spacing variants collide: "Deir ez-Zor" = "Deir Ezzor". */
const looseCache = new Map<string, string>();
export function looseKey(s: string): string {
  let k = looseCache.get(s);
  if (k === undefined) {
    k = foldWord(nameWords(s).join(''));
    // Names repeat across documents; the cache is dropped whole when it grows large.
    if (looseCache.size > 50000) looseCache.clear();
    looseCache.set(s, k);
  }
  return k;
}

const TYPE_PREFIX: Record<EntityType, string> = { PERSON: 'person', ORG: 'org', PLACE: 'place', OTHER: 'other' };

/** The stable cross-document key of a canonical name: "org:islamic state", "place:deir ez-zor". */
export function entityKey(name: string, type: EntityType): string {
  return `${TYPE_PREFIX[type]}:${foldName(name)}`;
}

/** Initials of a multi-word name, skipping function words: "Syrian Arab Army" → "SAA". */
export function initials(name: string): string {
  return name
    .split(/[\s\-]+/)
    .filter((w) => w && !/^(?:of|the|and|for|in|on|al|el|&)$/i.test(w))
    .map((w) => w[0].toUpperCase())
    .join('');
}
