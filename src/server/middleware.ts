// The server's middleware, each a named factory with its defaults in its signature (Hono style):
// security headers with a strict CSP, token auth (header, ?token= once, then a cookie), a Host
// check against DNS rebinding, and an Origin check on writes.
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { DossierError } from '../errors.js';

/** Refused for lack of (or with a wrong) token. */
export class AuthError extends DossierError {
  override readonly code = 'UNAUTHORIZED';
  override readonly status = 401;
}

/** A request the server will not serve (foreign Host or Origin). */
export class ForbiddenError extends DossierError {
  override readonly code = 'FORBIDDEN';
  override readonly status = 403;
}

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(csp: string = CSP): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // A route may set a stricter policy of its own (the sandboxed report download).
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
  };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const TOKEN_COOKIE = 'dossier_token';

/** With a token set, every request must carry it; ?token= on a page load is swapped for a cookie. */
export function tokenAuth(token: string | null, cookieName: string = TOKEN_COOKIE): MiddlewareHandler {
  return async (c, next) => {
    if (!token) return next();
    const header = c.req.header('authorization');
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const query = c.req.query('token') ?? null;
    const cookie = getCookie(c, cookieName) ?? null;
    const given = bearer ?? query ?? cookie;
    if (!given) throw new AuthError('this dossier server needs a token: send Authorization: Bearer <token> or open the URL with ?token=<token>');
    if (!sameSecret(given, token)) throw new AuthError('the token sent does not match this server\'s --token');
    if (query && !cookie) setCookie(c, cookieName, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
    return next();
  };
}

/** Refuse requests whose Host is not one this server answers to (stops DNS-rebinding pages). */
export function hostCheck(allowed: readonly string[] | null): MiddlewareHandler {
  return async (c, next) => {
    if (!allowed) return next();
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (!allowed.includes(host)) throw new ForbiddenError(`Host "${host}" is not one this server answers to`);
    return next();
  };
}

/** Writes must be JSON and, when the browser says where they come from, come from this origin. */
export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const origin = c.req.header('origin');
    if (origin) {
      const host = c.req.header('host');
      if (!host || new URL(origin).host !== host) throw new ForbiddenError(`writes from origin ${origin} are refused`);
    }
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('application/json')) throw new ForbiddenError('writes must send Content-Type: application/json');
    return next();
  };
}
