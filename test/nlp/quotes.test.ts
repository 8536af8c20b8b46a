import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/nlp/stages/01-tokens.js';
import { quotesOfSection, quoteContaining, findQuotations } from '../../src/nlp/stages/quotes/index.js';
import type { Entity, Quote } from '../../src/types.js';
import { runPipeline } from '../../src/nlp/pipeline.js';

const quotesIn = (text: string, entities: Entity[] = []): Quote[] => quotesOfSection(tokenize('document', text), entities);
const brief = (q: Quote) => ({ content: q.content, direct: q.direct, cue: q.cue, speaker: q.speaker.text, via: q.via.map((v) => v.text) });

test('quotes: a direct quote with "he explains" resolves the pronoun to the person named just before', () => {
  const text = 'The former harbour chief Tomas Verhoeven saw the deals himself.\n\n“The cranes were sold twice,” he explains.';
  const [q] = quotesIn(text);
  assert.deepEqual(brief(q), { content: '“The cranes were sold twice,”', direct: true, cue: 'explains', speaker: 'Tomas Verhoeven', via: [] });
  assert.equal(text.slice(q.speaker.start, q.speaker.end), 'he');
  assert.equal(text.slice(q.start, q.end), q.content);
});

test('quotes: an indirect quote keeps "that" inside the content and the speaker phrase whole', () => {
  const [q] = quotesIn('Harbour official Lena Moss confirmed that the ferry had been sold twice.');
  assert.deepEqual(brief(q), { content: 'that the ferry had been sold twice', direct: false, cue: 'confirmed', speaker: 'Harbour official Lena Moss', via: [] });
});

test('quotes: "according to X," before the clause and ", according to X" after it', () => {
  assert.deepEqual(quotesIn('According to the Valmont Courier, the dam was never inspected.').map(brief), [
    { content: 'the dam was never inspected', direct: false, cue: 'According to', speaker: 'the Valmont Courier', via: [] },
  ]);
  assert.deepEqual(quotesIn('The dam was never inspected, according to two engineers.').map(brief), [
    { content: 'The dam was never inspected', direct: false, cue: 'according to', speaker: 'two engineers', via: [] },
  ]);
});

test('quotes: "told the Northgate Herald" makes the outlet the channel, not the speaker', () => {
  const [q] = quotesIn('A Brastovian trade envoy told the Northgate Herald that the tariffs would rise.');
  assert.deepEqual(brief(q), { content: 'that the tariffs would rise', direct: false, cue: 'told', speaker: 'A Brastovian trade envoy', via: ['the Northgate Herald'] });
  // when it was told is not part of the outlet
  const later = quotesIn('Ivo Marr told the Pellham Gazette on Tuesday that the ferry was sold. Edda Lund told the Northgate Herald last week that the port was mined.');
  assert.deepEqual(later.map((x) => [x.content, x.via.map((v) => v.text)]), [['that the ferry was sold', ['the Pellham Gazette']], ['that the port was mined', ['the Northgate Herald']]]);
  // "said to the outlet" and "said in an interview with the outlet" before the report relay it too; colleagues do not
  const said = quotesIn('Ivo Marr said to the Pellham Gazette that the ferry was sold. Lena Voss said to the Kessel Herald on Monday that the port was mined. ' +
    'Edda Lund said in an interview with the Brask Courier that the port was shut. Anna Brandt said to her colleagues that prices rose. ' +
    'Ivo Marr said in a video on Monday that the mill was sold. Edda Lund said in a letter to the harbour council that the road was closed.');
  assert.deepEqual(said.map((x) => [x.content, x.via.map((v) => v.text)]), [
    ['that the ferry was sold', ['the Pellham Gazette']], ['that the port was mined', ['the Kessel Herald']], ['that the port was shut', ['the Brask Courier']],
    ['that prices rose', []], ['that the mill was sold', []], ['that the road was closed', []],
  ]);
});

test('quotes: a time before or after the speaker ("On 13 May 2015 …", "the spokesman on Monday said") is not part of the speaker; a name or a count that looks like one stays', () => {
  const qs = quotesIn('The council spokesman on Monday said the road was closed. Officials in Brask last week said the port was shut. ' +
    'The harbour office Thursday said the ferry would sail. Councillor Anna May said the vote was lost. The Brask Today newsletter said the mill had closed. ' +
    'Officials in 2015 said the bridge was safe. On 13 May 2015 Coast Watch officers said the bay was closed. ' +
    'On May 13, 2015 Brastovian officials said the dam held. Jan Novak said the road was shut. April Lindqvist said the mill was sold.');
  assert.deepEqual(qs.map((q) => q.speaker.text), ['The council spokesman', 'Officials in Brask', 'The harbour office', 'Councillor Anna May', 'The Brask Today newsletter', 'Officials',
    'Coast Watch officers', 'Brastovian officials', 'Jan Novak', 'April Lindqvist']);
});

test('quotes: "attacked the town" is an assault; "attacked X for …", "blasted X as …" or a quoted attack is criticism', () => {
  const qs = quotesIn('Northern Front fighters attacked the town of Sava at dawn. Anna Brandt attacked Ivo Marr for his record on the port. ' +
    'The council blasted the plan as "reckless". Shells slammed into the harbour. Ivo Marr attacked "the lies of the Courier". ' +
    'Rebels attacked the town of Ostrel over the weekend. Fighters attacked the convoy as the trucks crossed the bridge. Gunmen attacked the soldiers\' barracks. ' +
    'The council blasted the plan as a disaster. Edda Lund slammed the council over the budget.');
  assert.deepEqual(qs.map((q) => [q.speaker.text, q.cue, q.content]), [
    ['Anna Brandt', 'attacked', 'Ivo Marr for his record on the port'],
    ['The council', 'blasted', 'the plan as "reckless"'],
    ['Ivo Marr', 'attacked', '"the lies of the Courier"'],
    ['The council', 'blasted', 'the plan as a disaster'],
    ['Edda Lund', 'slammed', 'the council over the budget'],
  ]);
});

