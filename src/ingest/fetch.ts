// Fetching http(s) inputs for `dossier add`: bounded time and size, redirects followed up to a limit,
// and no requests to private or loopback addresses unless allowed. The address check runs inside the
// socket's DNS lookup, so the address checked is the address connected to (no DNS-rebinding gap).
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import net from 'node:net';
import { parseFeed } from 'htmlparser2';
import { InputError } from '../errors.js';
import { MAX_INPUT_BYTES } from './decode.js';

export interface FetchOptions {
  allowPrivate?: boolean;
  /** Whole request, headers and body, must finish within this. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface Fetched {
  /** The URL asked for. */
  url: string;
  /** The URL the bytes came from, after redirects. */
  finalUrl: string;
  contentType: string;
  bytes: Buffer;
}

const DEFAULTS = { timeoutMs: 20_000, maxBytes: MAX_INPUT_BYTES, maxRedirects: 5 };

// Loopback, private, link-local, carrier-grade NAT, benchmarking, multicast and reserved ranges.
const PRIVATE = new net.BlockList();
for (const [net4, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const)
  PRIVATE.addSubnet(net4, bits, 'ipv4');
for (const [net6, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const)
  PRIVATE.addSubnet(net6, bits, 'ipv6');

/** True for addresses a public fetch must not reach (IPv4-mapped IPv6 is checked as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  const family = net.isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family === 6) return PRIVATE.check(address, 'ipv6');
  return true;
}

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

function guardedLookup(url: string, allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as dns.LookupAddress[];
      const bad = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(new InputError(url, `resolves to the private address ${bad.address}; refused (use --allow-private to fetch it)`), '', 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

const BINARY_TYPE = /^(image|audio|video|font)\/|^application\/(octet-stream|pdf|zip|x-tar|x-7z|vnd\.|msword|x-msdownload|wasm)/i;

function requestOnce(url: URL, original: string, opts: Required<FetchOptions>, deadline: number) {
  return new Promise<{ status: number; location: string | null; contentType: string; bytes: Buffer }>((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (net.isIP(host) && !opts.allowPrivate && isPrivateAddress(host))
      return reject(new InputError(original, `is a private address (${host}); refused (use --allow-private to fetch it)`));
    const lib = url.protocol === 'https:' ? https : http;
    const left = Math.max(1, deadline - Date.now());
    const req = lib.request(url, {
      method: 'GET',
      headers: { 'user-agent': 'dossier/0.1 (+evidence workbench)', accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5', 'accept-encoding': 'identity' },
      lookup: guardedLookup(original, opts.allowPrivate),
    });
    const timer = setTimeout(() => req.destroy(new InputError(original, `timed out after ${opts.timeoutMs / 1000} s`)), left);
    req.on('error', (err) => {
      clearTimeout(timer);
      if (err instanceof InputError) return reject(err);
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOTFOUND' ? 'host not found' : code === 'ECONNREFUSED' ? 'connection refused' : code === 'ECONNRESET' ? 'connection reset' : err.message;
      reject(new InputError(original, why));
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const contentType = String(res.headers['content-type'] ?? '');
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        clearTimeout(timer);
        return resolve({ status, location: res.headers.location, contentType, bytes: Buffer.alloc(0) });
      }
      if (status < 200 || status >= 300) {
        res.resume();
        clearTimeout(timer);
        return reject(new InputError(original, `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`));
      }
      if (BINARY_TYPE.test(contentType)) {
        res.destroy();
        clearTimeout(timer);
        return reject(new InputError(original, `is binary (${contentType.split(';')[0]}), not a page or text`));
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      const limit = opts.maxBytes >= 1048576 ? `${(opts.maxBytes / 1048576).toFixed(0)} MB` : `${opts.maxBytes} bytes`;
      const tooBig = () => new InputError(original, `is over the ${limit} limit`);
      if (declared > opts.maxBytes) {
        res.destroy();
        clearTimeout(timer);
        return reject(tooBig());
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let over = false;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= opts.maxBytes) return void chunks.push(c);
        if (over) return;
        over = true;
        clearTimeout(timer);
        res.destroy();
        reject(tooBig());
      });
      res.on('end', () => {
        clearTimeout(timer);
        if (!over) resolve({ status, location: null, contentType, bytes: Buffer.concat(chunks) });
      });
      res.on('error', (err) => {
        clearTimeout(timer);
        reject(err instanceof InputError ? err : new InputError(original, err.message));
      });
    });
    req.end();
  });
}

/** GET one http(s) URL with the limits above. */
export async function fetchUrl(input: string, options: FetchOptions = {}): Promise<Fetched> {
  const opts: Required<FetchOptions> = { allowPrivate: false, ...DEFAULTS, ...options };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new InputError(input, 'is not a valid URL');
  }
  const deadline = Date.now() + opts.timeoutMs;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(input, `redirects to an unsupported scheme (${url.protocol})`);
    const r = await requestOnce(url, input, opts, deadline);
    if (r.location === null) return { url: input, finalUrl: url.toString(), contentType: r.contentType, bytes: r.bytes };
    if (hop >= opts.maxRedirects) throw new InputError(input, `more than ${opts.maxRedirects} redirects`);
    url = new URL(r.location, url);
  }
}

/** The item links of an RSS or Atom feed (resolved against `base`), or null when the bytes are not a feed. */
export function feedLinks(contentType: string, bytes: Buffer, base?: string): string[] | null {
  const head = bytes.subarray(0, 512).toString('utf8').trimStart();
  const looksXml = /xml|rss|atom/i.test(contentType) || /^(<\?xml|<rss|<feed|<rdf:RDF)/i.test(head);
  if (!looksXml || /^<!doctype html|^<html/i.test(head)) return null;
  const feed = parseFeed(bytes.toString('utf8'));
  if (!feed) return null;
  const links: string[] = [];
  for (const item of feed.items) {
    if (!item.link) continue;
    try {
      const url = new URL(item.link.trim(), base).toString();
      if (isUrl(url)) links.push(url);
    } catch {
      // an item without a usable link is skipped
    }
  }
  return [...new Set(links)];
}
