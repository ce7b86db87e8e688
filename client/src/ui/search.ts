/**
 * Search box with suggestions from the API's full-text search: debounced requests, stale answers dropped, an
 * ARIA combobox driven by the keyboard (arrows, Enter, Escape) or the mouse.
 */
import type { SearchHit } from '../api/queries';
import { clear, h } from './dom';

export interface SearchOptions {
  input: HTMLInputElement;
  list: HTMLUListElement;
  debounceMs: number;
  search: (text: string, signal: AbortSignal) => Promise<SearchHit[]>;
  choose: (hit: SearchHit) => void;
  onError: (err: unknown) => void;
}

/** Wires a search box; returns a function that focuses it. */
export function setupSearch(o: SearchOptions): { focus(): void } {
  let timer: number | undefined;
  let controller: AbortController | null = null;
  let hits: SearchHit[] = [];
  let active = -1;

  const close = (): void => {
    o.list.hidden = true;
    o.input.setAttribute('aria-expanded', 'false');
    o.input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (i: number): void => {
    active = i;
    o.list
      .querySelectorAll('li[role="option"]')
      .forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    if (i >= 0) {
      o.input.setAttribute('aria-activedescendant', `search-opt-${i}`);
      o.list.querySelector(`#search-opt-${i}`)?.scrollIntoView({ block: 'nearest' });
    } else o.input.removeAttribute('aria-activedescendant');
  };

  const pick = (i: number): void => {
    const hit = hits[i];
    if (!hit) return;
    close();
    o.input.value = hit.node.name;
    o.choose(hit);
  };

  const render = (text: string): void => {
    clear(o.list);
    if (!hits.length) {
      o.list.append(h('li', { class: 'empty', role: 'presentation', text: `No match for “${text}”` }));
    }
    hits.forEach((hit, i) => {
      o.list.append(
        h(
          'li',
          {
            id: `search-opt-${i}`,
            role: 'option',
            'aria-selected': 'false',
            'data-id': hit.node.id,
            on: { mousedown: (ev) => ev.preventDefault(), click: () => pick(i) },
          },
          h('span', { class: 'kind', text: hit.node.label }),
          h('span', { class: 'name', text: hit.node.name }),
          hit.node.fullName && hit.node.fullName !== hit.node.name
            ? h('span', { class: 'full', text: hit.node.fullName })
            : null,
        ),
      );
    });
    o.list.hidden = false;
    o.input.setAttribute('aria-expanded', 'true');
    highlight(hits.length ? 0 : -1);
  };

  const run = (text: string): void => {
    controller?.abort();
    controller = new AbortController();
    const signal = controller.signal;
    o.search(text, signal).then(
      (found) => {
        if (signal.aborted || o.input.value.trim() !== text) return;
        hits = found;
        render(text);
      },
      (err: unknown) => {
        if (signal.aborted) return;
        o.onError(err);
      },
    );
  };

  o.input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = o.input.value.trim();
    if (text.length < 2) {
      controller?.abort();
      hits = [];
      close();
      return;
    }
    timer = window.setTimeout(() => run(text), o.debounceMs);
  });
  o.input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && hits.length) {
      ev.preventDefault();
      if (o.list.hidden) render(o.input.value.trim());
      highlight((active + 1) % hits.length);
    } else if (ev.key === 'ArrowUp' && hits.length) {
      ev.preventDefault();
      highlight((active - 1 + hits.length) % hits.length);
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (!o.list.hidden && active >= 0) pick(active);
    } else if (ev.key === 'Escape') {
      close();
    }
  });
  o.input.addEventListener('blur', () => window.setTimeout(close, 150));
  return { focus: () => o.input.focus() };
}
