// Recognition conventions added for re3d-style spans and types, each pinned with a small text written
// for it (fictional people; real countries only as names).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../../src/nlp/pipeline.js';
import type { Document, Entity } from '../../src/types.js';

function analyse(text: string): Entity[] {
  const doc: Document = { text, comments: [], title: null, author: null, publisher: null, publishedAt: null, language: 'en', format: 'text' };
  return runPipeline(doc).entities;
}
/** [type, mention text] for every mention, in text order. */
const mentions = (es: Entity[]) => es.flatMap((e) => e.mentions.map((m) => [m.start, e.type, m.text] as const)).sort((a, b) => a[0] - b[0]).map(([, t, x]) => `${t}:${x}`);

test('entities conventions: the agent of a passive and its partner are parties (ORG)', () => {
  assert.deepEqual(mentions(analyse('A truce in Yemen was announced by Russia and Turkey on Monday.')), ['PLACE:Yemen', 'ORG:Russia', 'ORG:Turkey']);
});

test('entities conventions: "for X to do" makes the country an actor, "to X to do" leaves it ground', () => {
  assert.deepEqual(mentions(analyse('Dana Velk pressed for Iran to release the crew. Volunteers went to Syria to help.')), ['PERSON:Dana Velk', 'ORG:Iran', 'PLACE:Syria']);
});

test('entities conventions: the sides of a relation are parties, a stretch of ground between two countries is not', () => {
  assert.deepEqual(mentions(analyse('Talks between Egypt and Jordan resumed. The border between Syria and Turkey is long.')),
    ['ORG:Egypt', 'ORG:Jordan', 'PLACE:Syria', 'PLACE:Turkey']);
});

test('entities conventions: a hyphenated pair before a relation noun is two parties, before "border" two places', () => {
  assert.deepEqual(mentions(analyse('They praised Egypt-Jordan co-operation near the Syria-Iraq border.')),
    ['ORG:Egypt', 'ORG:Jordan', 'PLACE:Syria', 'PLACE:Iraq']);
});

test('entities conventions: a country owning a policy noun, and the other side of a war or threat, are parties', () => {
  assert.deepEqual(mentions(analyse('Marta Lind welcomed Norway support for refugees. Villagers fled the war with Israel. It is a threat to Kenya, she said.')),
    ['PERSON:Marta Lind', 'ORG:Norway', 'ORG:Israel', 'ORG:Kenya']);
});

test('entities conventions: a sentence opening on a country, an aside, then its verb: the country acts', () => {
  assert.deepEqual(mentions(analyse('The Netherlands, as part of the mission, is sending engineers.')), ['ORG:The Netherlands']);
});

test('entities conventions: a country owning a policy noun is a party even after a preposition', () => {
  assert.deepEqual(mentions(analyse('The review praised the work of Norway’s diplomatic efforts in Sudan.')), ['ORG:Norway', 'PLACE:Sudan']);
});

test('entities conventions: a sentence opening on a country in a list of subjects: the country acts', () => {
  assert.deepEqual(mentions(analyse('Norway, the wider alliance and the donors are committed to peace.')), ['ORG:Norway']);
});

test('entities conventions: an article hyphen with a stray space still joins the name', () => {
  assert.deepEqual(mentions(analyse('Talks with Farid al- Qadiri went well.')), ['PERSON:Farid al- Qadiri']);
});

test('entities conventions: a known place of two words, or an acronym, then more capitalised words names a body, not a person', () => {
  assert.deepEqual(mentions(analyse('Yesterday Middle East Tallowmere signed the memo.')).map((m) => m.split(':')[0]), ['ORG']);
  // One place word is often a given name.
  assert.deepEqual(mentions(analyse('Yesterday Chad Tallowmere signed the memo.')).map((m) => m.split(':')[0]), ['PERSON']);
});

test('entities conventions: list neighbours share a type across a lower-case "the"', () => {
  assert.deepEqual(mentions(analyse('A study by Velmoor and the University of Tarn found it.')), ['ORG:Velmoor', 'ORG:University of Tarn']);
});

test('entities conventions: a lower-case "the" stays outside the mention, a capitalised one opening a sentence is in it', () => {
  assert.deepEqual(mentions(analyse('The Velmora Commission met. Later the Velmora Commission left.')), ['ORG:The Velmora Commission', 'ORG:Velmora Commission']);
});

test('entities conventions: a country’s or an acronym’s named unit is one organisation mention', () => {
  assert.deepEqual(mentions(analyse('He joined Iraq’s famed National Youth Orchestra. KTRA’s Coastal Branch objected.')),
    ['ORG:Iraq’s famed National Youth Orchestra', 'ORG:KTRA’s Coastal Branch']);
});

test('entities conventions: a leader’s forces are a group of their own, with the title', () => {
  const es = analyse('Fighters came to support President Bashar al-Assad’s forces.');
  assert.deepEqual(mentions(es), ['ORG:President Bashar al-Assad’s forces']);
});

test('entities conventions: "The" opening a sentence stays on a community group', () => {
  assert.deepEqual(mentions(analyse('The Yazidi community were exposed.')), ['ORG:The Yazidi community']);
});

test('entities conventions: a country owning its war or its people is the place', () => {
  assert.deepEqual(mentions(analyse('Nobody expected that Chad’s civil war would last. Chad’s response was slow.')), ['PLACE:Chad', 'ORG:Chad']);
});

test('entities conventions: a country named among actors ("its backers, notably …", "including …") acts', () => {
  assert.deepEqual(mentions(analyse('The regime and its backers, notably Belarus, shelled the town. Aid reached towns including Homs.')),
    ['ORG:Belarus', 'PLACE:Homs']);
});

test('entities conventions: a name before a facility noun is the facility, a place; a group’s base is not', () => {
  assert.deepEqual(mentions(analyse('Jets struck the Velmora military airport and an ISIS base.')), ['PLACE:Velmora military airport', 'ORG:ISIS']);
});

test('entities conventions: guards — "base" alone is no facility, an opposition is no leader’s force, a given name keeps a person', () => {
  assert.deepEqual(mentions(analyse('He fired up the Republican base. She backs President Barack Obama’s opposition to the plan.')).filter((m) => !m.startsWith('ORG:Republican')),
    ['PERSON:President Barack Obama']);
  assert.deepEqual(mentions(analyse('Yesterday San Francisco Supervisor Jane Tolliver spoke.')).map((m) => m.split(':')[0]), ['PERSON']);
});

test('entities conventions: "The" before a country used as a modifier is the noun’s, not the country’s', () => {
  assert.deepEqual(mentions(analyse('The Iran deal will not play well.')), ['ORG:Iran']);
});

test('entities conventions: moving between two countries is ground, not a relation', () => {
  assert.deepEqual(mentions(analyse('Smugglers travelled between Syria and Iraq.')), ['PLACE:Syria', 'PLACE:Iraq']);
});
