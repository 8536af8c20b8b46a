// Each resolution and recognition rule of the entities stage, pinned with small texts written
// for these tests (fictional people and outlets; real places and groups only as names).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../../src/nlp/pipeline.js';
import { canonicalKey, entityKey } from '../../src/nlp/stages/entities/index.js';
import { looseKey } from '../../src/nlp/stages/entities/normalize.js';
import type { Comment, Document, Entity } from '../../src/types.js';

function analyse(text: string, comments: Comment[] = []): Entity[] {
  const doc: Document = { text, comments, title: null, author: null, publisher: null, publishedAt: null, language: 'en', format: 'text' };
  return runPipeline(doc).entities;
}
/** The entity one mention text belongs to. */
const owner = (es: Entity[], text: string) => es.find((e) => e.mentions.some((m) => m.text === text));
const named = (es: Entity[]) => es.map((e) => `${e.type}:${e.name}`);

test('entities: keeps Bill and Hillary Clinton apart and gives a bare surname to the latest full name', () => {
  const es = analyse('Bill Clinton met voters in Ohio. Hillary Clinton spoke later. Clinton said the vote mattered.');
  const bill = owner(es, 'Bill Clinton');
  const hillary = owner(es, 'Hillary Clinton');
  assert.ok(bill && hillary);
  assert.notEqual(bill.id, hillary.id);
  assert.equal(owner(es, 'Clinton')?.id, hillary.id);
});

test('entities: a name ending in a newspaper word (Ledger, Courier, Dispatch) is an organisation', () => {
  // (a two-word name before "said", or after "at", is otherwise read as a person, or a place)
  const es = analyse('Coastal Ledger said the strike had ended. Editors at Northgate Courier agreed. Valley Dispatch reported it too.');
  assert.deepEqual(named(es), ['ORG:Coastal Ledger', 'ORG:Northgate Courier', 'ORG:Valley Dispatch']);
});

test('entities: merges a transliteration variant of a surname with the full name', () => {
  const es = analyse('The judge Karim Qassim left the court in March. Later Qasim told reporters he had been threatened.');
  const e = owner(es, 'Karim Qassim');
  assert.ok(e);
  assert.equal(owner(es, 'Qasim')?.id, e.id);
  assert.deepEqual(e.aliases, ['Karim Qassim', 'Qasim']);
});

test('entities: folds Ayyoob/Ayyub and Deir Ezzor/Deir ez-Zor to one key', () => {
  assert.equal(looseKey('Ayyoob'), looseKey('Ayyub'));
  assert.equal(looseKey('Deir Ezzor'), looseKey('Deir ez-Zor'));
  assert.equal(looseKey('Al-Raqqa'), looseKey('Raqqa'));
  assert.notEqual(looseKey('Iran'), looseKey('Iraq'));
});

test('entities: ISIS, ISIL, Daesh and Islamic State are one organisation', () => {
  const es = analyse('ISIS fighters entered the town. Officials blamed ISIL. Residents call the group Daesh, others the Islamic State.');
  const ids = new Set(['ISIS fighters', 'ISIL', 'Daesh', 'Islamic State'].map((t) => owner(es, t)?.id));
  assert.equal(ids.size, 1);
  assert.equal(owner(es, 'ISIL')?.name, 'Islamic State');
  assert.equal(owner(es, 'ISIL')?.type, 'ORG');
});

test('entities: an acronym in brackets joins its expansion, and initials find an earlier name', () => {
  // A lower-case "the" stays outside the mention ("the NSB" → "NSB"); a capitalised "The" opening a sentence is in it.
  const es = analyse('The Northern Shield Brigades (NSB) took the hill. Later the NSB withdrew. The Syrian Arab Army moved in; the SAA held it.');
  const nsb = owner(es, 'NSB');
  assert.ok(nsb);
  assert.equal(nsb.type, 'ORG');
  assert.deepEqual(nsb.mentions.map((m) => m.text), ['The Northern Shield Brigades', 'NSB', 'NSB']);
  assert.equal(owner(es, 'SAA')?.id, owner(es, 'The Syrian Arab Army')?.id);
});

