// The report as Markdown, footnotes in the common [^n] syntax.
import type { Block, Footnote, ReportModel, Sentence } from './model.js';

/** Escape characters Markdown would read as markup. */
export function escapeMd(s: string): string {
  // ">" and "#" only mean something at the start of a line; mid-sentence they stay readable
  return s.replace(/([\\`*_[\]<|])/g, '\\$1').replace(/\n+/g, ' ').replace(/^([#>])/, '\\$1');
}

const sentence = (s: Sentence) => escapeMd(s.text) + s.cite.map((n) => `[^${n}]`).join('');

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMd(b.text)}`;
    case 'para':
      return b.sentences.map(sentence).join(' ');
    case 'list':
      return b.items.map((item) => `- ${item.map(sentence).join(' ')}`).join('\n');
    case 'table':
      return [
        `| ${b.head.map(escapeMd).join(' | ')} |`,
        `|${b.head.map(() => ' --- ').join('|')}|`,
        ...b.rows.map((r) => `| ${r.map(escapeMd).join(' | ')} |`),
      ].join('\n');
  }
}

function footnote(f: Footnote): string {
  const where = `${escapeMd(f.documentTitle ?? `document ${f.documentId}`)} (document ${f.documentId}${f.in !== 'document' ? `, comment ${f.in}` : ''}, characters ${f.start}–${f.end})`;
  const selector = JSON.stringify({ type: 'TextQuoteSelector', ...f.quote });
  const link = f.link ? ` [open](${f.link.replace(/\)/g, '%29')})` : '';
  return `[^${f.n}]: ${where}: “${escapeMd(f.quote.exact)}”.${link} Selector: \`${selector.replace(/`/g, "'")}\``;
}

export function renderMarkdown(r: ReportModel): string {
  const parts = r.blocks.map(block);
  if (r.footnotes.length) parts.push('## Sources cited', r.footnotes.map(footnote).join('\n'));
  return parts.join('\n\n') + '\n';
}
