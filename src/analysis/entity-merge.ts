// Cross-document entity identity: the normalised forms under which an entity is looked up, and
// which types may merge. Pure; the store calls it while adding a document.
import { memoized } from '../nlp/stages/entities/normalize.js';

/** Words that name nothing on their own: an alias equal to one of these never merges two entities. */
const UNMERGEABLE = new Set([
  'he', 'she', 'it', 'they', 'them', 'him', 'her', 'his', 'its', 'their', 'we', 'us', 'i', 'you',
  'group', 'the group', 'government', 'the government', 'regime', 'the regime', 'army', 'the army',
  'president', 'the president', 'minister', 'official', 'officials', 'spokesman', 'spokeswoman',
  'city', 'the city', 'country', 'the country', 'organisation', 'organization', 'militants', 'rebels',
]);

/** Lower case, accents and dots dropped ("I.S.I.S." = "ISIS"), a leading "the" dropped, spaces collapsed.
 * Remembered (names recur from document to document, and each takes six string passes). */
export const normAlias = memoized(normalise);

function normalise(form: string): string {
  return form
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s$/u, '')
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** The lookup forms of an entity, each with the surface form it came from: its key (prefixed, so a key
 * never collides with a surface form) and its names. */
export function entityForms(e: { key: string; name: string; aliases: string[] }): Map<string, string> {
  const forms = new Map<string, string>();
  if (e.key) forms.set(`key:${e.key}`, e.key);
  for (const f of [e.name, ...e.aliases]) {
    const n = normAlias(f);
    if (n.length < 2 || UNMERGEABLE.has(n) || forms.has(n)) continue;
    forms.set(n, f);
  }
  return forms;
}

/** Two entities may be the same thing only when their types agree; OTHER is compatible with anything. */
export function typesCompatible(a: string, b: string): boolean {
  return a === b || a === 'OTHER' || b === 'OTHER';
}

/** The display name for a merged entity: the canonical name most documents used, then the longest. */
export function chooseName(names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}
