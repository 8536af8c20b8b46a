import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, quoteOver, type FixtureEntity } from './events-fixture.js';
import { buildLexicon, cameoLexicon } from '../../src/nlp/stages/events/lexicon.js';
import { runPipeline } from '../../src/nlp/pipeline.js';
import { InputError } from '../../src/errors.js';
import raw from '../../src/nlp/lexicons/cameo-verbs.json' with { type: 'json' };
import type { Quote } from '../../src/types.js';

// A fictional conflict: two armed groups, a general, an outlet and four towns.
const CAST: FixtureEntity[] = [
  { id: 'front', type: 'ORG', forms: ['Northern Front'] },
  { id: 'kestrel', type: 'ORG', forms: ['Kestrel Brigade', 'Kestrels'] },
  { id: 'council', type: 'ORG', forms: ['Lowland Council'] },
  { id: 'mission', type: 'ORG', forms: ['Osterland Mission in Sarkel', 'Osterland Mission'] },
  { id: 'varga', type: 'PERSON', forms: ['Ilse Varga', 'Varga'] },
  { id: 'ledger', type: 'ORG', forms: ['Harbour Ledger'] },
  { id: 'valmora', type: 'PLACE', forms: ['Valmora'] },
  { id: 'drenport', type: 'PLACE', forms: ['Drenport'] },
  { id: 'sarkel', type: 'PLACE', forms: ['Sarkel'] },
  { id: 'tessin', type: 'PLACE', forms: ['Tessin'] },
  { id: 'osterland', type: 'PLACE', forms: ['Osterland'] },
  { id: 'marvia', type: 'PLACE', forms: ['Marvia'] },
];

const codes = (text: string, times: [string, string][] = []) => eventsOf(text, CAST, times).map((e) => `${e.cameo} ${e.trigger}`);

test('events: codes a withdrawal "from" a town as 0874 with actor and place', () => {
  const [e] = eventsOf('The Northern Front withdrew from Valmora.', CAST);
  assert.deepEqual({ cameo: e.cameo, trigger: e.trigger, actors: e.actors, place: e.place }, { cameo: '0874', trigger: 'withdrew', actors: ['front'], place: 'valmora' });
});

test('events: codes phrasal retreats "pull out" and "hand over" as 0874', () => {
  assert.deepEqual(codes('The Kestrel Brigade pulled out of Tessin.'), ['0874 pulled out']);
  assert.deepEqual(codes('Varga handed Valmora over to the Kestrels.'), ['0874 handed']);
});

test('events: codes trade as 061, sanctions as 163, air strikes as 195 and accusations as 112', () => {
  assert.deepEqual(codes('The Northern Front was trading fuel with the Kestrel Brigade.'), ['061 trading']);
  assert.deepEqual(codes('The Lowland Council imposed sanctions on the Northern Front.'), ['163 sanctions']);
  assert.deepEqual(codes('The Kestrel Brigade carried out air-strikes on Drenport.'), ['195 air-strikes']);
  assert.deepEqual(codes('The Lowland Council accused the Kestrel Brigade of shelling Tessin.'), ['112 accused', '194 shelling']);
});

test('events: codes capture of a named place as 192 and the same verb without one as nothing', () => {
  assert.deepEqual(codes('The Kestrels took Drenport.'), ['192 took']);
  assert.deepEqual(codes('The Kestrels took a long time.'), []);
  assert.deepEqual(codes('Tessin fell to the Northern Front.'), ['192 fell to']);
});

test('events: a light verb yields to the event noun it carries ("hit with sanctions")', () => {
  const [e, ...rest] = eventsOf('The Kestrel Brigade was hit with new sanctions by the Lowland Council.', CAST);
  assert.equal(rest.length, 0);
  assert.deepEqual({ cameo: e.cameo, actors: e.actors }, { cameo: '163', actors: ['council', 'kestrel'] });
});

test('events: a passive verb puts the "by" agent first and the subject after it', () => {
  const [e] = eventsOf('The Kestrel Brigade was attacked by the Northern Front near Sarkel.', CAST);
  assert.deepEqual({ cameo: e.cameo, actors: e.actors, place: e.place }, { cameo: '190', actors: ['front', 'kestrel'], place: 'sarkel' });
});

test('events: a passive hand-over of a town is a retreat located at that town', () => {
  const [e] = eventsOf('Valmora was handed over to the Kestrel Brigade by the Northern Front.', CAST);
  assert.deepEqual({ cameo: e.cameo, trigger: e.trigger, actors: e.actors, place: e.place }, { cameo: '0874', trigger: 'handed over', actors: ['front', 'kestrel'], place: 'valmora' });
});