test('quotes: a message someone sent ("posted a series of tweets criticizing …", "sent a letter to the board urging …") speaks for its sender', () => {
  const qs = quotesIn('Ivo Marr posted a series of tweets criticizing the council. The senators sent a letter to the harbour board urging it to reopen the port. ' +
    'The letter said the port was mined. The Brask Courier published a letter from Edda Lund saying she would resign. A video of the attack shows that the convoy was hit.');
  assert.deepEqual(qs.map((q) => [q.speaker.text, q.cue, q.content, q.via.map((v) => v.text)]), [
    ['Ivo Marr', 'criticizing', 'the council', []],
    ['The senators', 'urging', 'it to reopen the port', []],
    ['The letter', 'said', 'the port was mined', []],
    ['Edda Lund', 'saying', 'she would resign', []],
    ['A video of the attack', 'shows', 'that the convoy was hit', []],
  ]);
});

test('quotes: asking not to be named is how a source wished to be cited, not a report', () => {
  const qs = quotesIn('One driver, who asked not to be named, said the army shelled the airbase. An official asked for anonymity. The mayor asked the council to reopen the road. ' +
    'A trader asked that she not be named. An aide asked to remain anonymous.');
  assert.deepEqual(qs.map((q) => [q.speaker.text, q.cue, q.content]), [
    ['One driver, who asked not to be named', 'said', 'the army shelled the airbase'],
    ['The mayor', 'asked', 'the council to reopen the road'],
  ]);
});

test('quotes: a speaker placed by "between", "along" or "inside", or described by a participle ("the men guarding …"), keeps all of it', () => {
  const qs = quotesIn('Drivers on the road between Brask and Sava described a quiet front. Residents along the border said the crossing was shut. Officials inside the ministry said talks had failed. ' +
    'The men guarding the bridge said the road was closed. Critics including Ivo Marr said the plan failed. Shelling one airbase does not tell us what happened at the port. ' +
    'With prices rising the harbour bank said it would act.');
  assert.deepEqual(qs.map((q) => q.speaker.text), ['Drivers on the road between Brask and Sava', 'Residents along the border', 'Officials inside the ministry',
    'The men guarding the bridge', 'Critics including Ivo Marr', 'Shelling one airbase', 'the harbour bank']);
});

test('quotes: a speaker with a relative clause and no comma ("residents who fled the town said") is the whole phrase, not the noun inside the clause', () => {
  const qs = quotesIn('Residents who fled the town said the shelling lasted all night. Two drivers who spoke to the Coastal Ledger said they had unloaded barrels. ' +
    'Officials who asked not to be named also said the talks had failed. Soldiers that guarded the depot said nothing had been moved. ' +
    'Farmers whose fields were burned said the army fired first. Those who stayed said the water had been cut.');
  assert.deepEqual(qs.map((q) => [q.speaker.text, q.content, q.via.map((v) => v.text)]), [
    ['Residents who fled the town', 'the shelling lasted all night', []],
    ['Two drivers who spoke to the Coastal Ledger', 'they had unloaded barrels', ['the Coastal Ledger']],
    ['Officials who asked not to be named', 'the talks had failed', []],
    ['Soldiers that guarded the depot', 'nothing had been moved', []],
    ['Farmers whose fields were burned', 'the army fired first', []],
    ['Those who stayed', 'the water had been cut', []],
  ]);
});

test('quotes: a speaker with a relative clause is the noun before it: not linked to a place named in the clause, and plural for "they"', () => {
  const text = 'Villagers who fled Lindholm said the market was shelled. They said the army fired first.';
  const at = text.indexOf('Lindholm');
  const lindholm: Entity = { id: 'e1', key: 'lindholm|PLACE', name: 'Lindholm', type: 'PLACE', aliases: ['Lindholm'], mentions: [{ in: 'document', start: at, end: at + 8, text: 'Lindholm' }] };
  const qs = quotesIn(text, [lindholm]);
  assert.deepEqual(qs.map((q) => [q.speaker.text, q.speaker.entityId]), [['Villagers who fled Lindholm', null], ['Villagers who fled Lindholm', null]]);
});

test('quotes: a relative clause whose own verb is the cue speaks for its noun; "that" after a verb of saying, or a subject after one, opens no relative clause', () => {
  const text = 'Ana Brekke met a farmer who has repeatedly said the road was mined. The man who lives here thinks officials said the road was closed. ' +
    'Ana Brekke reassured the mayor that Brask has no plans to counter his influence.';
  const qs = quotesIn(text);
  const said = qs.find((q) => q.cue === 'said' && q.content === 'the road was mined')!;
  assert.equal(said.speaker.text, 'a farmer');
  assert.equal(text.slice(said.speaker.start, said.speaker.end), 'who');
  assert.equal(qs.find((q) => q.content === 'the road was closed')?.speaker.text, 'officials');
  assert.ok(!qs.some((q) => q.speaker.text.includes('mayor')));
});

test('quotes: a part of a group ("one of them", "some of the drivers") is the speaker, named with the group "them" points back to', () => {
  const qs = quotesIn('Families of the victims urged the senator to apologise. Some of them said their calls were never answered. ' +
    'Some of the drivers said they had been threatened. One of them, a former mechanic, said he was paid twice the usual rate. ' +
    'Officials said the talks had failed. They added that a new round was planned.');
  assert.deepEqual(qs.map((q) => [q.speaker.text, q.cue]), [
    ['Families of the victims', 'urged'],
    ['Some of Families of the victims', 'said'],
    ['Some of the drivers', 'said'],
    ['One of them, a former mechanic', 'said'],
    ['Officials', 'said'],
    ['Officials', 'added'],
  ]);
  // a part that is one of them is "he" or "she" after it; a part that is several is "they"
  const after = (part: string, pronoun: string) => quotesIn(`Families of the victims urged the senator to apologise. ${part} of them said the calls were never answered. ` +
    `${pronoun} added that the office was closed.`).map((q) => q.speaker.text).slice(1);
  assert.deepEqual(after('Each', 'He'), ['Each of Families of the victims', 'Each of Families of the victims']);
  assert.deepEqual(after('Some', 'They'), ['Some of Families of the victims', 'Some of Families of the victims']);
});

