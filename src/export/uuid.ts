// Deterministic UUIDv5 (RFC 9562 §5.5): the same key always yields the same id, so re-exporting a
// dossier updates STIX objects instead of duplicating them.
import { createHash } from 'node:crypto';

/** The namespace for Dossier's own object ids (a fixed random UUIDv4). */
export const DOSSIER_NAMESPACE = '5b1e7f6e-3a0c-4d2b-9a51-7c3f0e2d8a14';

function parseUuid(u: string): Buffer {
  const hex = u.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`uuid: "${u}" is not a UUID`);
  return Buffer.from(hex, 'hex');
}

export function uuidv5(name: string, namespace = DOSSIER_NAMESPACE): string {
  const hash = createHash('sha1').update(parseUuid(namespace)).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
