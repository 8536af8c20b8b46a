// Lookup forms of an entity across documents, and which of them are kept as stored aliases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entityForms, storedForm } from '../../src/analysis/entity-merge.js';

const stored = (forms: Map<string, string>) => [...forms.keys()].filter((n) => storedForm(n, forms));

test('entity forms: a key whose name is among the forms is looked up but not stored', () => {
  const forms = entityForms({ key: 'org:northern front army', name: 'Northern Front Army', type: 'ORG', aliases: ['Northern Front Army', 'NFA', 'the Front'] });
  assert.deepEqual([...forms.keys()], ['key:org:northern front army', 'northern front army', 'nfa']);
  assert.deepEqual(stored(forms), ['northern front army', 'nfa']);
});

test('entity forms: a key naming the entity otherwise (a gazetteer\'s) adds that name, which stands for the key', () => {
  const forms = entityForms({ key: 'org:islamic state', name: 'ISIS', type: 'ORG', aliases: ['ISIS'] });
  assert.deepEqual([...forms.entries()], [['key:org:islamic state', 'org:islamic state'], ['isis', 'ISIS'], ['islamic state', 'islamic state']]);
  assert.deepEqual(stored(forms), ['isis', 'islamic state']);
});

test('entity forms: a key whose name may not tie entities (a pronoun, a lone letter) is stored as the key', () => {
  const forms = entityForms({ key: 'org:the group', name: 'the group', type: 'ORG', aliases: [] });
  assert.deepEqual([...forms.keys()], ['key:org:the group']);
  assert.deepEqual(stored(forms), ['key:org:the group']);
  const x = entityForms({ key: 'person:x', name: 'X', type: 'PERSON', aliases: [] });
  assert.deepEqual(stored(x), ['key:person:x']);
});

test('entity forms: a person\'s titled name also gives the untitled one before the key\'s name is added', () => {
  const forms = entityForms({ key: 'person:senator hillary clinton', name: 'Senator Hillary Clinton', type: 'PERSON', aliases: ['Clinton'] });
  assert.deepEqual([...forms.entries()], [['key:person:senator hillary clinton', 'person:senator hillary clinton'], ['senator hillary clinton', 'Senator Hillary Clinton'], ['hillary clinton', 'Senator Hillary Clinton']]);
  assert.deepEqual(stored(forms), ['senator hillary clinton', 'hillary clinton']);
});

test('entity forms: a person\'s key of one word (a surname behind a title) is no name form, and is stored as the key', () => {
  const forms = entityForms({ key: 'person:assad', name: 'President Assad', type: 'PERSON', aliases: ['Assad'] });
  assert.deepEqual([...forms.keys()], ['key:person:assad', 'president assad']);
  assert.deepEqual(stored(forms), ['key:person:assad', 'president assad']);
  // one named just so has the surname as its own name, and stores the key too, so the two still meet by it
  const bare = entityForms({ key: 'person:assad', name: 'Assad', type: 'PERSON', aliases: [] });
  assert.deepEqual(stored(bare), ['key:person:assad', 'assad']);
});
