/**
 * A tiny DOM builder that only ever writes text: strings become text nodes (never HTML), attributes go through
 * setAttribute, and links accept only http(s) URLs. Every piece of data from the API reaches the page this way.
 */

type Child = Node | string | number | null | undefined | false;

/** Attributes and handlers of an element; `class` and `text` are shortcuts. */
export type Props = {
  class?: string;
  text?: string;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (ev: HTMLElementEventMap[K]) => void }>;
} & Record<string, unknown>;

/** Creates an element with text-only content. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = text(value);
    else if (key === 'text') el.textContent = text(value);
    else if (key === 'on') {
      for (const [ev, fn] of Object.entries(value as Record<string, EventListener>)) el.addEventListener(ev, fn);
    } else if (key === 'href') {
      const safe = safeUrl(text(value));
      if (safe) el.setAttribute('href', safe);
    } else el.setAttribute(key, value === true ? '' : text(value));
  }
  append(el, ...children);
  return el;
}

function text(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);
}

/** Appends children, strings as text. */
export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Removes every child. */
export function clear(el: Element): void {
  el.replaceChildren();
}

/** The URL if it is an absolute http(s) URL, else null (no javascript:, data: or relative links from data). */
export function safeUrl(raw: string): string | null {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Text that may contain URLs (a source reference such as "EEAS press release https://..."), as text nodes and
 * links that open in a new tab.
 */
export function linkified(text: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  const re = /https?:\/\/[^\s<>"')\]]+/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const url = safeUrl(m[0]);
    if (m.index === undefined || !url) continue;
    append(
      frag,
      text.slice(last, m.index),
      h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: m[0] }),
    );
    last = m.index + m[0].length;
  }
  append(frag, text.slice(last));
  return frag;
}

/** The element with this id, typed; throws when the page lacks it (a broken build, not a runtime condition). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The page has no element #${id}.`);
  return el as T;
}

/** Formats a number for people (12,345; 0.42). */
export function fmt(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