test('entities: a rank stays on the person and a later surname resolves to them', () => {
  const text = 'Colonel Darin Velasko of the Coastal Guard spoke first. Velasko said the road was closed.';
  const es = analyse(text);
  const e = owner(es, 'Colonel Darin Velasko');
  assert.ok(e);
  assert.equal(e.type, 'PERSON');
  assert.equal(e.name, 'Colonel Darin Velasko');
  assert.equal(owner(es, 'Velasko')?.id, e.id);
  assert.ok(e.aliases.includes('Darin Velasko'));
  for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
});

test('entities: a possessive and trailing punctuation never attach to the name', () => {
  const text = "The Free Syrian Army's commanders met in Aleppo, then left.";
  const es = analyse(text);
  assert.deepEqual(owner(es, 'Free Syrian Army')?.mentions.map((m) => [m.start, m.end]), [[4, 20]]);
  assert.deepEqual(owner(es, 'Aleppo')?.mentions.map((m) => text.slice(m.start, m.end)), ['Aleppo']);
});

test('entities: Assad regime, Syrian regime and Syrian government are one organisation; Assad alone is the person', () => {
  const es = analyse('Critics say the Assad regime bombed the town. The Syrian government denied it. Analysts doubt the Syrian regime. Assad did not comment.');
  const gov = owner(es, 'Assad regime');
  assert.ok(gov);
  assert.equal(gov.type, 'ORG');
  assert.equal(owner(es, 'The Syrian government')?.id, gov.id);
  assert.equal(owner(es, 'Syrian regime')?.id, gov.id);
  const assad = owner(es, 'Assad');
  assert.equal(assad?.type, 'PERSON');
  assert.equal(assad?.name, 'Bashar al-Assad');
});

test('entities: Al- prefixes meet the bare place name and Iran stays apart from Iraq', () => {
  const es = analyse('Convoys left Al-Raqqa for Iran. Raqqa was quiet, and the road to Iraq closed.');
  assert.equal(owner(es, 'Al-Raqqa')?.id, owner(es, 'Raqqa')?.id);
  assert.notEqual(owner(es, 'Iran')?.id, owner(es, 'Iraq')?.id);
  assert.deepEqual(named(es), ['PLACE:Raqqa', 'PLACE:Iran', 'PLACE:Iraq']);
});

test('entities: a country that acts is its government, a country where things happen is a place', () => {
  const es = analyse('Iraq closed its border after clashes in Iraq.');
  assert.deepEqual(es.map((e) => [e.type, e.name, e.mentions.map((m) => m.start)]), [['ORG', 'Iraqi government', [0]], ['PLACE', 'Iraq', [40]]]);
});

test('entities: a country as possessor is its government, unless what it owns is a place', () => {
  const es = analyse("Jordan's response was quick. Refugees reached Jordan's north.");
  assert.deepEqual(es.map((e) => [e.type, e.name, e.mentions.map((m) => m.text)]), [['ORG', 'Jordanian government', ['Jordan']], ['PLACE', 'Jordan', ['Jordan']]]);
});

test('entities: a named operation and an indefinite bare title are not mentions', () => {
  const es = analyse('Troops began Operation Sandpiper in May. Later an Iraqi General spoke to Omar Talib.');
  assert.deepEqual(named(es), ['PERSON:Omar Talib']);
});

test('entities: a demonym with a ground noun, and an unknown name with a place noun, are places', () => {
  const es = analyse('Jets crossed into Syrian territory near the Velmora region.');
  assert.deepEqual(es.map((e) => [e.type, e.mentions.map((m) => m.text)]), [['PLACE', ['Syrian territory']], ['PLACE', ['Velmora region']]]);
});

