// The CLI loads only the module of the command it runs; help, the version and mistakes see them all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wanted } from '../../src/cli/main.js';

const ALL = ['analyze', 'add', 'list', 'show', 'search', 'timeline', 'entities', 'entity', 'claims', 'question', 'grade', 'credibility', 'hypothesis', 'rate', 'ach', 'report', 'export', 'serve', 'demo'];
const argv = (...args: string[]) => ['node', 'dossier', ...args];

test('cli: a named command alone is loaded, whatever follows it', () => {
  assert.deepEqual(wanted(argv('list', '--db', 'x.db')), ['list']);
  assert.deepEqual(wanted(argv('export', '--format', 'stix', '--help')), ['export']);
  assert.deepEqual(wanted(argv('hypothesis', 'add', 'The bridge was closed')), ['hypothesis']);
});

test('cli: help, the version, no command, an unknown one or an option first load every command', () => {
  for (const args of [[], ['--help'], ['-V'], ['help', 'list'], ['lsit'], ['--help', 'list'], ['constructor'], ['__proto__']]) assert.deepEqual(wanted(argv(...args)), ALL, args.join(' '));
});

test('cli: help lists every command, and a mistyped one is answered with the likely one', () => {
  const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'bin', 'dossier');
  const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  for (const name of ALL) assert.match(help.stdout, new RegExp(`^  ${name}\\b`, 'm'), name);
  const typo = spawnSync(process.execPath, [bin, 'lsit'], { encoding: 'utf8' });
  assert.equal(typo.status, 1);
  assert.match(typo.stderr, /unknown command 'lsit'\n\(Did you mean list\?\)/);
});