test('events: "refrained from attacking", "did not attack" and "without a fight" are not attacks', () => {
  assert.deepEqual(codes('In 2019 the Northern Front refrained from attacking Kestrel bases.'), []);
  assert.deepEqual(codes('The Northern Front did not attack Tessin.'), []);
  assert.deepEqual(codes('The Kestrel Brigade withdrew from Tessin without a fight.'), ['0874 withdrew']);
});

test('events: a denial keeps its own code 016 and drops the denied attack', () => {
  assert.deepEqual(codes('The Northern Front denied attacking Tessin.'), ['016 denied']);
});

test('events: refusing to withdraw is 124 and threatening to attack is 138', () => {
  assert.deepEqual(codes('The Kestrel Brigade refused to withdraw from Drenport.'), ['124 refused to withdraw']);
  assert.deepEqual(codes('Varga threatened to attack Sarkel.'), ['138 threatened to attack']);
});

test('events: "both sides" and "they" stand for the latest two coordinated actors', () => {
  const text = 'The Northern Front and the Kestrel Brigade met in Sarkel. Later both sides were trading fuel. They also signed a truce.';
  const got = eventsOf(text, CAST).map((e) => [e.cameo, e.actors]);
  assert.deepEqual(got, [['040', ['front', 'kestrel']], ['061', ['front', 'kestrel']], ['0871', ['front', 'kestrel']]]);
});

test('events: "the Front" style definite descriptions resolve to the latest organisation with that head', () => {
  const [, e] = eventsOf('The Lowland Council met the Northern Front. The Front later attacked Drenport.', CAST);
  assert.deepEqual({ cameo: e.cameo, actors: e.actors, place: e.place }, { cameo: '190', actors: ['front'], place: 'drenport' });
});

test('events: a place describing an organisation or in the possessive is not the event place', () => {
  const [e] = eventsOf("The Osterland Mission in Sarkel accused the Kestrels of attacking Sarkel's second town, Tessin.", CAST);
  assert.deepEqual({ cameo: e.cameo, actors: e.actors, place: e.place }, { cameo: '112', actors: ['mission', 'kestrel'], place: 'tessin' });
});

test('events: the destination of a withdrawal is its place only when nothing better is known', () => {
  const [e] = eventsOf('The Kestrel Brigade withdrew to Drenport and Sarkel.', CAST);
  assert.equal(e.place, 'drenport');
});

test('events: a later retelling of the same withdrawal takes its place from the earlier one', () => {
  const text = 'Varga said the Kestrel Brigade withdrew from Valmora. "The Kestrels were finally told to withdraw to Drenport last week," she added.';
  const got = eventsOf(text, CAST, [['last week', '2021-06']]).map((e) => [e.cameo, e.place, e.date]);
  assert.deepEqual(got, [['0874', 'valmora', '2021-06'], ['0874', 'valmora', '2021-06']]);
});

test('events: dates come from the clause first, then the sentence, and are null otherwise', () => {
  const text = 'The Harbour Ledger obtained papers last year proving that the Northern Front withdrew from Valmora in 2019. In March 2020, the Front shelled Tessin. The Kestrels attacked Sarkel.';
  const got = eventsOf(text, CAST, [['last year', '2020'], ['2019', '2019'], ['March 2020', '2020-03']]).map((e) => [e.cameo, e.date]);
  assert.deepEqual(got, [['0874', '2019'], ['194', '2020-03'], ['190', null]]);
});

test('events: the text of an event is the clause that reports it, as a slice of the input', () => {
  const text = 'The Harbour Ledger reported that the Kestrel Brigade bombed Drenport; residents fled.';
  const [e] = eventsOf(text, CAST);
  assert.equal(e.text, 'that the Kestrel Brigade bombed Drenport');
  assert.equal(text.slice(e.start, e.end), e.text);
  assert.equal(e.cameo, '195');
});

test('events: an event reported inside a quote links to that quote, one outside does not', () => {
  const text = 'Varga said: "The Kestrels shelled Tessin." The Northern Front later withdrew from Valmora.';
  const q = quoteOver(text, 'q1', 'The Kestrels shelled Tessin.');
  const got = eventsOf(text, CAST, [], [q]).map((e) => [e.cameo, e.quoteId]);
  assert.deepEqual(got, [['194', 'q1'], ['0874', null]]);
});