test('entities: Arabic army and front words make an organisation; transliterations in a language bracket are skipped', () => {
  const es = analyse('Jaish al-Nadir (Arabic: جيش النادر, Jaysh an-Nadir) claimed the attack.');
  assert.deepEqual(es.map((e) => [e.type, e.mentions.map((m) => m.text)]), [['ORG', ['Jaish al-Nadir']]]);
});

test('entities: a country opening a sentence is its government, unless a comma or "is being" follows', () => {
  const es = analyse('The UK is at the forefront of aid. Jordan, a small country, hosts many. Lebanon is being torn apart.');
  assert.deepEqual(es.map((e) => [e.type, e.mentions.map((m) => m.text)]), [['ORG', ['The UK']], ['PLACE', ['Jordan']], ['PLACE', ['Lebanon']]]);
});

test('entities: "Special Operations" is a military organisation, not a person', () => {
  const es = analyse('He was killed in a raid by Varnish Special Operations last year.');
  assert.deepEqual(es.map((e) => [e.type, e.mentions.map((m) => m.text)]), [['ORG', ['Varnish Special Operations']]]);
});

test('entities: unknown names take place from "including" after a place, "portion of", and "to the north"', () => {
  const es = analyse('Troops held Northern Iraq including Qarvel and Minshar. A portion of Kessendorf burned. Ostrava lay between Dunmark to the south and Velsk.');
  assert.deepEqual(es.filter((e) => e.type === 'PLACE').map((e) => e.name), ['Northern Iraq', 'Qarvel', 'Minshar', 'Kessendorf', 'Dunmark']);
});

test('entities: in a title-cased heading a known name is not widened over the words after it', () => {
  const es = analyse('The Syria-ISIS Partnership Grows:\n\nMany doubt it.');
  assert.deepEqual(es.map((e) => [e.type, e.name, e.mentions.map((m) => m.text)]), [['PLACE', 'Syria', ['Syria']], ['ORG', 'Islamic State', ['ISIS']]]);
});

test('entities: a group noun widens the mention but the alias stays the name', () => {
  const es = analyse('ISIL troops entered the town. ISIL later withdrew.');
  const isil = owner(es, 'ISIL troops');
  assert.deepEqual(isil?.mentions.map((m) => m.text), ['ISIL troops', 'ISIL']);
  assert.deepEqual(isil?.aliases, ['ISIL']);
});

test('entities: gazetteer kinds are not names ("The Company" is not Twitter, "The Group" not Ahrar al-Sham)', () => {
  assert.deepEqual(named(analyse('The Company said it would appeal. The Group met in Paris.')), ['PLACE:Paris']);
});

test('entities: "the group" and "the army" refer back to the last group or army named; capitalised they are mentions', () => {
  const es = analyse('Hezbollah fighters and the Syrian Arab Army advanced. The group said the army had lost men.');
  assert.deepEqual(owner(es, 'The group')?.name, 'Hezbollah');
  const army = owner(es, 'Syrian Arab Army');
  assert.deepEqual(army?.references?.map((m) => m.text), ['the army']);
});

test('entities: a compound adjective belongs to the place; two countries before an event head are one event name', () => {
  const es = analyse('The line runs through Kurdish-speaking Iraq. He fought in the Iran-Iraq War.');
  assert.deepEqual(es.filter((e) => e.type === 'PLACE').map((e) => e.mentions.map((m) => m.text)), [['Kurdish-speaking Iraq']]);
  assert.equal(es.filter((e) => e.name === 'Iran').length, 0);
});

test('entities: the place inside "rebel-held Aleppo" keeps its own name, the alias other documents meet', () => {
  const es = analyse('Shells fell on rebel-held Aleppo on Monday. Aleppo has been cut off since spring. Crowds left regime-controlled Idlib province.');
  assert.deepEqual(es.map((e) => [e.name, e.aliases, e.mentions.map((m) => m.text)]), [
    ['Aleppo', ['Aleppo'], ['rebel-held Aleppo', 'Aleppo']],
    ['Idlib province', ['Idlib province'], ['regime-controlled Idlib province']],
  ]);
});

