// Two small analyses written for the server tests: fictional outlets and speakers, offsets worked
// out by hand (the helper `span` finds them so the fixture cannot drift from its text).
import type { Analysis, Entity, Event, Quote } from '../../src/types.js';

function span(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { start, end: start + needle.length };
}

function entity(text: string, id: string, key: string, name: string, type: Entity['type'], forms: string[]): Entity {
  // Every occurrence of each form, longest forms first, never inside one already taken.
  const mentions: Entity['mentions'] = [];
  for (const f of [...forms].sort((a, b) => b.length - a.length))
    for (let at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + 1))
      if (!mentions.some((m) => at < m.end && at + f.length > m.start)) mentions.push({ in: 'document', start: at, end: at + f.length, text: f });
  mentions.sort((a, b) => a.start - b.start);
  return { id, key, name, type, aliases: [...new Set(forms)], mentions };
}

export const TEXT_A =
  'Colonel Ana Brekke of the Northern Guard said the bridge at Varno was left open. ' +
  '"We saw no fighting at the bridge," Brekke told the Harbour Courier. ' +
  'On 3 March 2024 the Northern Guard shelled Varno, <b>residents</b> said.';

export const TEXT_B =
  'The Harbour Courier reported that the Northern Guard denied the account. ' +
  '"The bridge was defended by the Northern Guard," said Tomas Veld, a spokesman.';

function analysisA(): Analysis {
  const t = TEXT_A;
  const brekke = entity(t, 'e1', 'person:ana brekke', 'Ana Brekke', 'PERSON', ['Colonel Ana Brekke', 'Brekke']);
  const guard = entity(t, 'e2', 'org:northern guard', 'Northern Guard', 'ORG', ['Northern Guard']);
  const varno = entity(t, 'e3', 'place:varno', 'Varno', 'PLACE', ['Varno']);
  const courier = entity(t, 'e4', 'org:harbour courier', 'Harbour Courier', 'ORG', ['Harbour Courier']);
  const qspan = span(t, '"We saw no fighting at the bridge,"');
  const sp = span(t, 'Brekke', qspan.end);
  const quote: Quote = {
    id: 'q1', in: 'document', ...qspan, content: t.slice(qspan.start, qspan.end), direct: true, cue: 'told',
    cueSpan: span(t, 'told'), speaker: { text: 'Brekke', entityId: 'e1', start: sp.start, end: sp.end },
    via: [{ text: 'the Harbour Courier', entityId: 'e4' }],
  };
  const vspan = span(t, 'On 3 March 2024 the Northern Guard shelled Varno');
  const event: Event = { id: 'v1', in: 'document', ...vspan, text: t.slice(vspan.start, vspan.end), cameo: '195', date: '2024-03-03', actors: ['e2', 'e3'], place: 'e3' };
  return {
    schema: 'dossier.analysis/1', source: 'fixtures/a.html',
    document: { title: 'Bridge at Varno', author: 'Rita Oom', publisher: 'The Harbour Courier', publishedAt: '2024-03-04', language: 'en', text: t },
    comments: [
      { id: 'c1', parentId: null, author: 'reader_one', postedAt: '2024-03-04T10:00:00Z', text: 'Brekke has said this before.' },
      { id: 'c2', parentId: 'c1', author: 'reader_two', postedAt: '2024-03-04T11:00:00Z', text: 'Source?' },
    ],
    entities: [brekke, guard, varno, courier], quotes: [quote], events: [event],
  };
}

function analysisB(): Analysis {
  const t = TEXT_B;
  const courier = entity(t, 'e1', 'org:harbour courier', 'Harbour Courier', 'ORG', ['Harbour Courier']);
  const guard = entity(t, 'e2', 'org:northern guard', 'Northern Guard', 'ORG', ['Northern Guard']);
  const veld = entity(t, 'e3', 'person:tomas veld', 'Tomas Veld', 'PERSON', ['Tomas Veld']);
  const qspan = span(t, '"The bridge was defended by the Northern Guard,"');
  const sp = span(t, 'Tomas Veld');
  const quote: Quote = {
    id: 'q1', in: 'document', ...qspan, content: t.slice(qspan.start, qspan.end), direct: true, cue: 'said',
    cueSpan: span(t, 'said'), speaker: { text: 'Tomas Veld', entityId: 'e3', start: sp.start, end: sp.end }, via: [],
  };
  return {
    schema: 'dossier.analysis/1', source: 'fixtures/b.txt',
    document: { title: 'Guard denies bridge account', author: null, publisher: 'The Harbour Courier', publishedAt: '2024-03-05', language: 'en', text: t },
    comments: [], entities: [courier, guard, veld], quotes: [quote], events: [],
  };
}

export const fixtureAnalyses = (): Analysis[] => [analysisA(), analysisB()];
