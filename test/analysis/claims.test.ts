import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clauses, groupClaims, stem } from '../../src/analysis/claims.js';
import type { ClaimDocument, ClaimQuote } from '../../src/store/claims.js';

let nextId = 1;
/** A document with quotes given as [speaker, content, via?]; the content must occur in the text. */
function doc(source: string, text: string, quotes: [string, string, string?][] = [], publisher: string | null = null): ClaimDocument {
  const qs: ClaimQuote[] = quotes.map(([speaker, content, via], i) => {
    const start = text.indexOf(content);
    assert.ok(start >= 0, `fixture: "${content}" not in ${source}`);
    return { id: `q${i + 1}`, in: 'document', start, end: start + content.length, content, speaker, speakerId: null, speakerType: null, via: via ? [via] : [] };
  });
  return { documentId: nextId++, source, title: source, author: null, publisher, publishedAt: null, text, quotes: qs, mentions: [] };
}

/** `d` with its mentions of the towns of the fixtures as places (one cross-document id per town). */
const TOWNS = ['Brask', 'Ostrel', 'Lindholm'];
function places(d: ClaimDocument): ClaimDocument {
  for (const [i, town] of TOWNS.entries()) {
    for (let at = d.text.indexOf(town); at >= 0; at = d.text.indexOf(town, at + 1)) d.mentions.push({ in: 'document', start: at, end: at + town.length, globalId: 900 + i, type: 'PLACE' });
  }
  return d;
}

// Unrelated sentences, different in each document, so the statements under test are not alone.
const FILLERS = [
  'Markets in Lindholm opened calmly. The weather stayed dry over the coast. Farmers expect a good harvest of barley.',
  'A new bridge over the Sava river is half finished. Teachers in Brask asked for smaller classes. The museum reopens in June.',
];
let fillerTurn = 0;
const filler = () => FILLERS[fillerTurn++ % 2];

test('claims: groups a withdrawal told three ways across two documents, with each origin once', () => {
  const a = doc('herald', `${filler()} Leaked papers show that the Varnian army withdrew its troops to let the Red Brigade take Ostrel in 2019.`, [], 'Kessel Herald');
  const b = doc('courier', `${filler()} Lena Voss said "Varnian forces abandoned Ostrel and allowed the Red Brigade to occupy the town in 2019." Ivo Marr said "in 2019 the Varnian army pulled its troops out of Ostrel, letting the Red Brigade seize it."`,
    [['Lena Voss', 'Varnian forces abandoned Ostrel and allowed the Red Brigade to occupy the town in 2019.'], ['Ivo Marr', 'in 2019 the Varnian army pulled its troops out of Ostrel, letting the Red Brigade seize it.']], 'Lindholm Courier');
  const groups = groupClaims([a, b]);
  assert.equal(groups.length, 1);
  assert.deepEqual(groups[0].members.map((m) => [m.source, m.quoteId, m.origin, m.originKind]), [
    ['herald', null, 'Kessel Herald', 'outlet'],
    ['courier', 'q1', 'Lena Voss', 'speaker'],
    ['courier', 'q2', 'Ivo Marr', 'speaker'],
  ]);
  assert.deepEqual(groups[0].origins.map((o) => [o.name, o.kind, o.members]), [['Kessel Herald', 'outlet', 1], ['Lena Voss', 'speaker', 1], ['Ivo Marr', 'speaker', 1]]);
  assert.match(groups[0].id, /^cg-[0-9a-f]{12}$/);
});

test('claims: a report whose cue is negated ("could not confirm that …") does not corroborate what it names', () => {
  const claim = 'the Varnian army abandoned Ostrel to the Red Brigade in 2019';
  // Lena Voss says it in one document; in another the monitor confirms it, or does not (each pair with fillers of its own)
  const pair = (cue: string) => {
    const a = doc('herald', `${filler()} Lena Voss said ${claim}.`, [['Lena Voss', claim]], 'Kessel Herald');
    const b = doc('courier', `${filler()} The Coast Watch monitor ${cue} that ${claim}.`, [['The Coast Watch monitor', `that ${claim}`]], 'Lindholm Courier');
    b.quotes[0].cueStart = b.text.lastIndexOf(cue.split(' ').pop()!);
    return groupClaims([a, b]).map((g) => g.origins.map((o) => o.name));
  };
  assert.deepEqual(pair('confirmed'), [['Lena Voss', 'The Coast Watch monitor']]);
  assert.deepEqual(pair('could not confirm'), []);
  assert.deepEqual(pair('has never publicly said'), []);
  assert.deepEqual(pair('not only said'), [['Lena Voss', 'The Coast Watch monitor']]);
  assert.deepEqual(pair('could not yet independently confirm'), []);
  assert.deepEqual(pair('would neither confirm'), []);
  // a verb between the negation and the cue belongs to another clause: "who could not leave said"
  assert.deepEqual(pair('who could not leave said'), [['Lena Voss', 'The Coast Watch monitor']]);
  // a denial states the opposite: it does not join the claim it denies
  assert.deepEqual(pair('denied'), []);
});

