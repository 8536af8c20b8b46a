// Drives Debian's Chromium (playwright-core, nothing downloaded) through the demo dossier: read a
// document, follow a quote to its speaker, rate an ACH cell and watch the score move, open the
// timeline and the network. Screenshots go to ./screenshots/ (git-ignored) for a human to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildDemo } from '../../src/cli/demo.js';
import { openStore } from '../../src/store/index.js';
import { StoreWorkbench } from '../../src/server/store.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { MemoryWorkbench } from '../../src/server/memory.js';
import type { Analysis, Entity, Quote } from '../../src/types.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(process.cwd(), 'screenshots');

async function withWorkbench(fn: (page: Page, server: RunningServer, errors: string[]) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-browser-'));
  const db = join(dir, 'demo.db');
  await buildDemo(db);
  const store = await openStore(db);
  const server = await startServer({ data: new StoreWorkbench(store), port: 0 });
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1360, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    // Console errors include CSP violations: the app must run under its own policy without any.
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    mkdirSync(SHOTS, { recursive: true });
    await fn(page, server, errors);
  } finally {
    await context?.close();
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const chromiumMissing = !existsSync(CHROMIUM);
if (chromiumMissing && process.env.CI === 'true') {
  test('browser: chromium is installed for the browser tests', () => {
    assert.fail(`${CHROMIUM} is missing; install Debian's chromium (apt-get install -y chromium)`);
  });
}

test('browser: reads a document, follows a quote to its speaker, rates ACH, opens timeline and network', { skip: chromiumMissing && process.env.CI !== 'true' ? `${CHROMIUM} not installed` : false }, async () => {
  if (chromiumMissing) return; // reported as a failure above under CI
  await withWorkbench(async (page, server, errors) => {
    await page.goto(server.url);
    await page.waitForSelector('.home .stats');
    assert.equal(await page.textContent('#question'), 'Did the Syrian government coordinate with ISIS over Palmyra in May 2015?');

    // Documents list → reader, with highlights and the comment thread beside the text.
    await page.click('nav a[data-view="docs"]');
    await page.waitForSelector('table.docs tbody tr');
    assert.equal(await page.locator('table.docs tbody tr').count(), 6);
    await page.click('text=Questions over the fall of Palmyra');
    await page.waitForSelector('#reader-text .hl');
    assert.ok((await page.locator('#reader-text .hl-quote').count()) > 0, 'quotes are highlighted');
    assert.ok((await page.locator('#reader-text .hl-entity').count()) > 0, 'entities are highlighted');
    assert.ok((await page.locator('#reader-text .hl-event').count()) > 0, 'events are highlighted');
    assert.equal(await page.locator('.thread .comment').count(), 3);
    assert.equal(await page.locator('.thread .comment.depth-1').count(), 1, 'the reply is indented under its parent');
    await page.screenshot({ path: join(SHOTS, '1-reader.png'), fullPage: false });

    // A quote to its speaker: the quote card names the speaker and links to the speaker's entity page.
    await page.locator('#reader-text .hl-quote', { hasText: 'checkpoints empty' }).first().click();
    const speaker = page.locator('#panel .quote-card .speaker-link');
    await speaker.waitFor();
    assert.match((await speaker.textContent())!, /Nasser/);
    await page.screenshot({ path: join(SHOTS, '2-quote-card.png') });
    await speaker.click();
    await page.waitForSelector('.entity-page h1');
    assert.match((await page.textContent('.entity-page h1'))!, /Farid Nasser/);
    assert.ok((await page.locator('.entity-page .quotes li').count()) > 0, 'the speaker page lists the quotes');
    await page.screenshot({ path: join(SHOTS, '3-speaker.png') });

    // ACH: set one cell to II and the inconsistency of that hypothesis rises by 2 × the item's weight.
    await page.click('nav a[data-view="ach"]');
    await page.waitForSelector('table.matrix');
    const row = page.locator('table.matrix tbody tr', { hasText: 'actively coordinated' });
    const score = row.locator('td[data-score="inconsistency"]');
    const before = Number(await score.textContent());
    const nasserColumn = await page.locator('table.matrix thead th.evidence').evaluateAll((ths) => ths.findIndex((th) => th.getAttribute('title')?.includes('Nasser')));
    assert.ok(nasserColumn >= 0, 'a quote by Nasser is evidence');
    const matrix = (await (await fetch(`${server.url}api/ach`)).json()) as { evidence: { weight: number }[] };
    const weight = matrix.evidence[nasserColumn].weight;
    await row.locator('td.cell select').nth(nasserColumn).selectOption('II');
    await page.waitForFunction((b) => Number(document.querySelector('table.matrix tbody tr td[data-score="inconsistency"]') && [...document.querySelectorAll('table.matrix tbody tr')].find((r) => r.textContent!.includes('actively coordinated'))!.querySelector('td[data-score="inconsistency"]')!.textContent) !== b, before);
    assert.equal(Number(await page.locator('table.matrix tbody tr', { hasText: 'actively coordinated' }).locator('td[data-score="inconsistency"]').textContent()), Math.round((before + 2 * weight) * 1e6) / 1e6);
    assert.ok((await page.locator('table.matrix th.evidence.non-diagnostic').count()) > 0, 'unrated evidence is dimmed as non-diagnostic');
    await page.screenshot({ path: join(SHOTS, '4-ach.png'), fullPage: true });

    // Timeline: dated events drawn as dots coloured by CAMEO root; zooming in keeps them clickable.
    await page.click('nav a[data-view="timeline"]');
    await page.waitForSelector('.timeline-svg .event-dot');
    const dots = await page.locator('.timeline-svg .event-dot').count();
    assert.ok(dots >= 5, `the timeline shows the dated events (${dots})`);
    await page.locator('.timeline-svg .event-dot').first().click();
    assert.match((await page.textContent('.timeline-detail h3'))!, /^2015-05-13 — 19/);
    await page.screenshot({ path: join(SHOTS, '5-timeline.png') });
    await page.click('button[aria-label="Zoom in"]');
    assert.ok((await page.locator('.timeline-svg .event-dot').count()) <= dots);

    // Network: cytoscape draws into its canvas; node tap opens the entity.
    await page.click('nav a[data-view="network"]');
    await page.waitForSelector('#network canvas');
    assert.match((await page.textContent('main .meta'))!, /^\d+ entities · \d+ links/);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, '6-network.png') });

    // Claims with their origins and chains; sources with an editable grade; search.
    await page.click('nav a[data-view="claims"]');
    await page.waitForSelector('.claims .claim');
    assert.ok((await page.locator('.claims .claim .chains li').count()) > 0, 'claim groups show their chains');
    await page.screenshot({ path: join(SHOTS, '8-claims.png') });
    await page.click('nav a[data-view="sources"]');
    const form = page.locator('form.grade', { hasText: '' }).filter({ has: page.locator('select') }).first();
    await form.waitFor();
    // saving with no grade chosen complains; the complaint goes once a grade is saved
    await form.locator('select').selectOption('');
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('#error:not([hidden])');
    await form.locator('select').selectOption('B');
    await form.locator('input[name="reason"]').fill('Consistent with two other accounts.');
    await form.locator('button[type="submit"]').click();
    await form.locator('.status', { hasText: 'saved B' }).waitFor();
    assert.equal(await page.isHidden('#error'), true, 'the complaint about the missing grade is gone');
    const sourceId = await form.getAttribute('data-source');
    const graded = (await (await fetch(`${server.url}api/sources?limit=500`)).json()) as { items: { id: string; reliability: string; reason: string }[] };
    assert.deepEqual(graded.items.filter((x) => x.id === sourceId).map((x) => [x.reliability, x.reason]), [['B', 'Consistent with two other accounts.']]);
    await page.screenshot({ path: join(SHOTS, '9-sources.png') });
    await page.fill('#search input', 'fertiliser');
    await page.press('#search input', 'Enter');
    await page.waitForSelector('.hits li');
    assert.match((await page.textContent('.hits li a'))!, /Oil, fertiliser/);
    // the matched word is marked, not shown in the store's brackets; a malformed offset reads as the first page
    assert.match((await page.textContent('.hits li .snippet mark'))!, /^fertili[sz]er/i);
    assert.ok(!(await page.textContent('.hits li .snippet'))!.includes('['));
    await page.goto(`${server.url}#/search?q=fertiliser&offset=abc`);
    await page.waitForSelector('#main ol.hits[start="1"] li');
    // an entity page lists its other names, not its own (the API gives them all)
    const listed = (await (await fetch(`${server.url}api/entities?limit=500`)).json()) as { items: { id: string; name: string; aliases: string[] }[] };
    const named = listed.items.find((x) => x.aliases.length > 1 && x.aliases.includes(x.name))!;
    await page.goto(`${server.url}#/entity/${named.id}`);
    await page.waitForSelector('.entity-page .aliases');
    const chips = await page.locator('.entity-page .aliases .chip').allTextContents();
    assert.deepEqual(chips, named.aliases.filter((x) => x !== named.name));

    assert.deepEqual(errors, [], 'no console errors or CSP violations');
  });
});

