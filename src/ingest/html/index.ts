// HTML → Document. A first, simple reader: paragraphs outside navigation, with <title>
// and meta tags. The boilerplate-removing extractor replaces the body of this file.
import { Parser } from 'htmlparser2';
import type { Document } from '../../types.js';

const SKIP = new Set(['script', 'style', 'noscript', 'nav', 'footer', 'aside', 'header', 'form', 'svg', 'template', 'iframe']);
const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre']);

export function readHtml(html: string): Document {
  const paragraphs: string[] = [];
  const meta: Record<string, string> = {};
  let title = '';
  let inTitle = false;
  let skip = 0;
  let block = 0;
  let buf = '';
  const parser = new Parser({
    onopentag(name, attrs) {
      if (SKIP.has(name)) skip++;
      if (name === 'title') inTitle = true;
      if (name === 'meta') {
        const key = (attrs.property ?? attrs.name ?? '').toLowerCase();
        if (key && attrs.content) meta[key] ??= attrs.content;
      }
      if (BLOCK.has(name)) { if (block === 0) buf = ''; block++; }
      if (name === 'br') buf += '\n';
    },
    ontext(t) {
      if (inTitle) title += t;
      else if (!skip && block) buf += t;
    },
    onclosetag(name) {
      if (SKIP.has(name)) skip = Math.max(0, skip - 1);
      if (name === 'title') inTitle = false;
      if (BLOCK.has(name) && block > 0) {
        block--;
        if (block === 0) {
          const s = buf.replace(/[ \t\r\f\v]+/g, ' ').replace(/ *\n */g, '\n').trim();
          if (s) paragraphs.push(s);
        }
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true });
  parser.end(html);
  return {
    title: (meta['og:title'] ?? title).trim() || null,
    author: meta['author'] ?? null,
    publisher: meta['og:site_name'] ?? null,
    publishedAt: meta['article:published_time'] ?? null,
    language: 'en',
    text: paragraphs.join('\n\n'),
    comments: [],
    format: 'html',
  };
}
