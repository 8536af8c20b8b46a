import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judge } from '../../src/analysis/judgement.js';
import { buildReport, textFragmentLink } from '../../src/report/model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderHtml } from '../../src/report/html.js';
import { fixtureSnapshot } from '../analysis/fixtures.js';

const model = () => buildReport(judge(fixtureSnapshot(), { proposals: false }));

test('report: every footnote points at the exact span with a text-quote selector', () => {
  const snap = fixtureSnapshot();
  const m = model();
  assert.ok(m.footnotes.length >= 3);
  for (const f of m.footnotes) {
    const doc = snap.documents.find((d) => d.id === f.documentId)!;
    assert.equal(doc.text.slice(f.start, f.end), f.quote.exact);
    assert.equal(doc.text.slice(Math.max(0, f.start - f.quote.prefix.length), f.start), f.quote.prefix);
  }
});

test('report: markdown ranks hypotheses, traces chains and cites every evidence sentence', () => {
  const md = renderMarkdown(model());
  assert.match(md, /^# Did the Northland Army leave Orsk\?/);
  assert.match(md, /\| 1 \| H1: The Northland Army withdrew \| 0\.25 \| 1\.28 \|/);
  assert.match(md, /- Chain: A Northland official → Coast Courier → Orsk, five years on\.\[\^\d+\]/);
  assert.match(md, /If evidence k1 .* were removed, the ranking would become H2 > H1, and H2 would lead instead of H1\./);
  assert.match(md, /\[\^1\]: Orsk bridge dispute \(document 1, characters \d+–\d+\): “the Northland Army left Orsk in 2019”/);
});

test('report: html escapes everything and keeps the selector in data attributes', () => {
  const snap = fixtureSnapshot();
  snap.question = 'Did <script>alert(1)</script> happen?';
  const html = renderHtml(buildReport(judge(snap, { proposals: false })));
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('&lt;accurate&gt;'));
  assert.match(html, /data-selector="\{&quot;type&quot;:&quot;TextQuoteSelector&quot;,&quot;exact&quot;:&quot;the Northland Army left Orsk in 2019&quot;/);
});

test('report: builds a text-fragment link with prefix and suffix context', () => {
  assert.equal(
    textFragmentLink('https://example.org/a#top', { exact: 'the pier had cracked', prefix: 'Ilse Varga said ', suffix: '. Later' }),
    'https://example.org/a#:~:text=Ilse%20Varga%20said-,the%20pier%20had%20cracked,-.%20Later',
  );
});
