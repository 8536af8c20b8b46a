// Plain text and Markdown → Document. document.text is one verbatim slice of the input
// so that offsets map back to the file by a fixed shift.
import type { Document } from '../../types.js';

export function readPlainText(text: string, format: 'text' | 'markdown'): Document {
  const firstLine = /^\s*([^\n]{1,200})\n/.exec(text);
  return {
    title: firstLine ? firstLine[1].replace(/^#+\s*/, '').trim() : null,
    author: null,
    publisher: null,
    publishedAt: null,
    language: 'en',
    text,
    comments: [],
    format,
  };
}
