// Building DOM safely: data only ever reaches the page as text nodes and attribute values set through
// DOM APIs; nothing here parses HTML.

type Child = Node | string | null | undefined | false;
/** Children may nest arrays (conditional groups); they are flattened in order. */
export type Kids = Child | readonly Kids[];
type Attrs = Record<string, string | boolean | undefined>;

/** createElement with attributes (set with setAttribute, never parsed) and text/element children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Kids[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The same for SVG elements (createElementNS). */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Kids[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
}

function append(el: Element, kids: Kids): void {
  if (kids === null || kids === undefined || kids === false) return;
  if (typeof kids === 'string') el.append(document.createTextNode(kids));
  else if (kids instanceof Node) el.append(kids);
  else for (const k of kids) append(el, k);
}

export function button(
  key: string,
  cls: string,
  label: string | undefined,
  onClick: () => void,
  ...children: Kids[]
): HTMLButtonElement {
  const b = h('button', { type: 'button', class: cls, 'data-key': key, 'aria-label': label }, ...children);
  b.addEventListener('click', onClick);
  return b;
}

export const glyph = (text: string, cls = 'glyph') => h('span', { class: cls, 'aria-hidden': 'true' }, text);

export function fileName(uri: string): string {
  const tail = uri.split(/[\\/]/).pop() ?? uri;
  try {
    return decodeURIComponent(tail);
  } catch {
    return tail;
  }
}

/**
 * Swaps the page in one synchronous step (no blank frame), then puts focus and scroll back where
 * they were: focusable elements carry a stable data-key.
 */
export function mount(root: HTMLElement, page: HTMLElement): void {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement.dataset['key'] : undefined;
  const x = window.scrollX;
  const y = window.scrollY;
  const scrollers = new Map<string, number>();
  for (const el of root.querySelectorAll<HTMLElement>('[data-scroll-key]'))
    scrollers.set(el.dataset['scrollKey']!, el.scrollTop);
  root.replaceChildren(page);
  root.removeAttribute('aria-busy');
  for (const el of root.querySelectorAll<HTMLElement>('[data-scroll-key]')) {
    const top = scrollers.get(el.dataset['scrollKey']!);
    if (top !== undefined) el.scrollTop = top;
  }
  if (active) {
    const next = [...root.querySelectorAll<HTMLElement>('[data-key]')].find((el) => el.dataset['key'] === active);
    next?.focus({ preventScroll: true });
  }
  window.scrollTo(x, y);
}
