// Which kind of document a text is: HTML, Markdown or plain text. The file name decides when it
// says; otherwise the opening of the text does (after any BOM, XML declaration or comments).
export type Format = 'html' | 'markdown' | 'text';

const HTML_START = /^<(!doctype\s+html|html|head|body|meta|title|link|script|style|base)[\s>/]/i;
const HTML_TAGS = /<(head|body|article|div|p|section|main|table)[\s>]/i;
const HTML_CLOSE = /<\/(p|div|body|html|article|section|table)>/i;

export function sniffFormat(name: string, text: string): Format {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  if (/\.(html?|xhtml|php|aspx?|jsp|shtml)$/.test(base)) return 'html';
  if (/\.(md|markdown)$/.test(base)) return 'markdown';
  const head = text.slice(0, 4096).replace(/^\ufeff/, '').replace(/^(\s*(<\?xml[^>]*\?>|<!--[\s\S]*?-->))+/, '').trimStart();
  if (HTML_START.test(head)) return 'html';
  // Fragments without a document shell: a block tag early on, and a closing tag to match.
  if (HTML_TAGS.test(head.slice(0, 1024)) && HTML_CLOSE.test(text.slice(0, 65536))) return 'html';
  return 'text';
}