test('quotes: a speaker described by a participle and its agent ("a report released last week by X") keeps all of it and speaks for the agent; an aside that is only an adverb is left out', () => {
  const text = 'A report released last week by the Northgate Institute, a research group, found that payments were collected in four towns. ' +
    'Two men arrested by police on Monday said they had been beaten. Other traders, however, told the Dispatch the amount had not changed.';
  const at = text.indexOf('Northgate Institute');
  const institute: Entity = { id: 'e1', key: 'northgate institute|ORG', name: 'Northgate Institute', type: 'ORG', aliases: ['Northgate Institute'], mentions: [{ in: 'document', start: at, end: at + 19, text: 'Northgate Institute' }] };
  const qs = quotesIn(text, [institute]);
  // (a participle opening the text has no noun before it)
  assert.doesNotThrow(() => quotesIn('Released Monday by the ministry figures show exports fell.'));
  assert.deepEqual(qs.map((q) => [q.speaker.text, q.speaker.entityId, q.content]), [
    ['A report released last week by the Northgate Institute, a research group', 'e1', 'that payments were collected in four towns'],
    ['Two men arrested by police', null, 'they had been beaten'],
    ['Other traders', null, 'the amount had not changed'],
  ]);
});

test('quotes: how and when something was said ("in a statement", "in an interview with X", a time after a report with no verb) is not what was said', () => {
  const qs = quotesIn('The guild denied the allegations in a statement posted on its website on Saturday. The minister denied that troops had crossed the border in an interview with the Valley Dispatch. ' +
    'He said the report was published in a letter to the editor. The guild denied the allegations last week. He said the vote was on Monday. ' +
    'He said the figures in the report were wrong.');
  assert.deepEqual(qs.map(brief).map((b) => [b.content, b.via]), [
    ['the allegations', []],
    ['that troops had crossed the border', ['the Valley Dispatch']],
    ['the report was published in a letter to the editor', []],
    ['the allegations', []],
    ['the vote was on Monday', []],
    ['the figures in the report were wrong', []],
  ]);
});

test('quotes: what was answered is not the answer; a refusal to answer is kept; a report after a semicolon with its own speaker is a new one', () => {
  const qs = quotesIn('The ministry responded to the report by saying it was false. The mayor replied to critics that the bridge was safe. ' +
    'Ana Rees accused the governor of ignoring the problem; the governor\'s office did not respond to a request for comment.');
  assert.deepEqual(qs.map((q) => [q.speaker.text, q.cue, q.content]), [
    ['The ministry', 'responded', 'it was false'],
    ['The mayor', 'replied', 'that the bridge was safe'],
    ['Ana Rees', 'accused', 'the governor of ignoring the problem'],
    ['the governor\'s office', 'respond', 'to a request for comment'],
  ]);
  // (an auxiliary after "and" with no new subject goes on with the same report)
  assert.deepEqual(quotesIn('Ana Rees said officials would review it and would announce a decision.').map((q) => q.content), ['officials would review it and would announce a decision']);
});

test('quotes: ", describing them as …", ", accusing X of …" report what the clause\'s subject said; an -ing verb after a comma never inverts', () => {
  const qs = quotesIn('The guild denied the allegations, describing them as "lies spread by enemies". The minister left the talks, accusing the rebels of bad faith. ' +
    'Residents stayed indoors, fearing more shelling.');
  assert.deepEqual(qs.map((q) => [q.speaker.text, q.cue, q.content]), [
    ['The guild', 'denied', 'the allegations'],
    ['The guild', 'describing', 'them as "lies spread by enemies"'],
    ['The minister', 'accusing', 'the rebels of bad faith'],
  ]);
});

test('quotes: a second cue joined by "and" speaks for a subject with an apposition; a tally before an infinitive cue is not the speaker', () => {
  const qs = quotesIn('The spokesman, Ansel Koba, called the accusation "a fairy tale" and said the convoys had been escorted. ' +
    'The council voted 11 to 9 to ask the ministry for an investigation.');
  assert.deepEqual(qs.map((q) => [q.speaker.text, q.cue, q.content]), [
    ['The spokesman, Ansel Koba', 'called', 'the accusation "a fairy tale"'],
    ['The spokesman, Ansel Koba', 'said', 'the convoys had been escorted'],
    ['The council', 'ask', 'the ministry for an investigation'],
  ]);
});

test('quotes: a wire agency, or a capitalised "Voice of …", is an outlet; a hearer that is neither is not', () => {
  const qs = quotesIn('A Brastovian envoy told the Voice of Ostrel that the border was shut. A harbour official told Agence France-Presse that ten boats sank. ' +
    'The pilot told the voice of the union that wages would fall. A trader told the harbour council that prices rose. A clerk told a courier that the mill was shut.');
  assert.deepEqual(qs.map((q) => [q.speaker.text, q.via.map((v) => v.text)]), [
    ['A Brastovian envoy', ['the Voice of Ostrel']],
    ['A harbour official', ['Agence France-Presse']],
    ['The pilot', []],
    ['A trader', []],
    ['A clerk', []],
  ]);
});

test('quotes: "…, X told the Northgate Herald (on Monday)." after or inside the report makes the outlet the channel; a hearer who is not one is left out', () => {
  const qs = quotesIn('The tariffs will rise in spring, a Brastovian trade envoy told the Northgate Herald on Monday. ' +
    'The port is mined, an officer told Reuters on condition of anonymity. ' +
    'The ferry will not sail before the storm, the pilot Ivo Marr told reporters. ' +
    'The quota, Edda Lund told me on Friday, is what matters most. The harbour, Ivo Marr told the Northgate Herald, stays shut.');
  assert.deepEqual(qs.map(brief), [
    { content: 'The tariffs will rise in spring', direct: false, cue: 'told', speaker: 'a Brastovian trade envoy', via: ['the Northgate Herald'] },
    { content: 'The port is mined', direct: false, cue: 'told', speaker: 'an officer', via: ['Reuters'] },
    { content: 'The ferry will not sail before the storm', direct: false, cue: 'told', speaker: 'the pilot Ivo Marr', via: [] },
    // an attribution inside the report: the report is the whole sentence
    { content: 'The quota, Edda Lund told me on Friday, is what matters most', direct: false, cue: 'told', speaker: 'Edda Lund', via: [] },
    { content: 'The harbour, Ivo Marr told the Northgate Herald, stays shut', direct: false, cue: 'told', speaker: 'Ivo Marr', via: ['the Northgate Herald'] },
  ]);
});

