// The report as one self-contained HTML page. Everything is escaped; a document's own HTML is never
// included, only the plain text spans the analysis points at.
import type { Block, Footnote, ReportModel, Sentence } from './model.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const sentence = (s: Sentence) => escapeHtml(s.text) + s.cite.map((n) => `<sup><a href="#fn-${n}" id="ref-${n}">${n}</a></sup>`).join('');

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'para':
      return `<p>${b.sentences.map(sentence).join(' ')}</p>`;
    case 'list':
      return `<ul>${b.items.map((item) => `<li>${item.map(sentence).join(' ')}</li>`).join('')}</ul>`;
    case 'table':
      return `<table><thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  }
}

// Only http(s) links are emitted, so a javascript: or data: address in a document cannot run.
function footnote(f: Footnote): string {
  const selector = JSON.stringify({ type: 'TextQuoteSelector', ...f.quote });
  const title = escapeHtml(f.documentTitle ?? `document ${f.documentId}`);
  const link = f.link && /^https?:\/\//i.test(f.link) ? ` <a href="${escapeHtml(f.link)}" rel="noopener noreferrer">open</a>` : '';
  return (
    `<li id="fn-${f.n}" data-document="${escapeHtml(f.documentId)}" data-in="${escapeHtml(f.in)}" data-start="${f.start}" data-end="${f.end}" data-selector="${escapeHtml(selector)}">` +
    `${title} (document ${escapeHtml(f.documentId)}${f.in !== 'document' ? `, comment ${escapeHtml(f.in)}` : ''}, characters ${f.start}–${f.end}): ` +
    `<q>${escapeHtml(f.quote.exact)}</q>${link} <a href="#ref-${f.n}">↩</a></li>`
  );
}

const STYLE = 'body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}sup a{text-decoration:none}';

export function renderHtml(r: ReportModel): string {
  const body = r.blocks.map(block).join('\n');
  const notes = r.footnotes.length ? `\n<h2>Sources cited</h2>\n<ol class="footnotes">${r.footnotes.map(footnote).join('\n')}</ol>` : '';
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(r.title)}</title><style>${STYLE}</style></head>\n<body>\n${body}${notes}\n</body></html>\n`;
}
