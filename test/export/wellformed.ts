// A strict little XML well-formedness check for the export tests: one root, tags nest and close,
// attributes are quoted and unique, and every & starts a known entity or character reference.
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

function checkText(s: string, where: number): void {
  for (let i = s.indexOf('&'); i >= 0; i = s.indexOf('&', i + 1)) {
    if (!ENTITY.test(s.slice(i))) throw new Error(`xml: bad & at ${where + i}`);
  }
  if (s.includes('<')) throw new Error(`xml: stray < at ${where}`);
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    checkText(text, i);
    if (stack.length) stack[stack.length - 1].text += text;
    else if (text.trim()) throw new Error(`xml: text outside the root at ${i}`);
    if (lt < 0) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new Error(`xml: unclosed tag at ${lt}`);
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const open = stack.pop();
      if (!open || open.name !== tag.slice(1).trim()) throw new Error(`xml: </${tag.slice(1)}> closes <${open?.name}> at ${lt}`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*$/.exec(body);
    if (!m) throw new Error(`xml: malformed tag <${tag.slice(0, 40)}> at ${lt}`);
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([A-Za-z_][\w.:-]*)="([^"<]*)"/g)) {
      if (a[1] in attrs) throw new Error(`xml: attribute ${a[1]} repeated at ${lt}`);
      checkText(a[2], lt);
      attrs[a[1]] = a[2];
    }
    const el: XmlElement = { name: m[1], attrs, children: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else if (root) throw new Error('xml: two roots');
    else root = el;
    if (!selfClosing) stack.push(el);
  }
  if (stack.length) throw new Error(`xml: <${stack[stack.length - 1].name}> never closed`);
  if (!root) throw new Error('xml: no root');
  return root;
}

export const find = (el: XmlElement, name: string): XmlElement[] =>
  el.children.flatMap((c) => (c.name === name ? [c, ...find(c, name)] : find(c, name)));