test('events: an event inside nested quotes links to the innermost; of two as long, to the one listed last', () => {
  const text = 'Varga said: "We know the Kestrels shelled Tessin, and the Northern Front withdrew from Valmora."';
  const outer = quoteOver(text, 'q1', 'We know the Kestrels shelled Tessin, and the Northern Front withdrew from Valmora.');
  const inner = quoteOver(text, 'q2', 'the Kestrels shelled Tessin');
  const twinA = quoteOver(text, 'q3', 'the Northern Front withdrew'), twinB = quoteOver(text, 'q4', 'Front withdrew from Valmora');
  const links = (quotes: Quote[]) => eventsOf(text, CAST, [], quotes).map((e) => [e.cameo, e.quoteId]);
  assert.deepEqual(links([inner, outer, twinA, twinB]), [['194', 'q2'], ['0874', 'q4']]);
  assert.deepEqual(links([twinB, outer, twinA]), [['194', 'q1'], ['0874', 'q3']]);
});

test('events: reads events in comments too, with the comment as container', () => {
  const ctx = runPipeline({
    title: null, author: null, publisher: null, publishedAt: null, language: 'en', format: 'text',
    text: 'Nothing happened here.', comments: [{ id: 'c1', parentId: null, author: null, postedAt: null, text: 'They bombed the bridge.' }],
  });
  assert.deepEqual(ctx.events.map((e) => [e.id, e.in, e.cameo, e.text]), [['v1', 'c1', '195', 'They bombed the bridge']]);
});

test('events lexicon: every one of the 20 CAMEO roots has at least one verb', () => {
  const lex = cameoLexicon();
  const rootsWithVerbs = new Set<string>();
  for (const v of lex.verbs.values()) {
    for (const c of [v.code, ...[...v.after.values()].map((x) => x.code), ...v.objects.values()]) if (c) rootsWithVerbs.add(c.slice(0, 2));
  }
  assert.deepEqual([...rootsWithVerbs].sort(), [...lex.roots.keys()].sort());
});

test('events lexicon: a code with an unknown root is refused naming the file and the word', () => {
  const bad = { ...raw, verbs: { ...raw.verbs, retreat: '99' } } as unknown as Parameters<typeof buildLexicon>[0];
  assert.throws(() => buildLexicon(bad), (e: unknown) => e instanceof InputError && e.message === 'cameo-verbs.json: verb "retreat": "99" is not a CAMEO code with a known root');
});

test('events: a question reports no event', () => {
  assert.deepEqual(codes('Is the Northern Front attacking Tessin?'), []);
});

test('events: a subordinate clause ends at its comma, so each event keeps its own actors', () => {
  const got = eventsOf('When Tessin fell to the Kestrels, Varga was warned by the Lowland Council.', CAST).map((e) => [e.cameo, e.actors, e.text]);
  assert.deepEqual(got, [
    ['192', ['kestrel'], 'When Tessin fell to the Kestrels'],
    ['012', ['council', 'varga'], 'Varga was warned by the Lowland Council'],
  ]);
});

test('events: a participle modifying a noun is not an event ("the negotiating team")', () => {
  assert.deepEqual(codes('Varga leads the negotiating team of the Northern Front.'), []);
});

test('events: a country acting through its government is an actor, not the place', () => {
  const got = eventsOf('Osterland has accused Marvia of shelling Tessin.', CAST).map((e) => [e.cameo, e.actors, e.place]);
  assert.deepEqual(got, [['112', ['osterland', 'marvia'], 'tessin'], ['194', [], 'tessin']]);
});

test('events: each event of a clause takes the place between it and the next event', () => {
  const got = eventsOf('The Northern Front withdrew from Tessin and attacked Drenport.', CAST).map((e) => [e.cameo, e.place]);
  assert.deepEqual(got, [['0874', 'tessin'], ['190', 'drenport']]);
});

test('events: the subject of "fell to" is the place that changed hands', () => {
  const [e] = eventsOf('Tessin fell to the Kestrels.', CAST);
  assert.deepEqual({ cameo: e.cameo, actors: e.actors, place: e.place }, { cameo: '192', actors: ['kestrel'], place: 'tessin' });
});

test('events: past participles modifying a noun are not events ("the besieged town", "bombed-out houses")', () => {
  assert.deepEqual(codes('Varga lives in the besieged Tessin suburb among bombed-out houses.'), []);
});

test('events: a country named as the agent of a passive is an actor', () => {
  const [e] = eventsOf('Tessin was shelled by Marvia.', CAST);
  assert.deepEqual({ cameo: e.cameo, actors: e.actors, place: e.place }, { cameo: '194', actors: ['marvia'], place: 'tessin' });
});

test('events: releasing people is 0841, releasing a report is no event', () => {
  assert.deepEqual(codes('The Kestrels released the hostages.'), ['0841 released']);
  assert.deepEqual(codes('The Lowland Council released a report.'), []);
  assert.deepEqual(codes('Varga went on to discuss recently released figures.'), ['040 discuss']);
});

