// HTML → Document, as a recipe of numbered steps: parse to a small tree, read the metadata,
// lift out reader comments, pick the article container, render it as plain text.
import type { Document } from '../../types.js';
import { parseHtml } from './01-parse.js';
import { readMetadata } from './02-metadata.js';
import { extractComments } from './03-comments.js';
import { dropUnlikely, selectMain } from './04-main-text.js';
import { renderBlocks, sameHeading } from './05-render.js';
import { measure, type El } from './dom.js';

/** Below this many characters a result is retried with the unlikely-candidate filter off. */
const MIN_TEXT = 250;

export function readHtml(html: string): Document {
  const parsed = parseHtml(html);
  const root = parsed.root;
  // Comments first, so a commenter's name or date is never taken for the article's byline.
  const comments = extractComments(root);
  const meta = readMetadata(parsed);
  let text = mainText(root, meta.title);
  // Script-rendered pages ship an empty shell; their JSON-LD articleBody is then the only text.
  if (text.length < MIN_TEXT && meta.articleBody && meta.articleBody.length > text.length * 2) text = articleBodyText(meta.articleBody);
  return {
    title: meta.title,
    author: meta.author,
    publisher: meta.publisher,
    publishedAt: meta.publishedAt,
    publishedAtSource: meta.publishedAtSource,
    language: meta.language,
    url: meta.url,
    text,
    comments,
    format: 'html',
  };
}

/** JSON-LD articleBody as plain text: tags some sites leave in it removed, paragraphs kept. */
function articleBodyText(body: string): string {
  return body.replace(/<[^>]{0,500}>/g, ' ').split(/\n\s*\n|\r\n\s*\r\n/).map((p) => p.replace(/[ \t\r\n\u00a0]+/g, ' ').trim()).filter(Boolean).join('\n\n');
}

function mainText(root: El, title: string | null): string {
  const attempt = (strict: boolean): string => {
    dropUnlikely(root, strict);
    const { parts } = selectMain(root);
    let blocks = renderBlocks(parts, false, undefined, title);
    // The headline is metadata; the benchmark texts (and readers) do not repeat it in the body.
    if (title && blocks.length && blocks[0].length < 300 && sameHeading(blocks[0], title)) blocks = blocks.slice(1);
    return blocks.join('\n\n');
  };
  const strictText = attempt(true);
  if (strictText.length >= MIN_TEXT) return strictText;
  undrop(root);
  measure(root);
  const loose = attempt(false);
  return loose.length > strictText.length ? loose : strictText;
}


function undrop(el: El): void {
  for (const c of el.children) if (typeof c !== 'string') { if (c.dropped && !c.attrs['data-dossier-comment']) c.dropped = false; undrop(c); }
}