test('claims: statements that share no name need three content words in common, not a verb and an idea', () => {
  const a = doc('herald', `${filler()} The shells were falling all night.`, [], 'Kessel Herald');
  const b = doc('courier', `${filler()} Truck crossings at the ford fell by half after the strikes on the depots.`, [], 'Lindholm Courier');
  assert.deepEqual(groupClaims([a, b]), []);
  // three shared content words are enough without a name
  const c = doc('herald', `${filler()} The shells were falling on the depots all night.`, [], 'Kessel Herald');
  const d = doc('courier', `${filler()} All night, shells kept falling on the fuel depots.`, [], 'Lindholm Courier');
  assert.deepEqual(groupClaims([c, d]).map((g) => g.origins.map((o) => o.name)), [['Kessel Herald', 'Lindholm Courier']]);
});

test('claims: one speaker repeated by two outlets is one origin, not corroboration', () => {
  const a = doc('one', `${filler()} Lena Voss said "the Red Brigade sold grain to the Varnian army for fuel."`, [['Lena Voss', 'the Red Brigade sold grain to the Varnian army for fuel.']], 'Kessel Herald');
  const b = doc('two', `${filler()} According to Lena Voss, "the Red Brigade sold grain to the Varnian army for fuel."`, [['Lena Voss', 'the Red Brigade sold grain to the Varnian army for fuel.']], 'Lindholm Courier');
  const [g] = groupClaims([a, b]);
  assert.equal(g.members.length, 2);
  assert.deepEqual(g.origins, [{ name: 'Lena Voss', kind: 'speaker', members: 2 }]);
});

test('claims: keeps a denial apart from the claim it denies', () => {
  const a = doc('one', `${filler()} The Varnian army withdrew its troops from Ostrel in 2019.`);
  const b = doc('two', `${filler()} The Varnian army never withdrew its troops from Ostrel in 2019.`);
  assert.deepEqual(groupClaims([a, b]), []);
});

test('claims: keeps who-left-for-whom apart when the roles are reversed', () => {
  const a = doc('one', `${filler()} Marshal Ketter withdrew his troops from Ostrel to help the Red Brigade.`);
  const b = doc('two', `${filler()} The Red Brigade withdrew its troops from Ostrel to help Marshal Ketter.`);
  assert.deepEqual(groupClaims([a, b]), []);
});

test('claims: keeps the same event in different years apart', () => {
  const a = doc('one', `${filler()} The Varnian army withdrew its troops from Ostrel in 2017.`);
  const b = doc('two', `${filler()} The Varnian army withdrew its troops from Ostrel in 2019.`);
  assert.deepEqual(groupClaims([a, b]), []);
});

test('claims: statements sharing only a place and a name are not grouped', () => {
  const a = doc('one', `${filler()} The Red Brigade built a hospital in Ostrel last spring.`);
  const b = doc('two', `${filler()} The Red Brigade lost its commander near Ostrel during the winter.`);
  assert.deepEqual(groupClaims([a, b]), []);
});

test('claims: clauses cut at sentence ends, dashes and semicolons', () => {
  const t = 'First one here. Second – with a dash; third part';
  assert.deepEqual(clauses(t, 0, t.length).map(([s, e]) => t.slice(s, e)), ['First one here.', 'Second', 'with a dash', 'third part']);
});

test('claims: stems fold inflections and irregular forms together', () => {
  assert.deepEqual(['withdrew', 'withdrawing', 'trades', 'trading', 'traded', 'cities', 'taken'].map(stem), ['withdraw', 'withdraw', 'trad', 'trad', 'trad', 'city', 'take']);
});

