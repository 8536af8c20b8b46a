import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderStray } from '../../src/cli/ach.js';
import { parseQuoteId } from '../../src/store/index.js';

// dist/test/cli → project root
const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/dossier');
const FIXTURES = join(ROOT, 'test/fixtures/judge');

function run(db: string, ...args: string[]): string {
  return execFileSync(BIN, [...args, '--db', db], { encoding: 'utf8', env: { ...process.env, DOSSIER_DB: '' } });
}

test('cli judging: question, hypotheses, a rating, the matrix, the report and an export on one dossier', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-judge-'));
  const db = join(dir, 'd.db');
  try {
    run(db, 'add', FIXTURES);
    assert.equal(run(db, 'question', 'Is the Orsk bridge safe?'), 'question set: Is the Orsk bridge safe?\n');
    assert.equal(run(db, 'hypothesis', 'add', 'The bridge is safe'), 'H1: The bridge is safe\n');
    assert.equal(run(db, 'hypothesis', 'add', 'The repairs were rushed'), 'H2: The repairs were rushed\n');
    assert.equal(run(db, 'hypothesis', 'list'), 'H1: The bridge is safe\nH2: The repairs were rushed\n');

    // the first quote of the quotes table, addressed as DOCUMENT:QUOTE
    const rows = run(db, 'export', '--format', 'csv', '--table', 'quotes').trim().split('\r\n');
    assert.equal(rows[0], 'document_id,document_title,quote_id,in,start,end,speaker,speaker_as_written,cue,direct,via,content');
    const [docId, , quoteId] = rows[1].split(',');
    const evidence = `${docId}:${quoteId}`;
    assert.equal(run(db, 'rate', evidence, 'H2', 'II', '--weight', '2'), `${evidence} × H2: II (weight 2)\n`);
    assert.equal(run(db, 'rate', evidence, 'h1', 'c'), `${evidence} × H1: C\n`);

    const bad = spawnSync(BIN, ['rate', '9:q99', 'H1', 'C', '--db', db], { encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.equal(bad.stderr, 'dossier: evidence "9:q99" (a claim group id from dossier claims, or DOCUMENT:QUOTE such as 2:q5) not found\n');

    const ach = JSON.parse(run(db, 'ach', '--json', '--no-proposals'));
    assert.deepEqual(ach.hypotheses.map((h: { id: string; rank: number }) => [h.id, h.rank]), [['1', 1], ['2', 2]]);
    assert.deepEqual(
      ach.cells.map((c: { evidenceId: string; hypothesisId: string; rating: string; weight: number; proposed: boolean }) => [c.evidenceId, c.hypothesisId, c.rating, c.weight, c.proposed]),
      [[evidence, '2', 'II', 2, false], [evidence, '1', 'C', 1, false]],
    );

    assert.equal(run(db, 'grade', 'Coast Courier', 'b', '--reason', 'local paper of record'), 'Coast Courier: B (usually reliable) — local paper of record\n');
    const md = run(db, 'report', '--format', 'md', '--no-proposals');
    assert.match(md, /^# Is the Orsk bridge safe\?\n/);
    assert.match(md, /\| Coast Courier \| (?:speaker|outlet)[a-z, ]* \| B \(usually reliable\) \| local paper of record \|/);
    const stix = JSON.parse(run(db, 'export', '--format', 'stix'));
    assert.equal(stix.type, 'bundle');
    assert.equal(stix.objects.filter((o: { type: string }) => o.type === 'report').length, 2);

    assert.equal(run(db, 'hypothesis', 'remove', 'H2'), 'removed H2\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ach: the clearing commands it prints carry --db quoted for a shell and without a password; quote ids as stored', () => {
  const stray = { ratings: [{ evidenceKind: 'quote' as const, evidenceId: '3:q5', hypothesisId: '2', rating: 'I' as const, weight: 1, proposed: false }], overrides: [] };
  assert.equal(renderStray(stray, 'postgres://ana:secret@db.example/dossier?sslmode=require&application_name=x').split('\n')[2],
    "  3:q5 × H2: I  (clear: dossier rate 3:q5 H2 --clear --db 'postgres://ana:***@db.example/dossier?sslmode=require&application_name=x')");
  assert.equal(renderStray(stray, '/tmp/my dossier/it\'s.db').split('\n')[2], "  3:q5 × H2: I  (clear: dossier rate 3:q5 H2 --clear --db '/tmp/my dossier/it'\\''s.db')");
  assert.equal(renderStray(stray).split('\n')[2], '  3:q5 × H2: I  (clear: dossier rate 3:q5 H2 --clear)');
  assert.equal(renderStray({ ratings: [], overrides: [] }), '');
  assert.deepEqual([parseQuoteId('3:q5'), parseQuoteId('03:q5'), parseQuoteId('cg-1a2b'), parseQuoteId('0:q1')], [{ documentId: 3, quoteId: 'q5' }, null, null, { documentId: 0, quoteId: 'q1' }]);
});
