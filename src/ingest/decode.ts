// Bytes → text: gunzip, refuse binary, detect the charset (BOM, declared charset, UTF-8 validity,
// else windows-1252) so mojibake never reaches the analysis.
import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';

/** Inputs larger than this (after decompression) are refused rather than analysed slowly. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export function gunzip(name: string, bytes: Uint8Array): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_INPUT_BYTES + 1 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || /too large|maxOutputLength/i.test(String(err)))
      throw new InputError(name, `decompresses to more than ${MAX_INPUT_BYTES / 1048576} MB; refusing to analyse it`);
    throw new InputError(name, `not a valid gzip stream (truncated or corrupt): ${(err as Error).message}`);
  }
}

/** True when the bytes look like a binary file rather than text in any charset. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  // UTF-16 with a BOM is text.
  if (n >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control / n > 0.02;
}

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const LABELS: Record<string, string> = {
  'utf8': 'utf-8', 'utf-8': 'utf-8', 'latin1': 'windows-1252', 'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252', 'us-ascii': 'windows-1252', 'ascii': 'windows-1252',
};

/** The charset an HTML or XML document declares in its first bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

export interface Decoded {
  text: string;
  charset: string;
}

/** Decode bytes to a string, choosing the charset from BOM, declaration, then validity. */
export function decodeText(name: string, bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };
  if (looksBinary(bytes)) throw new InputError(name, 'looks like a binary file, not text or HTML');
  // Valid UTF-8 wins over a wrong declaration (common on scraped pages); otherwise trust the
  // declaration, and fall back to windows-1252, the superset of latin-1 that browsers use.
  if (validUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8' };
  const declared = declaredCharset(bytes);
  let label = declared ? LABELS[declared] ?? declared : 'windows-1252';
  if (label === 'utf-8') label = 'windows-1252';
  try {
    return { text: new TextDecoder(label).decode(bytes), charset: label };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252' };
  }
}
