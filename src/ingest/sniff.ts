// Which kind of document a text is: HTML, Markdown or plain text.
export type Format = 'html' | 'markdown' | 'text';

export function sniffFormat(name: string, text: string): Format {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  if (/\.(html?|xhtml|php|aspx?)$/.test(base)) return 'html';
  if (/\.(md|markdown)$/.test(base)) return 'markdown';
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(head|body|article|div|p)[\s>]/.test(head.slice(0, 1024)) && /<\/(p|div|body|html)>/.test(text.slice(0, 65536).toLowerCase()))
    return 'html';
  return 'text';
}
