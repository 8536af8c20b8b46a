import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sniffFormat } from '../../src/ingest/sniff.js';

test('html sniff: trusts an .html or .htm name, gzip suffix or not', () => {
  assert.equal(sniffFormat('page.HTM', 'no tags at all'), 'html');
  assert.equal(sniffFormat('page.html.gz', 'no tags at all'), 'html');
});

test('html sniff: recognises a page behind a BOM, an XML declaration and comments', () => {
  const page = '\ufeff<?xml version="1.0"?>\n<!-- saved by a crawler\n on a long line -->\n<!DOCTYPE html><html><body><p>x</p></body></html>';
  assert.equal(sniffFormat('download', page), 'html');
});

test('html sniff: recognises a headless fragment that starts with <meta> or a <div>', () => {
  assert.equal(sniffFormat('dump', '<meta charset="utf-8"><p>Hello</p>'), 'html');
  assert.equal(sniffFormat('dump', '<div class="story"><p>Hello</p></div>'), 'html');
});

test('html sniff: leaves prose that mentions a tag as plain text', () => {
  assert.equal(sniffFormat('notes', 'The editor wrote that <p> tags were missing from the feed.\nNothing else changed.'), 'text');
  assert.equal(sniffFormat('notes.md', '# Title\n\n<div>inline html</div>'), 'markdown');
});