/** A 10,000-word document whose text carries markup, with an entity in every sentence and a quote in every tenth. */
function bigHostileAnalysis(): Analysis {
  const sentence = 'Residents of Varno said the <img src=x onerror="window.__pwned=1"> convoy <script>window.__pwned=2</script> passed at night without lights or escorts. ';
  let text = '';
  const mentions: Entity['mentions'] = [];
  const quotes: Quote[] = [];
  for (let i = 0; text.split(' ').length < 10000; i++) {
    const at = text.length + sentence.indexOf('Varno');
    mentions.push({ in: 'document', start: at, end: at + 5, text: 'Varno' });
    if (i % 10 === 0) {
      const qs = text.length + sentence.indexOf('the <img');
      const qe = text.length + sentence.indexOf(' passed');
      quotes.push({ id: `q${quotes.length + 1}`, in: 'document', start: qs, end: qe, content: sentence.slice(sentence.indexOf('the <img'), sentence.indexOf(' passed')), direct: false, cue: 'said', speaker: { text: 'Residents of Varno', entityId: null }, via: [] });
    }
    text += sentence;
  }
  return {
    schema: 'dossier.analysis/1', source: 'fixtures/big.txt',
    document: { title: 'A long <b>hostile</b> page', author: null, publisher: null, publishedAt: null, language: 'en', text },
    comments: [{ id: 'c1', parentId: null, author: '<i>mallory</i>', postedAt: null, text: '<iframe src="https://example.invalid"></iframe> first!' }],
    entities: [{ id: 'e1', key: 'place:varno', name: 'Varno', type: 'PLACE', aliases: ['Varno'], mentions }],
    quotes, events: [],
  };
}

test('browser: opens a 10,000-word document with every highlight and renders none of its markup', { skip: chromiumMissing && process.env.CI !== 'true' ? `${CHROMIUM} not installed` : false }, async () => {
  if (chromiumMissing) return; // reported as a failure above under CI
  const analysis = bigHostileAnalysis();
  const server = await startServer({ data: new MemoryWorkbench([analysis]), port: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'dossier-browser-'));
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM, headless: true, viewport: { width: 1360, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}#/doc/d1`);
    await page.waitForSelector('#reader-text .hl-entity');
    const mentions = analysis.entities[0].mentions.length;
    assert.equal(await page.locator('#reader-text .hl-entity[data-entity-start]').count(), mentions);
    assert.equal(await page.locator('#reader-text .hl-quote[data-quote-start]').count(), analysis.quotes.length);
    assert.equal(await page.locator('main img, main script, main iframe, main b, main i').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.textContent('#reader-text'), analysis.document.text);
    assert.equal(await page.textContent('.reader-head h1'), 'A long <b>hostile</b> page');
    assert.equal(await page.textContent('.comment-meta strong'), '<i>mallory</i>');
    await page.screenshot({ path: join(SHOTS, '7-long-hostile-document.png') });
  } finally {
    await context?.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