test('quotes: "was quoted by the Herald (as) saying" makes the subject the speaker and the Herald the channel', () => {
  const qs = quotesIn('Ivo Marr was quoted by the Northgate Herald as saying that the talks had failed. ' +
    'Edda Lund was quoted by Reuters as saying: "The quota stays." Anna Brandt was quoted by the Pellham Gazette saying the ferry would stop.');
  assert.deepEqual(qs.map(brief), [
    { content: 'that the talks had failed', direct: false, cue: 'quoted', speaker: 'Ivo Marr', via: ['the Northgate Herald'] },
    { content: '"The quota stays."', direct: true, cue: 'quoted', speaker: 'Edda Lund', via: ['Reuters'] },
    { content: 'the ferry would stop', direct: false, cue: 'quoted', speaker: 'Anna Brandt', via: ['the Pellham Gazette'] },
  ]);
});

test('quotes: ", said X, a spokesman …" and ", X said, adding that …" end the report at the attribution; the one who said it adds', () => {
  const qs = quotesIn('The talks had failed, said Ivo Marr, a spokesman for the council. ' +
    'The road was closed, Edda Lund said, adding that it would reopen in May. ' +
    'The toll, a trader said, would rise again. The port is mined, said an officer, who spoke on condition of anonymity. ' +
    'The ferry was sold, said Piet Lund, adding that the buyer was unknown.');
  assert.deepEqual(qs.map(brief), [
    { content: 'The talks had failed', direct: false, cue: 'said', speaker: 'Ivo Marr', via: [] },
    { content: 'The road was closed', direct: false, cue: 'said', speaker: 'Edda Lund', via: [] },
    { content: 'that it would reopen in May', direct: false, cue: 'adding', speaker: 'Edda Lund', via: [] },
    { content: 'The toll, a trader said, would rise again', direct: false, cue: 'said', speaker: 'a trader', via: [] },
    { content: 'The port is mined', direct: false, cue: 'said', speaker: 'an officer', via: [] },
    { content: 'The ferry was sold', direct: false, cue: 'said', speaker: 'Piet Lund', via: [] },
    { content: 'that the buyer was unknown', direct: false, cue: 'adding', speaker: 'Piet Lund', via: [] },
  ]);
});

test('quotes: a name the tagger reads as a verb, "continuing" that is no cue, a clause after "said" that is no report', () => {
  const qs = quotesIn('Lynch said her colleague had not worked on the case. ' +
    'Those talks are continuing, a trader said. He continued, "We will not leave." ' +
    '"The subpoenas are not optional at all," the chairman said after the witness failed to appear.');
  assert.deepEqual(qs.map(brief), [
    { content: 'her colleague had not worked on the case', direct: false, cue: 'said', speaker: 'Lynch', via: [] },
    { content: 'Those talks are continuing', direct: false, cue: 'said', speaker: 'a trader', via: [] },
    { content: '"We will not leave."', direct: true, cue: 'continued', speaker: 'a trader', via: [] },
    { content: '"The subpoenas are not optional at all,"', direct: true, cue: 'said', speaker: 'the chairman', via: [] },
  ]);
});

test('quotes: "X called Y a Z" reports X\'s judgement; "called the police", "called reporters on Monday", "a group called Y" do not', () => {
  const qs = quotesIn('The ministry called the charges unfounded and malicious. Ivo Marr called it a common ailment of long campaigns. ' +
    'The mayor called the police. She called reporters on Monday. A group called the Coast Fund raised money. ' +
    'The union called a strike this week. The minister has called the report a fabrication.');
  assert.deepEqual(qs.map(brief), [
    { content: 'the charges unfounded and malicious', direct: false, cue: 'called', speaker: 'The ministry', via: [] },
    { content: 'it a common ailment of long campaigns', direct: false, cue: 'called', speaker: 'Ivo Marr', via: [] },
    { content: 'the report a fabrication', direct: false, cue: 'called', speaker: 'The minister', via: [] },
  ]);
});

test('quotes: a quotation signed "— Name" at the end of its line is that person\'s; a dash going on with the sentence is not a signature', () => {
  const qs = quotesIn('Readers wrote in.\n\n\u201cThe ferry has not come for a month.\u201d\u00a0\u2015 Edda Lund\n' +
    '\u201cWe pay twice what we paid in May.\u201d \u2014 Ivo J. Marr, Brask.\n\nThe mayor said the \u201cbridge will close\u201d \u2014 and it did.');
  assert.deepEqual(qs.map(brief), [
    { content: '\u201cThe ferry has not come for a month.\u201d', direct: true, cue: '\u2015', speaker: 'Edda Lund', via: [] },
    { content: '\u201cWe pay twice what we paid in May.\u201d', direct: true, cue: '\u2014', speaker: 'Ivo J. Marr', via: [] },
    // (what follows the dash is the narrator's, not the mayor's: see "ends where the narrator adds to it")
    { content: 'the \u201cbridge will close\u201d', direct: true, cue: 'said', speaker: 'The mayor', via: [] },
  ]);
});

test('quotes: a time phrase right after the cue is when it was said, not part of the report, unless it is the subject', () => {
  const qs = quotesIn('The bank said this month it would drop the fees. The army said on Sept. 5 the road was open. ' +
    'Ivo Marr said last year was hard. Edda Lund said Tuesday\'s vote was rigged. The ministry said 500 people were hurt. ' +
    'A pilot said night crossings were common. The council said in 10 days the bridge would open. ' +
    'The ministry said Tuesday 15 people were hurt. The imam said Friday prayers would be held. The army said Monday night the road was open. ' +
    'The army said early morning raids killed five.');
  assert.deepEqual(qs.map((q) => q.content), ['it would drop the fees', 'the road was open', 'last year was hard', "Tuesday's vote was rigged",
    // a number or a noun of time is no time phrase on its own
    '500 people were hurt', 'night crossings were common', 'in 10 days the bridge would open',
    '15 people were hurt', 'Friday prayers would be held', 'the road was open', 'early morning raids killed five']);
});

