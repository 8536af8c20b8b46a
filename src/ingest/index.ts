// bytes → Document. Sniff the kind, decode the charset, then hand over to the HTML or text reader.
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { Document } from '../types.js';
import { MAX_INPUT_BYTES, decodeText, gunzip, isGzip } from './decode.js';
import { sniffFormat } from './sniff.js';
import { readHtml } from './html/index.js';
import { readPlainText } from './text/index.js';

/** Parse the bytes of one input called `name` (a path or URL, used in errors and to guess the kind). */
export function parseBytes(name: string, raw: Uint8Array): Document {
  if (raw.length === 0) throw new InputError(name, 'is empty');
  const bytes = isGzip(raw) ? gunzip(name, raw) : raw;
  if (bytes.length === 0) throw new InputError(name, 'is empty after decompression');
  if (bytes.length > MAX_INPUT_BYTES)
    throw new InputError(name, `is ${(bytes.length / 1048576).toFixed(0)} MB, over the ${MAX_INPUT_BYTES / 1048576} MB limit`);
  const { text } = decodeText(name, bytes);
  if (!text.trim()) throw new InputError(name, 'has no text');
  const format = sniffFormat(name, text);
  const doc = format === 'html' ? readHtml(text) : readPlainText(text, format);
  if (!doc.text.trim()) throw new InputError(name, 'no main text could be found');
  return doc;
}

/** Read and parse one file. */
export async function readDocumentFile(path: string): Promise<Document> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError(path, 'is a directory');
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message);
  }
  if (size > MAX_INPUT_BYTES * (path.endsWith('.gz') ? 1 : 1))
    throw new InputError(path, `is ${(size / 1048576).toFixed(0)} MB, over the ${MAX_INPUT_BYTES / 1048576} MB limit`);
  const raw = await readFile(path);
  return parseBytes(path, raw);
}