test('events: figurative and mis-tagged uses are not events ("seized on", "for comment", "called X on Friday")', () => {
  assert.deepEqual(codes('The Lowland Council seized on the remark.'), []);
  assert.deepEqual(codes('The Kestrels did not respond to requests for comment.'), []);
  assert.deepEqual(codes('Varga called on the Kestrels to withdraw.'), ['025 called on the Kestrels to withdraw']);
});

test('events: a city after "by" behind a noun is not made an actor ("the bombardment endured by Tessin")', () => {
  const got = eventsOf('Drenport never saw the bombardment endured by Tessin.', CAST).map((e) => [e.cameo, e.actors, e.place]);
  assert.deepEqual(got, [['190', [], 'tessin']]);
});

test('events: "took place in" is no capture, and a passive capture is placed at its subject', () => {
  assert.deepEqual(codes('The talks took place in Tessin.'), ['046 talks']);
  const [e] = eventsOf('Valmora in Osterland was taken by the Kestrels.', CAST);
  assert.deepEqual({ cameo: e.cameo, actors: e.actors, place: e.place }, { cameo: '192', actors: ['kestrel'], place: 'valmora' });
});

test('events: codes a curfew as 1723, a state of emergency as 1724 and executing hostages as 1823', () => {
  assert.deepEqual(codes('The Lowland Council imposed a curfew on Tessin.'), ['1723 curfew']);
  assert.deepEqual(codes('Varga declared a state of emergency.'), ['1724 state of emergency']);
  assert.deepEqual(codes('Varga declared a truce.'), ['0871 truce']);
  assert.deepEqual(codes('The Kestrels executed two hostages.'), ['1823 executed']);
  assert.deepEqual(codes('The Kestrels executed the plan.'), []);
});

test('events: planning to withdraw is an intent to yield (035), planning to attack a threat (138)', () => {
  assert.deepEqual(codes('The Kestrel Brigade plans to withdraw from Drenport.'), ['035 plans to withdraw']);
  assert.deepEqual(codes('The Northern Front plans to attack Sarkel.'), ['138 plans to attack']);
});

test('events: "they" after a single organisation stands for it', () => {
  const got = eventsOf('Varga praised the Kestrel Brigade. They later shelled Tessin.', CAST).map((e) => [e.cameo, e.actors]);
  assert.deepEqual(got, [['051', ['varga', 'kestrel']], ['194', ['kestrel']]]);
});

test('events: "their fighters" and "his troops" act for their owner', () => {
  const got = eventsOf('The Kestrel Brigade regrouped. Later their fighters shelled Tessin. Varga said his troops withdrew.', CAST).map((e) => [e.cameo, e.actors]);
  assert.deepEqual(got, [['194', ['kestrel']], ['0874', ['varga']]]);
});

test('events: "talks" are negotiations, "talk" is not', () => {
  assert.deepEqual(codes('The talks in Sarkel resumed.'), ['046 talks']);
  assert.deepEqual(codes('All that talk about Sarkel was untrue.'), []);
});

test('events: a noun modifying another is no event of its own ("trade agreement", "attack helicopter")', () => {
  assert.deepEqual(codes('Osterland and Marvia signed a trade agreement in Sarkel.'), ['057 agreement']);
  assert.deepEqual(codes('An attack helicopter landed in Tessin.'), []);
});

test('events: what is called for, denied or lifted is not also an event of its own', () => {
  assert.deepEqual(codes('The Lowland Council lifted sanctions on Marvia.'), ['085 lifted']);
  assert.deepEqual(codes('The Kestrels called for a ceasefire.'), ['025 called for']);
  assert.deepEqual(codes('The Northern Front denied the attack.'), ['016 denied']);
  assert.deepEqual(codes('Varga called for an investigation into the attack on Tessin.'), ['020 called for', '190 attack']);
});

test('events: a visited capital is the place of the visit', () => {
  const [e] = eventsOf('Varga visited Sarkel.', CAST);
  assert.deepEqual({ cameo: e.cameo, actors: e.actors, place: e.place }, { cameo: '042', actors: ['varga'], place: 'sarkel' });
});

test('events: a past tense the tagger reads as an adjective is still coded when the lexicon explains it', () => {
  assert.deepEqual(codes('The Kestrels beheaded a hostage in Tessin.'), ['1823 beheaded']);
});

test('events: "she" skips a possessor, and an outlet next to the pronoun is not its co-subject', () => {
  const text = "Ilse Varga fell for the Kestrels' story and Dara Holm's charm. In the Harbour Ledger she praised the Northern Front.";
  const cast: FixtureEntity[] = [...CAST, { id: 'holm', type: 'PERSON', forms: ['Dara Holm'] }];
  const got = eventsOf(text, cast).map((e) => [e.cameo, e.actors]);
  assert.deepEqual(got, [['051', ['varga', 'ledger', 'front']]]);
});