test('quotes: a time before the cue is never the speaker: the phrase before it, or before the participle it belongs to, is', () => {
  const qs = quotesIn('The court this month rejected a request from the port workers. ' +
    'A harbour survey released in late August found that most boats were idle. A council poll published Friday shows that fares rose. ' +
    'May said the deal was dead. Late on Tuesday, the minister told reporters. People like Lund, a trader said.');
  // a lone month may be a name; an adverbial before the comma, with no verb, is no report; a noun phrase is
  assert.deepEqual(qs.map((q) => [q.speaker.text, q.cue, q.content]), [['The court', 'rejected', 'a request from the port workers'],
    ['A harbour survey', 'found', 'that most boats were idle'], ['A council poll', 'shows', 'that fares rose'], ['May', 'said', 'the deal was dead'],
    ['a trader', 'said', 'People like Lund']]);
});

test('quotes: a short quotation right after an attribution carries the quote on; alone it is no quote; a fall or a dateline reports nothing', () => {
  const qs = quotesIn('\u201cHere comes the ferry,\u201d Ivo Marr said. \u201cAt last.\u201d Then the crowd chanted \u201cBrask! Brask!\u201d for an hour.\n\n' +
    'Support for the council declined four points. Edda Lund reported from Brask.');
  assert.deepEqual(qs.map(brief), [
    { content: '\u201cHere comes the ferry,\u201d Ivo Marr said. \u201cAt last.\u201d', direct: true, cue: 'said', speaker: 'Ivo Marr', via: [] },
  ]);
});

test('quotes: "X quoted Y as saying:" makes Y the speaker and X the channel', () => {
  const [q] = quotesIn('The Pellham Gazette quoted General Ira Stone as saying last week: “the bridge will reopen in May.”');
  assert.deepEqual(brief(q), { content: '“the bridge will reopen in May.”', direct: true, cue: 'quoted', speaker: 'General Ira Stone', via: ['The Pellham Gazette'] });
});

test('quotes: a quotation interrupted by its attribution is one quote', () => {
  const [q, ...rest] = quotesIn('“We are ready,” said Mira Olsen, “and we will not wait for the council.”');
  assert.equal(rest.length, 0);
  assert.deepEqual(brief(q), { content: '“We are ready,” said Mira Olsen, “and we will not wait for the council.”', direct: true, cue: 'said', speaker: 'Mira Olsen', via: [] });
});

test('quotes: a line opening "Name: …" is a report when a verb or a quotation follows; a title, or an outlet’s headline, is not the label speaking', () => {
  const qs = quotesIn('Marshal Ketter: the bridge will reopen in May\n\nAnna Brandt: “Never again”\n\nField notes: a week on the coast road\n\n' +
    'Brask Courier: harbour official alleges the quota was sold twice\n\nThe ferry left at noon.');
  assert.deepEqual(qs.map((q) => [q.speaker.text, q.cue, q.content]), [
    ['Marshal Ketter', ':', 'the bridge will reopen in May'],
    ['Anna Brandt', ':', '“Never again”'],
    ['harbour official', 'alleges', 'the quota was sold twice'],
  ]);
});

test('quotes: a quotation introduced by a colon runs on over paragraphs that reopen with a quote mark', () => {
  const text = 'Mira Olsen said: “The first shipment left at night.\n\n“The second one never arrived at the port.”\n\nThe council did not reply.';
  const [q] = quotesIn(text);
  assert.equal(q.content, '“The first shipment left at night.\n\n“The second one never arrived at the port.”');
  assert.equal(q.speaker.text, 'Mira Olsen');
  assert.equal(q.direct, true);
});

test('quotes: "had been told by X that" keeps X as the speaker and the hearer as the channel', () => {
  const [q] = quotesIn('He had been told by the harbour master Piet Lund that the cranes were sold.');
  assert.deepEqual(brief(q), { content: 'that the cranes were sold', direct: false, cue: 'told', speaker: 'the harbour master Piet Lund', via: ['He'] });
});

test('quotes: "he added" after an unnamed source keeps the description as the speaker', () => {
  const qs = quotesIn('One trader close to the council told the Northgate Herald he sold grain in every district. There was nothing odd about this, he added.');
  assert.deepEqual(qs.map(brief), [
    { content: 'he sold grain in every district', direct: false, cue: 'told', speaker: 'One trader close to the council', via: ['the Northgate Herald'] },
    { content: 'There was nothing odd about this', direct: false, cue: 'added', speaker: 'One trader close to the council', via: [] },
  ]);
  assert.equal(qs[1].speaker.entityId, null);
});

test('quotes: "is sure that" is a cue of certainty', () => {
  const [q] = quotesIn('Shipping analyst Dana Fell is sure that the two firms had been trading.');
  assert.deepEqual(brief(q), { content: 'that the two firms had been trading', direct: false, cue: 'is sure', speaker: 'Shipping analyst Dana Fell', via: [] });
});

test('quotes: a named speaker links to the entity whose mention it overlaps', () => {
  const text = 'Harbour official Lena Moss confirmed that the ferry had been sold twice. She added that the buyer was unknown.';
  const moss: Entity = { id: 'e4', key: 'lena moss|PERSON', name: 'Lena Moss', type: 'PERSON', aliases: ['Lena Moss'], mentions: [{ in: 'document', start: 17, end: 26, text: 'Lena Moss' }] };
  const qs = quotesIn(text, [moss]);
  assert.deepEqual(qs.map((q) => [q.speaker.text, q.speaker.entityId]), [['Harbour official Lena Moss', 'e4'], ['Lena Moss', 'e4']]);
});

test('quotes: scare quotes inside a sentence are not a quote', () => {
  assert.deepEqual(quotesIn('The so-called “reform” passed the council on Monday.'), []);
});