test('entities: "as" joins an Arabic name only hyphenated ("Ahrar as-Sham"), not "Uzbekistan as Minister"', () => {
  const es = analyse('On his visit to Uzbekistan as Minister for Central Asia, Mr Velasko met Ahrar as-Sham envoys.');
  assert.deepEqual(es.map((e) => e.mentions.map((m) => m.text)[0]), ['Uzbekistan', 'Minister for Central Asia', 'Mr Velasko', 'Ahrar as-Sham']);
});

test('entities: the people of a group ("Iraqi military officials", "Interior Ministry officers") are one mention, kept apart from the group', () => {
  const es = analyse('Iraqi military officials met Interior Ministry officers in Basra.');
  assert.deepEqual(es.filter((e) => e.type === 'ORG').map((e) => [e.name, e.mentions.map((m) => m.text)]), [['Iraqi military officials', ['Iraqi military officials']], ['Interior Ministry officers', ['Interior Ministry officers']]]);
});

test('entities: a country’s named organisation is one mention, without the determiner of the country', () => {
  const es = analyse('A year ago, the UK’s brave Armed Forces helped. Later Jordan’s Security Forces advanced.');
  assert.deepEqual(es.map((e) => [e.type, e.mentions.map((m) => m.text)]), [['ORG', ['UK’s brave Armed Forces']], ['ORG', ['Jordan’s Security Forces']]]);
});

test('entities: a made-up outlet in brackets after "website" is an organisation, not the country', () => {
  const es = analyse('A local website (Syrian Lantern) quoted residents in Syria.');
  assert.equal(owner(es, 'Syrian Lantern')?.type, 'ORG');
  assert.equal(owner(es, 'Syria')?.type, 'PLACE');
  assert.notEqual(owner(es, 'Syrian Lantern')?.id, owner(es, 'Syria')?.id);
});

test('entities: a bare title refers back to the person who carried it', () => {
  const es = analyse('Foreign Secretary Alan Pemberton arrived in Geneva. The Foreign Secretary said talks would resume.');
  assert.equal(owner(es, 'The Foreign Secretary')?.id, owner(es, 'Foreign Secretary Alan Pemberton')?.id);
});

test('entities: he refers to the person just named and we to the group; pronouns are not aliases', () => {
  const es = analyse('Marwan Tello joined the Harbour Workers Union in 2010. He said the union had changed. "We will strike," the Harbour Workers Union said.');
  const tello = owner(es, 'Marwan Tello');
  assert.equal(owner(es, 'He')?.id, tello?.id);
  assert.deepEqual(tello?.aliases, ['Marwan Tello']);
  assert.equal(owner(es, 'We')?.type, 'ORG');
});

test('entities: mentions in comments point into the comment text', () => {
  const comment: Comment = { id: 'c1', parentId: null, author: null, postedAt: null, text: 'I agree about Damascus.' };
  const es = analyse('Fighting continued near Damascus.', [comment]);
  const dam = owner(es, 'Damascus');
  assert.deepEqual(dam?.mentions.map((m) => [m.in, m.start, m.end]), [['document', 24, 32], ['c1', 14, 22]]);
});

test('entities: stable keys map aliases of one thing to one key', () => {
  assert.equal(entityKey('Islamic State', 'ORG'), 'org:islamic state');
  assert.equal(canonicalKey('Daesh', 'ORG'), 'org:islamic state');
  assert.equal(canonicalKey('ISIL', 'ORG'), canonicalKey('ISIS', 'ORG'));
  assert.equal(canonicalKey('Colonel Darin Velasko', 'PERSON'), 'person:darin velasko');
  assert.equal(canonicalKey("Al-Raqqa's", 'PLACE'), 'place:raqqa');
});

test('entities: sentence-initial common words and title-cased phrases are not names', () => {
  const es = analyse('Whilst the talks went on, nothing moved.\nMeanwhile prices rose in the secret library.\nSecret Library staff left Homs.');
  assert.deepEqual(named(es), ['PLACE:Homs']);
});

