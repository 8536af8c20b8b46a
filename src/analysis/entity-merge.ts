// Cross-document entity identity: the normalised forms under which an entity is looked up, and
// which types may merge. Pure; the store calls it while adding a document.
import { initials, memoized } from '../nlp/stages/entities/normalize.js';
import { stripTitle } from '../nlp/stages/entities/02-resolve.js';

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
 * never collides with a surface form), its name, and those of its aliases that name one thing across
 * documents. A word on its own ("Clinton", "Bill", "Mr. Obama", "Times") is the name of many: within a
 * document the reader knows which is meant, across a dossier it would tie Hillary Clinton to Bill
 * Clinton, and through "Bill" to Bill Gates, until one entity held dozens of people. So an alias of one
 * word (titles aside) is a lookup form only when it is the entity's own name, or an acronym of one of
 * its longer names (FSA of Free Syrian Army; not AP, which a dateline put beside Washington), a person
 * never by an acronym. An entity named by one word alone meets the others named so. */
export function entityForms(e: { key: string; name: string; type: string; aliases: string[] }): Map<string, string> {
  const forms = new Map<string, string>();
  if (e.key) forms.set(`key:${e.key}`, e.key);
  const person = e.type === 'PERSON';
  let spelled: Set<string> | null = null; // the initials of its names of several words, once asked for
  for (const f of [e.name, ...e.aliases]) {
    const n = normAlias(f);
    if (n.length < 2 || UNMERGEABLE.has(n) || forms.has(n)) continue;
    if (f !== e.name && !severalWords(f, person)) {
      if (person || !ACRONYM.test(f)) continue;
      spelled ??= new Set([e.name, ...e.aliases].filter((x) => severalWords(x, false)).map((x) => initials(x.trim())));
      if (!spelled.has(f.replace(/\./g, ''))) continue;
    }
    forms.set(n, f);
    // "Senator Hillary Clinton" meets "Hillary Clinton": a person's titles dropped, where two words or
    // more are left. (Middle initials stay: dropped, George H. W. Bush would meet George W. Bush.)
    const untitled = person ? normAlias(stripTitle(f.trim())) : n;
    if (untitled !== n && untitled.includes(' ') && !forms.has(untitled)) forms.set(untitled, f);
  }
  // and the name in the key, as a name ("Islamic State" for ISIS, whose key the gazetteer made): an
  // entity with the same key has it too, so the key form need not be kept where this is (storedForm)
  const twin = e.key ? keyTwin(e.key) : null;
  if (twin && !forms.has(twin)) forms.set(twin, keyName(e.key));
  return forms;
}

/** The name in an entity's key (`TYPE:name`). */
const keyName = (key: string) => key.slice(key.indexOf(':') + 1);

/** Whether a lookup form of `forms` (entityForms) is to be kept among the stored aliases. A key form is
 * not where the name in it is a form too: every entity with that key has that name among its forms, and
 * is found by it. (Stored, it was a second row for nearly every entity, and key forms kept by older
 * versions are still looked up.) */
export function storedForm(norm: string, forms: Map<string, string>): boolean {
  if (!norm.startsWith('key:')) return true;
  const twin = keyTwin(norm.slice(4));
  return !(twin && forms.has(twin));
}

/** The name in a key (`TYPE:name`) as a lookup form, where it may be one by the rules above: not a word
 * that names nothing, not one letter, and for a person not one word (the key of "President Assad" is
 * person:assad, and a lone surname ties no one); else null. */
function keyTwin(key: string): string | null {
  const named = normAlias(keyName(key));
  if (named.length < 2 || UNMERGEABLE.has(named)) return null;
  return /^person:/i.test(key) && !named.includes(' ') ? null : named;
}

/** Two to six capitals, with dots or without (FSA, U.S.). */
const ACRONYM = /^(?:[A-Z]\.){2,6}$|^[A-Z]{2,6}$/;

/** Two words or more, once a person's titles are dropped ("Senator Ted Cruz", not "Mr. Cruz"; the
 * titles are a person's only: "General Motors" and "St. Louis" keep their first word). */
function severalWords(form: string, person: boolean): boolean {
  return normAlias(person ? stripTitle(form.trim()) : form).includes(' ');
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
