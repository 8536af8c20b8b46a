// DOM building without innerHTML: every string becomes a text node, so nothing a document
// contains can turn into markup.
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((ev: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs)
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
      else if (k === 'href') el.setAttribute('href', safeHref(String(v)));
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  append(el, children);
  return el;
}

export function append(el: Node, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** In-app routes and http(s) only: a document's own URL must never become a javascript: link. */
export function safeHref(href: string): string {
  if (href.startsWith('#') || href.startsWith('/')) return href;
  try {
    const u = new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '#';
  } catch {
    return '#';
  }
}

export function clear(el: Element): void {
  el.replaceChildren();
}

export const fmtDate = (s: string | null): string => (s ? s.slice(0, 10) : '—');

/** Builds "#/route?x=1" hrefs with encoded parts. */
export function route(path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const q = Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return `#/${path}${q.length ? '?' + q.join('&') : ''}`;
}

export function pager(total: number, offset: number, limit: number, go: (offset: number) => string): HTMLElement {
  const last = Math.max(0, Math.ceil(total / limit) - 1) * limit;
  return h('div', { class: 'pager' },
    h('a', { href: offset > 0 ? go(0) : null, class: offset > 0 ? '' : 'disabled' }, '« first'),
    h('a', { href: offset > 0 ? go(Math.max(0, offset - limit)) : null, class: offset > 0 ? '' : 'disabled', 'data-dir': 'prev' }, '‹ prev'),
    h('span', null, total ? `${offset + 1}–${Math.min(total, offset + limit)} of ${total}` : 'none'),
    h('a', { href: offset + limit < total ? go(offset + limit) : null, class: offset + limit < total ? '' : 'disabled', 'data-dir': 'next' }, 'next ›'),
    h('a', { href: offset < last ? go(last) : null, class: offset < last ? '' : 'disabled' }, 'last »'),
  );
}