test('entities: a community or its fighters is one organisation mention', () => {
  const es = analyse('Kurdish fighters held the ridge while Sunni Arabs fled south.');
  assert.deepEqual(es.map((e) => [e.type, e.mentions[0].text]), [['ORG', 'Kurdish fighters'], ['ORG', 'Sunni Arabs']]);
});

test('entities: an unknown name after "fled" or "the assault on" is a place', () => {
  const es = analyse('Gunmen fled Tell Barqan after the assault on Zahrat.');
  assert.deepEqual(named(es), ['PLACE:Tell Barqan', 'PLACE:Zahrat']);
});

test('entities: geographic coordinates are places with exact spans', () => {
  const text = 'Coordinates: 33°47′N 44°30′E / 33.783°N 44.500°E';
  const es = analyse(text);
  assert.deepEqual(es.map((e) => [e.type, e.mentions[0].text]), [['PLACE', '33°47′N 44°30′E'], ['PLACE', '33.783°N 44.500°E']]);
});

test('entities: a place name then a title are two mentions', () => {
  const es = analyse('In Turkey Minister Darin Velasko met the governor.');
  assert.deepEqual(named(es), ['PLACE:Turkey', 'PERSON:Minister Darin Velasko']);
});

test('entities: "the regime" refers to the government last named but is not an alias', () => {
  const es = analyse('The Syrian government denied it. Critics say the regime lied.');
  const gov = es.find((e) => e.references?.some((m) => m.text === 'the regime'));
  assert.equal(gov?.id, owner(es, 'The Syrian government')?.id);
  assert.deepEqual(gov?.aliases, ['Syrian government']);
});

test('entities: lower-case pronouns are references, apart from the mentions; a pronoun opening a sentence stays a mention', () => {
  const es = analyse('Marwan Tello left Aleppo in May. He said he would return.');
  const tello = owner(es, 'Marwan Tello');
  assert.deepEqual(tello?.mentions.map((m) => [m.text, m.start]), [['Marwan Tello', 0], ['He', 33]]);
  assert.deepEqual(tello?.references, [{ in: 'document', start: 41, end: 43, text: 'he' }]);
});

test('entities: a capitalised descriptor before a given name is split off, a three-part name is not', () => {
  assert.deepEqual(named(analyse('Harbour Radio NFL Insider Karim Dahan said the match was lost.')), ['ORG:Harbour Radio NFL Insider', 'PERSON:Karim Dahan']);
  assert.deepEqual(named(analyse('A doctor, Zahid Mohammed Rawi, said the clinic was full.')), ['PERSON:Zahid Mohammed Rawi']);
});

test('entities: "I" outside quotation marks is the author of that text; inside quotes it is the person quoted', () => {
  const comment: Comment = { id: 'c1', parentId: null, author: 'Rana Haddad', postedAt: null, text: 'I disagree with Velasko.' };
  const doc: Document = {
    text: 'Colonel Darin Velasko spoke on Monday. "I saw the convoy," he said. I could not confirm it.',
    comments: [comment], title: null, author: 'Lena Morrow', publisher: null, publishedAt: null, language: 'en', format: 'text',
  };
  const es = runPipeline(doc).entities;
  const byMention = (container: string, start: number) => es.find((e) => e.mentions.some((m) => m.in === container && m.start === start))?.name;
  assert.equal(byMention('document', 40), 'Colonel Darin Velasko');
  assert.equal(byMention('document', 68), 'Lena Morrow');
  assert.equal(byMention('c1', 0), 'Rana Haddad');
  assert.equal(byMention('c1', 16), 'Colonel Darin Velasko');
});

