// Bytes → text: gunzip, refuse binary, detect the charset (BOM, declared charset, UTF-8 validity,
// else windows-1252) so mojibake never reaches the analysis.
import { gunzipSync } from 'node:zlib';
import { isUtf8 } from 'node:buffer';
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

// node:buffer's isUtf8 validates without building a string, several times faster than a fatal decode.
const validUtf8 = (bytes: Uint8Array): boolean => isUtf8(bytes);

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

const utf8 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

// windows-1252's 0x80–0x9f row (undefined bytes keep their C1 code point, as browsers do). Built by
// hand because Node's TextDecoder decodes the 'windows-1252' label as plain latin-1.
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
let cp1252: string[] | null = null;
function cp1252Table(): string[] {
  if (!cp1252) {
    cp1252 = [];
    for (let i = 0; i < 256; i++) cp1252.push(i >= 0x80 && i < 0xa0 ? CP1252_HIGH[i - 0x80] : String.fromCharCode(i));
  }
  return cp1252;
}

/** Decode single-byte windows-1252 text: latin-1, with the 0x80–0x9f row mapped through the table. */
export function decodeCp1252(b: Uint8Array): string {
  const latin1 = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** Length of the valid UTF-8 sequence starting at i (2–4), or 0 when the bytes there are not one. */
function utf8SeqLen(b: Uint8Array, i: number): number {
  const c = b[i];
  const cont = (k: number) => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const c1 = b[i + 1];
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return 0;
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const c1 = b[i + 1];
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
    return 4;
  }
  return 0;
}

/**
 * Decode text that is mostly UTF-8 with stray single-byte (latin-1/windows-1252) characters, as
 * pages pasted together from several sources are: each byte run is read in the charset it is valid in.
 * Returns null when invalid bytes are as common as UTF-8 sequences (then they are plain windows-1252).
 */
export function decodeMixed(b: Uint8Array): string | null {
  // Count first: real UTF-8 with strays has many more valid sequences than invalid bytes.
  let multi = 0, invalid = 0;
  for (let i = 0; i < b.length;) {
    if (b[i] < 0x80) { i++; continue; }
    const n = utf8SeqLen(b, i);
    if (n) { multi++; i += n; } else { invalid++; i++; }
  }
  if (multi <= invalid) return null;
  const table = cp1252Table();
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < b.length;) {
    if (b[i] < 0x80) { i++; continue; }
    const n = utf8SeqLen(b, i);
    if (n) { i += n; continue; }
    parts.push(utf8(b.subarray(from, i)), table[b[i]]);
    i++;
    from = i;
  }
  parts.push(utf8(b.subarray(from)));
  return parts.join('');
}

// Text that was UTF-8, read as windows-1252 and saved again as UTF-8 ("â€™" for "’", "Ã©" for "é").
const MOJIBAKE = /[ÂÃ][\u0080-\u00bf]|â€[\u0080-\u00bf™œ˜“”¦¢¡š›]/g;

/**
 * Undo double-encoding when it is clearly present: re-encode as windows-1252 and decode as UTF-8,
 * keeping the result only if every mojibake run turned into valid characters.
 */
export function repairMojibake(text: string): string {
  // Cheap scan first: almost every page has neither lead character of a mojibake pair.
  if (text.indexOf('\u00c3') < 0 && text.indexOf('\u00c2') < 0 && text.indexOf('\u00e2\u20ac') < 0) return text;
  const hits = text.match(MOJIBAKE);
  if (!hits || hits.length < 2) return text;
  const table = cp1252Table();
  const back = new Map<string, number>();
  table.forEach((ch, i) => back.set(ch, i));
  return text.replace(/[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2026\u2030\u2039\u203a\u20ac\u2122]{2,4}/g, (run) => {
    if (!MOJIBAKE.test(run)) { MOJIBAKE.lastIndex = 0; return run; }
    MOJIBAKE.lastIndex = 0;
    const bytes: number[] = [];
    for (const ch of run) { const v = back.get(ch); if (v === undefined) return run; bytes.push(v); }
    const u = Uint8Array.from(bytes);
    return isUtf8(u) ? utf8(u) : run;
  });
}

/** Decode bytes to a string, choosing the charset from BOM, declaration, then validity. */
export function decodeText(name: string, bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: repairMojibake(utf8(bytes.subarray(3))), charset: 'utf-8' };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };
  if (looksBinary(bytes)) throw new InputError(name, 'looks like a binary file, not text or HTML');
  // Valid UTF-8 wins over a wrong declaration (common on scraped pages); otherwise trust the
  // declaration, and fall back to windows-1252, the superset of latin-1 that browsers use.
  if (validUtf8(bytes)) return { text: repairMojibake(utf8(bytes)), charset: 'utf-8' };
  const declared = declaredCharset(bytes);
  const label = declared ? LABELS[declared] ?? declared : null;
  if (label === null || label === 'utf-8' || label === 'windows-1252') {
    // Mostly UTF-8 with a few stray latin-1 bytes: decode each run in its own charset.
    const mixed = decodeMixed(bytes);
    if (mixed !== null) return { text: mixed, charset: 'utf-8+windows-1252' };
    return { text: decodeCp1252(bytes), charset: 'windows-1252' };
  }
  try {
    if (label === 'iso-8859-1' || label === 'latin1') return { text: decodeCp1252(bytes), charset: 'windows-1252' };
    return { text: new TextDecoder(label).decode(bytes), charset: label };
  } catch {
    return { text: decodeCp1252(bytes), charset: 'windows-1252' };
  }
}