test('quotes: quoteContaining finds the quote around a span and nothing outside it', () => {
  const qs = quotesIn('Harbour official Lena Moss confirmed that the ferry had been sold twice.');
  assert.equal(quoteContaining(qs, { in: 'document', start: 45, end: 50 })?.id, 'q1');
  assert.equal(quoteContaining(qs, { in: 'document', start: 0, end: 7 }), null);
  assert.equal(quoteContaining(qs, { in: 'c1', start: 45, end: 50 }), null);
});

test('quotation marks: an unclosed quotation ends with its paragraph', () => {
  assert.deepEqual(findQuotations('He said “we left early.\n\nThen “rain” came.'), [
    { start: 8, end: 23, closed: false },
    { start: 30, end: 36, closed: true },
  ]);
});

test('quotation marks: `` and \'\' open and close as double quote marks do, also across paragraphs; 5\'\' is no quotation', () => {
  assert.deepEqual(findQuotations("``We left,'' she said. ''Rain came.''\n\n''It will rain\n\n''and snow,'' he said. It is 5'' long."), [
    { start: 0, end: 12, closed: true },
    { start: 23, end: 37, closed: true },
    { start: 39, end: 68, closed: true },
  ]);
  const qs = quotesIn("''There is a lot of new complexity,'' said Ivo Marr, a tax adviser. ``We will see,'' Edda Lund added.");
  assert.deepEqual(qs.map(brief), [
    { content: "''There is a lot of new complexity,''", direct: true, cue: 'said', speaker: 'Ivo Marr', via: [] },
    { content: "``We will see,''", direct: true, cue: 'added', speaker: 'Edda Lund', via: [] },
  ]);
});

test('quotes: a description is not linked to the organisation that only modifies it', () => {
  const text = 'A Nordvik government adviser told reporters that the border would stay closed.';
  const gov: Entity = { id: 'e2', key: 'nordvik government|ORG', name: 'Nordvik government', type: 'ORG', aliases: ['Nordvik government'], mentions: [{ in: 'document', start: 2, end: 20, text: 'Nordvik government' }] };
  const [q] = quotesIn(text, [gov]);
  assert.deepEqual([q.speaker.text, q.speaker.entityId], ['A Nordvik government adviser', null]);
});

test('quotes: "a report by X" and "this article in X" speak for X; a report about X does not', () => {
  const org = (text: string, name: string, id: string): Entity => {
    const start = text.indexOf(name);
    return { id, key: `${name.toLowerCase()}|ORG`, name, type: 'ORG', aliases: [name], mentions: [{ in: 'document', start, end: start + name.length, text: name }] };
  };
  const a = 'A report by the Marrow Ledger claimed that the mayor had sold the pier.';
  assert.deepEqual(quotesIn(a, [org(a, 'Marrow Ledger', 'e4')]).map((q) => [q.speaker.text, q.speaker.entityId]), [['A report by the Marrow Ledger', 'e4']]);
  const b = 'This article in the Quill says that the pier was never sold.';
  assert.deepEqual(quotesIn(b, [org(b, 'Quill', 'e5')]).map((q) => [q.speaker.text, q.speaker.entityId]), [['This article in the Quill', 'e5']]);
  // the writing's author only: "a spokesman for X" is not X's writing, "a study of X" is about X
  const d = 'A study of the Marrow Ledger found that the pier was sold.';
  assert.deepEqual(quotesIn(d, [org(d, 'Marrow Ledger', 'e4')]).map((q) => [q.speaker.text, q.speaker.entityId]), [['A study of the Marrow Ledger', null]]);
  const c = 'A spokesman for the Marrow Ledger said that the pier was sold.';
  assert.deepEqual(quotesIn(c, [org(c, 'Marrow Ledger', 'e4')]).map((q) => [q.speaker.text, q.speaker.entityId]), [['A spokesman for the Marrow Ledger', null]]);
});

test('quotes: a speaker phrase holding a list keeps the whole list, not its last items', () => {
  const text = 'Last spring, voices from the navy, banking and trade have argued that the port is for sale.';
  assert.deepEqual(quotesIn(text).map(brief), [
    { content: 'that the port is for sale', direct: false, cue: 'argued', speaker: 'voices from the navy, banking and trade', via: [] },
  ]);
  // a comma after an opening adverbial is not part of a list
  assert.deepEqual(quotesIn('Over the years, harbour pilots and skippers have said that the port is for sale.').map((q) => q.speaker.text), ['harbour pilots and skippers']);
});

test('quotes: a description with the name after a comma is that person', () => {
  const text = 'A second harbour pilot, Captain Lev Arno, told the Quill that the channel was mined.';
  const start = text.indexOf('Lev Arno');
  const arno: Entity = { id: 'e3', key: 'lev arno|PERSON', name: 'Lev Arno', type: 'PERSON', aliases: ['Lev Arno'], mentions: [{ in: 'document', start, end: start + 8, text: 'Lev Arno' }] };
  assert.deepEqual(quotesIn(text, [arno]).map((q) => [q.speaker.text, q.speaker.entityId]), [['A second harbour pilot, Captain Lev Arno', 'e3']]);
  // a name that only modifies the description is not the speaker
  const other = 'A lawyer for Lev Arno told the Quill that the channel was mined.';
  const at = other.indexOf('Lev Arno');
  const arno2: Entity = { ...arno, mentions: [{ in: 'document', start: at, end: at + 8, text: 'Lev Arno' }] };
  assert.deepEqual(quotesIn(other, [arno2]).map((q) => [q.speaker.text, q.speaker.entityId]), [['A lawyer for Lev Arno', null]]);
});

test('quotes: "according to X, a description, …" keeps the description with the source', () => {
  assert.deepEqual(quotesIn('According to the Ferry Watch, a group that counts sailings from the pier, crossings fell by half in May.').map(brief), [
    { content: 'crossings fell by half in May', direct: false, cue: 'According to', speaker: 'the Ferry Watch, a group that counts sailings from the pier', via: [] },
  ]);
  // a clause after the comma is the content, even when it opens with "a"
  assert.deepEqual(quotesIn('According to harbour police, a man was arrested on the pier, and two boats were seized.').map((q) => [q.speaker.text, q.content]), [
    ['harbour police', 'a man was arrested on the pier, and two boats were seized'],
  ]);
});