test('entities: a surname in capitals is the person named before; other shouted words are left out', () => {
  const es = analyse('On air, Dana Wells asked Senator Omar Kessler about the vote.\nKESSLER: We will win.\nCROSSTALK\nWells said nothing.');
  assert.deepEqual(named(es).filter((n) => !n.startsWith('ORG')), ['PERSON:Dana Wells', 'PERSON:Senator Omar Kessler']);
  assert.ok(owner(es, 'KESSLER')?.name === 'Senator Omar Kessler');
  assert.equal(owner(es, 'CROSSTALK'), undefined);
});

test('entities: a contraction split by the tokenizer ends a name', () => {
  assert.deepEqual(named(analyse('Omar Kessler Won\'t Run Again')), ['PERSON:Omar Kessler']);
});

test('entities: title-cased words count as common only when written whole in lower case, not inside longer words', () => {
  const common = 'Residents gathered at Copper Lantern on Friday. The old copper kettle and a lantern hung by the door.';
  assert.deepEqual(named(analyse(common)), []);
  // "coppersmith" and "lanterns" hold the words only as parts: the name stands.
  const inside = 'Residents gathered at Copper Lantern on Friday. The coppersmith kept a lanterns stall by the door.';
  assert.deepEqual(named(analyse(inside)), ['PLACE:Copper Lantern']);
  // A hyphen ends a word: "copper-lantern" writes both words in lower case.
  const hyphened = 'Residents gathered at Copper Lantern on Friday. The copper-lantern stall stood by the door.';
  assert.deepEqual(named(analyse(hyphened)), []);
});

test('entities: a headline names only what the text writes with capitals too; a line of names stays', () => {
  const text = 'Ketter Stands Firm On Plan For Bridge Toll With Brask\n\n' +
    'Marshal Ivo Ketter said on Monday that the toll would stay. Traders in Brask said the Harbour Guild opposed it.\n\n' +
    'Signed by\nAnna Brandt\nKarl Ode Varga\n';
  const es = analyse(text);
  assert.deepEqual(named(es).sort(), ['ORG:Harbour Guild', 'PERSON:Anna Brandt', 'PERSON:Karl Ode Varga', 'PERSON:Marshal Ivo Ketter', 'PLACE:Brask']);
  // nothing is made of the headline's other words
  assert.ok(!es.some((e) => e.mentions.some((m) => m.end > text.indexOf('Stands') && m.start < text.indexOf('\n'))));
  // nor of a title the headline leaves alone
  const titled = 'Senator Vows To Keep Toll\n\nSenator Anna Brandt said on Monday that the toll would stay.\n';
  assert.deepEqual(named(analyse(titled)), ['PERSON:Senator Anna Brandt']);
});

test('entities: a headline in capitals, or opening with a known name, keeps its names; a byline is no headline', () => {
  const text = 'FREE SYRIAN ARMY RETAKES TOWN NEAR ALEPPO\n\n' +
    'Free Syrian Army Retakes Town Near Aleppo After Talks\n\n' +
    'Fighters took the town on Monday after talks near Aleppo, the FSA said. The town had changed hands twice.\n\n' +
    'By Anna Brandt In Kyiv\n';
  const es = analyse(text);
  assert.deepEqual(named(es).sort(), ['ORG:Free Syrian Army', 'PERSON:Anna Brandt', 'PLACE:Aleppo', 'PLACE:Kiev']);
  assert.deepEqual(es.find((e) => e.name === 'Free Syrian Army')?.mentions.map((m) => m.text), ['FREE SYRIAN ARMY', 'Free Syrian Army', 'FSA']);
  assert.deepEqual(es.find((e) => e.name === 'Aleppo')?.mentions.map((m) => m.text), ['ALEPPO', 'Aleppo', 'Aleppo']);
});

test('entities: "IN" or "ON" after a place in a title-cased line is a state or province, not a headline\'s word', () => {
  const text = 'Harbour Guild Music Hall, Lindholm, IN\n\nThe concert was moved, organisers said on Friday.\n';
  assert.deepEqual(analyse(text).map((e) => e.name).sort(), ['Harbour Guild Music Hall', 'IN', 'Lindholm']);
});