test('claims: a clause joined by "while", "whereas" or ", but" is a statement of its own', () => {
  // one speaker says aircraft hit rebels near Brask while the Red Brigade moved near Ostrel; another says they hit the Red Brigade near Ostrel
  const spared = 'Varnian aircraft bombed rebel positions near Brask while Red Brigade columns moved along the Ostrel road.';
  const a = places(doc('one', `${filler()} Lena Voss said ${spared}`, [['Lena Voss', spared]], 'Kessel Herald'));
  const hit = 'Varnian aircraft bombed Red Brigade positions near Ostrel.';
  const b = places(doc('two', `${filler()} Marshal Ketter said ${hit}`, [['Marshal Ketter', hit]], 'Lindholm Courier'));
  assert.deepEqual(groupClaims([a, b]), []);
  // the first clause alone still finds its match
  const same = 'Varnian aircraft struck rebel positions near Brask.';
  filler(); // (a has had the other one)
  const c = places(doc('three', `${filler()} Ivo Marr said ${same}`, [['Ivo Marr', same]], 'Lindholm Courier'));
  assert.deepEqual(groupClaims([a, c]).map((g) => [g.members.map((m) => m.text), g.origins.map((o) => o.name)]), [
    [['Varnian aircraft bombed rebel positions near Brask', 'Varnian aircraft struck rebel positions near Brask.'], ['Lena Voss', 'Ivo Marr']],
  ]);
});

test('claims: sparing or leaving untouched is the opposite of striking', () => {
  const pair = (verb: string) => groupClaims([
    doc('one', `${filler()} The Varnian air force bombed Red Brigade positions near Ostrel in 2019.`, [], 'Kessel Herald'),
    doc('two', `${filler()} Varnian air strikes ${verb} Red Brigade positions near Ostrel in 2019.`, [], 'Lindholm Courier'),
  ]).length;
  assert.equal(pair('hit'), 1);
  assert.equal(pair('spared'), 0);
});

test('claims: clauses cut at "while", "whereas" and ", but", not "for a while", and keep a quotation whole', () => {
  const t = 'They waited for a while, but the convoy came whereas the trucks stayed while the road was shut';
  assert.deepEqual(clauses(t, 0, t.length).map(([s, e]) => t.slice(s, e)), ['They waited for a while', 'the convoy came', 'the trucks stayed', 'the road was shut']);
  // "while" of a time stays: all the while, a short while, killed while on patrol
  const u = 'Guards watched all the while and left after a short while; two were hurt while on patrol';
  assert.deepEqual(clauses(u, 0, u.length).map(([s, e]) => u.slice(s, e)), ['Guards watched all the while and left after a short while', 'two were hurt while on patrol']);
  const q = 'The council called the plan "a disgrace"';
  assert.deepEqual(clauses(q, 0, q.length).map(([s, e]) => q.slice(s, e)), ['The council called the plan "a disgrace"']);
  const r = '“We will stay,” the mayor said; “the council called it “a disgrace”';
  assert.deepEqual(clauses(r, 0, r.length).map(([s, e]) => r.slice(s, e)), ['We will stay,” the mayor said', 'the council called it “a disgrace”']);
  // sentences alone (the author's sentences are judged quoted or not as a whole)
  assert.deepEqual(clauses(t, 0, t.length, false).map(([s, e]) => t.slice(s, e)), [t]);
});

test('claims: a chain of statements each like the next is not one group (average linkage)', () => {
  const texts = [
    'Red Brigade trucks carried grain across the Sava bridge at night.',
    'Red Brigade trucks carried grain and fuel across the Sava bridge.',
    'The Coast Watch said fuel crossed the Sava bridge on Red Brigade trucks.',
    'The Coast Watch said fuel crossed the Sava bridge on boats at night.',
  ];
  const docs = texts.map((t, i) => doc(`d${i}`, `${filler()} ${t}`, [], `Outlet ${i}`));
  // the first and the last share little; joining on any one alike pair made all four one group
  const chained = groupClaims(docs).filter((g) => g.members.some((m) => texts.includes(m.text))).map((g) => g.members.map((m) => m.source));
  // the first two are one group; the last is not in it (the third, alike to each of its neighbours, may go either way)
  assert.ok(chained.some((g) => g.includes('d0') && g.includes('d1')), JSON.stringify(chained));
  assert.ok(!chained.some((g) => g.includes('d0') && g.includes('d3')), JSON.stringify(chained));
});

test('claims: a capitalised word that only opens a sentence is no name', () => {
  const a = doc('one', `${filler()} Officials in Lindholm raised bread prices.`, [], 'Kessel Herald');
  const b = doc('two', `${filler()} Officials said bread would be rationed.`, [], 'Lindholm Courier');
  assert.deepEqual(groupClaims([a, b]), []);
  // one capitalised mid-sentence too is a name, and who-did-what is still compared
  const c = doc('three', `${filler()} Voss handed the Brask depot to Ketter in 2019.`);
  const d = doc('four', `${filler()} Ketter handed the Brask depot to Voss in 2019.`);
  assert.deepEqual(groupClaims([c, d]), []);
});