test('quotes: "I" in a section is its author, and the outlet of a relay links to its entity', () => {
  const section = tokenize('c1', 'I told the Pellham Gazette that the ferry was late again.');
  const gazette: Entity = { id: 'e7', key: 'pellham gazette|ORG', name: 'Pellham Gazette', type: 'ORG', aliases: ['Pellham Gazette'], mentions: [{ in: 'c1', start: 11, end: 26, text: 'Pellham Gazette' }] };
  const [q] = quotesOfSection(section, [gazette], 1, 'Rosa Lind');
  assert.deepEqual(q.speaker, { text: 'Rosa Lind', entityId: null, start: 0, end: 1 });
  assert.deepEqual(q.via, [{ text: 'the Pellham Gazette', entityId: 'e7' }]);
  assert.equal(q.in, 'c1');
});

test('quotes: a parenthetical ", X says," leaves the whole sentence as the content', () => {
  assert.deepEqual(quotesIn('In the three years since the floods, Barden says, far too many homes have been lost.').map(brief), [
    { content: 'In the three years since the floods, Barden says, far too many homes have been lost', direct: false, cue: 'says', speaker: 'Barden', via: [] },
  ]);
});

test('quotes: a speaker with a relative clause or dashes before the cue keeps the whole phrase', () => {
  const qs = quotesIn('Marta Cole, who runs the ferry union, says the strike will go on. Jonas Pell — a welder from the north yard — says he was never paid.');
  assert.deepEqual(qs.map((q) => [q.speaker.text, q.content]), [
    ['Marta Cole, who runs the ferry union', 'the strike will go on'],
    ['Jonas Pell — a welder from the north yard', 'he was never paid'],
  ]);
});

test('quotes: "and says" starts a second report, "and tell him" stays inside the first', () => {
  const qs = quotesIn('Ana Brun says she would sit the mayor down and tell him to resign, and says the budget was wasted.');
  assert.deepEqual(qs.map((q) => q.content), ['she would sit the mayor down and tell him to resign', 'the budget was wasted']);
});

test('quotes: "“…,” X, a historian, told The Courier" makes X the speaker and the outlet the channel', () => {
  const [q] = quotesIn('“The ferry will not sail again, because the council sold it,” Tova Lind, a historian at Pellham College, told The Courier.');
  assert.deepEqual(brief(q), { content: '“The ferry will not sail again, because the council sold it,”', direct: true, cue: 'told', speaker: 'Tova Lind, a historian at Pellham College', via: ['The Courier'] });
});

test('quotes: stance verbs report what a speaker wants, but only with their object right after them', () => {
  assert.deepEqual(quotesIn('The dockers union wants a new contract before the winter.').map(brief), [
    { content: 'a new contract before the winter', direct: false, cue: 'wants', speaker: 'The dockers union', via: [] },
  ]);
  assert.deepEqual(quotesIn('It was the image he wanted in the harbour towns.'), []);
});

test('quotes: a report in a "while" clause ends where the main clause begins; ", including …" stays inside', () => {
  assert.deepEqual(quotesIn('While Ana Brun said that the ferry was sold, she appears uneasy about the price.').map((q) => q.content), ['that the ferry was sold']);
  assert.deepEqual(quotesIn('Pell said the union has “several ways” of winning, including the vote of the north yard.').map((q) => q.content), [
    'the union has “several ways” of winning, including the vote of the north yard',
  ]);
});

test('quotes: across a page, "I" is the byline in the main text and each comment\'s own author in a comment', () => {
  const ctx = runPipeline({
    title: null, author: 'Nora Quill', publisher: null, publishedAt: null, language: 'en', format: 'text',
    text: 'I told the council that the ferry was late again.',
    comments: [
      { id: 'c1', parentId: null, author: 'Bram Oster', postedAt: null, text: 'I think that the ferry was sold twice.' },
      { id: 'c2', parentId: 'c1', author: null, postedAt: null, text: 'I think that the harbour was closed.' },
    ],
  });
  assert.deepEqual(ctx.quotes.map((q) => [q.id, q.in, q.speaker.text]), [['q1', 'document', 'Nora Quill'], ['q2', 'c1', 'Bram Oster'], ['q3', 'c2', 'I']]);
});

test('quotes: in a comment, "Name:" at the start addresses someone and "I" without an author stays "I"', () => {
  const section = tokenize('c3', 'Rob: This link has the shipping records from the port. I think that the ferry was sold twice.');
  const qs = quotesOfSection(section, [], 1, null);
  assert.deepEqual(qs.map((q) => [q.speaker.text, q.speaker.entityId, q.content]), [['I', null, 'that the ferry was sold twice']]);
});

test('quotes: "the Courier claims it …" is a report even when the tagger reads "claims" as a noun', () => {
  assert.deepEqual(quotesIn('This article in the Courier claims it goes mainly to the northern ports.').map(brief), [
    { content: 'it goes mainly to the northern ports', direct: false, cue: 'claims', speaker: 'This article in the Courier', via: [] },
  ]);
});

test('quotes: a quoted programme title before "X said" is not what X said', () => {
  assert.deepEqual(quotesIn('Sunday on the Harbour Channel’s “Morning Tide,” Mayor Ida Voss said the ferry budget was spent twice.').map((q) => [q.speaker.text, q.content]), [
    ['Mayor Ida Voss', 'the ferry budget was spent twice'],
  ]);
});

test('quotes: a passive "had been warned by" inside a content does not cut it', () => {
  assert.deepEqual(quotesIn('Lund alleges that when the port fell, the mayor had been warned by his own clerks weeks before.').map((q) => q.content), [
    'that when the port fell, the mayor had been warned by his own clerks weeks before',
  ]);
});

test('quotes: an indirect report ends where the narrator adds to it after a comma', () => {
  const contents = (text: string) => quotesIn(text).map((q) => q.content);
  const cases = [
    // a relative clause about its last noun, a contrast, a circumstance, a clause of its own after ", and", an apposition
    ['Mayor Ilse Brandt said the ferry would stop at Ostrel, which had no pier until May.', 'the ferry would stop at Ostrel'],
    ['Karl Ode claimed the convoy had crossed the bridge, but he offered no proof.', 'the convoy had crossed the bridge'],
    ['Anna Brandt said the port would reopen, while traders in Sava doubted it.', 'the port would reopen'],
    ['Ivo Marr said the harbour was closed, and the fishermen went home.', 'the harbour was closed'],
    ['Lena Voss praised the plan of Marshal Ketter, the former harbour master.', 'the plan of Marshal Ketter'],
    // ", but" with only a verb phrase after it is the narrator's about the speaker
    ['Karl Ode claimed the convoy had crossed the bridge, but offered no proof.', 'the convoy had crossed the bridge'],
    // a comma inside the closing mark is a comma
    ['Anna Brandt said the plan was \u201cabout right,\u201d though traders in Sava doubted it.', 'the plan was \u201cabout right,\u201d'],
    // but a report that goes on stays whole: ", and that …", ", as are …", a list
    ['Ivo Marr said the harbour was closed, and that the ferry had been sold.', 'the harbour was closed, and that the ferry had been sold'],
    ['The survey shows most bread is baked in Brask, as are nine of ten cakes.', 'most bread is baked in Brask, as are nine of ten cakes'],
    ['Karl Ode praised the Brask Courier, the Sava Post and the Ostrel Gazette.', 'the Brask Courier, the Sava Post and the Ostrel Gazette'],
    // ", but is now …" may go on with the report's own subject; a quotation after the comma is the speaker's
    ['According to Ivo Marr, the ferry was once the fastest, but is now the slowest.', 'the ferry was once the fastest, but is now the slowest'],
    ['Lena Voss said the port was safe, but the fishermen \u201cstill fear the mines.\u201d', 'the port was safe, but the fishermen \u201cstill fear the mines.\u201d'],
  ];
  for (const [text, content] of cases) assert.deepEqual(contents(text), [content], text);
});

test('quotes: a clause or phrase set off by commas inside a report, or before it, is no end of it', () => {
  const contents = (text: string) => quotesIn(text).map((q) => q.content);
  const whole = [
    // the report goes on after the aside closes
    ['Ivo Marr said the company, which employs 500 people, would close the plant.', 'the company, which employs 500 people, would close the plant'],
    ['Lena Voss said Karl Ode, the harbour master, would resign.', 'Karl Ode, the harbour master, would resign'],
    ['Ivo Marr said the port would suffer because the company, which employs 500 people, would close.', 'the port would suffer because the company, which employs 500 people, would close'],
    ['Anna Brandt said that during the war, the worst in decades, the port closed.', 'that during the war, the worst in decades, the port closed'],
    ['According to Karl Ode, the plan, while costly, would work.', 'the plan, while costly, would work'],
    // before the report itself
    ['Ivo Marr said in a statement, which was posted online, that the ferry was sold.', 'in a statement, which was posted online, that the ferry was sold'],
    ['Lena Voss said on Monday, while visiting Brask, that the port was mined.', 'on Monday, while visiting Brask, that the port was mined'],
    // lists, dates, quoted words, conditions and additions that are the speaker's
    ['Ivo Marr said the ferry, the bus, and the train were late.', 'the ferry, the bus, and the train were late'],
    ['Anna Brandt praised Ivo Marr, the mayor, and Lena Voss, the clerk.', 'Ivo Marr, the mayor, and Lena Voss, the clerk'],
    ['Anna Brandt said the ferry would leave on Friday, the 12th.', 'the ferry would leave on Friday, the 12th'],
    ['Karl Ode said the port was \u201csafe, but the mines remain\u201d for now.', 'the port was \u201csafe, but the mines remain\u201d for now'],
    ['Ivo Marr vowed to stay, even if the party loses.', 'to stay, even if the party loses'],
    ['Lena Voss said the ferry carries cars, as well as trucks.', 'the ferry carries cars, as well as trucks'],
    ['Ivo Marr said the ferry would stop at Ostrel \u2014 the last port \u2014 on Monday.', 'the ferry would stop at Ostrel \u2014 the last port \u2014 on Monday'],
    // "According to X, A, and B": B is under it too
    ['According to harbour police, a man was arrested, and two boats were seized.', 'a man was arrested, and two boats were seized'],
  ];
  for (const [text, content] of whole) assert.deepEqual(contents(text), [content], text);
});

test('quotes: words before a quotation that the narrator paraphrases belong to the report; a lead-in phrase does not', () => {
  const contents = (text: string) => quotesIn(text).map((q) => q.content);
  assert.deepEqual(contents('Voters in Sava need leaders \u201cwho understand the harbour,\u201d Anna Brandt said.'), ['Voters in Sava need leaders \u201cwho understand the harbour,\u201d']);
  // a lead that ends in a comma, or says where or when, is not the report's
  assert.deepEqual(contents('On a cold morning in Brask, \u201cthe ferry is late again,\u201d Lena Voss said.'), ['\u201cthe ferry is late again,\u201d']);
  assert.deepEqual(contents('In Brask \u201cthe ferry is late again,\u201d Lena Voss said.'), ['\u201cthe ferry is late again,\u201d']);
});

test('quotes: records that show something are its source, though the tagger reads their "show" as a noun', () => {
  const brief2 = (text: string) => quotesIn(text).map((q) => [q.speaker.text, q.cue, q.content]);
  assert.deepEqual(brief2('Harbour statistics show that the ferry lost money.'), [['Harbour statistics', 'show', 'that the ferry lost money']]);
  assert.deepEqual(brief2('Court records show the ferry company owed taxes.'), [['Court records', 'show', 'the ferry company owed taxes']]);
  assert.deepEqual(brief2('The port lost money in May, new filings show.'), [['new filings', 'show', 'The port lost money in May']]);
  // after a singular noun the word is the noun it was tagged ("the video show that aired")
  assert.deepEqual(brief2('The video show that aired on Monday was long.'), []);
});
