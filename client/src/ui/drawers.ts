/**
 * The narrow layout's drawers: below NARROW_LAYOUT_PX the filter column (`#left`) and the panel column (`#right`)
 * leave the grid and slide over the network when their toolbar button ("Filters", "Panels") asks for them, so
 * that the network keeps the window's width. The CSS (styles.css, "Narrow windows") does the layout; this module
 * keeps the buttons' `aria-expanded`, the `open` class, the focus and the keys in step. One drawer is open at a
 * time; Esc closes it (before anything else Esc closes), and so does a wider window.
 */
import { byId } from './dom';

/** The width (CSS pixels) at and below which the columns become drawers; the media query in styles.css says the same. */
export const NARROW_LAYOUT_PX = 1100;

/** The two drawers, by the id of their column. */
export type DrawerName = 'left' | 'right';

const TOGGLES: Readonly<Record<DrawerName, string>> = { left: 'toggle-filters', right: 'toggle-panels' };

/** What the rest of the view may ask of the drawers. */
export interface Drawers {
  /** Whether the window is narrow enough for drawers. */
  narrow(): boolean;
  /** Opens a drawer (in a narrow window only); `focus` moves the keyboard focus into it. */
  open(name: DrawerName, opts?: { focus?: boolean }): void;
  /** Closes a drawer; a focus inside it goes back to its toolbar button. */
  close(name: DrawerName): void;
  /** The open drawer, if any. */
  current(): DrawerName | null;
}

/** Something else that Esc closes first: the help dialog, an open menu, the search suggestions. */
function somethingAboveDrawers(): boolean {
  if (document.querySelector('dialog[open]')) return true;
  if (document.querySelector('details.menu[open]')) return true;
  const suggestions = document.getElementById('search-list');
  return Boolean(suggestions && !suggestions.hidden);
}

/** Wires the toolbar buttons, Esc and the breakpoint; call once, after the page is parsed. */
export function wireDrawers(): Drawers {
  const media = window.matchMedia(`(max-width: ${NARROW_LAYOUT_PX}px)`);
  const column = (name: DrawerName): HTMLElement => byId(name);
  const toggle = (name: DrawerName): HTMLButtonElement => byId<HTMLButtonElement>(TOGGLES[name]);
  let openName: DrawerName | null = null;

  const setOpen = (name: DrawerName, open: boolean): void => {
    // A closed drawer is invisible: the focus it held goes back to the button that opens it.
    if (!open && column(name).contains(document.activeElement)) toggle(name).focus();
    column(name).classList.toggle('open', open);
    toggle(name).setAttribute('aria-expanded', String(open));
    if (open) openName = name;
    else if (openName === name) openName = null;
  };

  const drawers: Drawers = {
    narrow: () => media.matches,
    open(name, opts = {}) {
      if (!media.matches) return;
      const other: DrawerName = name === 'left' ? 'right' : 'left';
      if (openName === other) setOpen(other, false);
      setOpen(name, true);
      if (opts.focus) column(name).focus({ preventScroll: true });
    },
    close(name) {
      if (openName === name) setOpen(name, false);
    },
    current: () => openName,
  };

  for (const name of ['left', 'right'] as const) {
    // The column takes the focus when its drawer opens (it is a landmark; Tab goes on to its controls).
    column(name).tabIndex = -1;
    toggle(name).addEventListener('click', () => {
      if (openName === name) drawers.close(name);
      else drawers.open(name, { focus: true });
    });
  }

  // Esc closes the open drawer, unless a dialog, a menu or the suggestions are open above it (keyboard.ts and the
  // search close those). Captured before the view's shortcuts, so that the same Esc does not also close the details.
  document.addEventListener(
    'keydown',
    (ev) => {
      if (ev.key !== 'Escape' || !openName || somethingAboveDrawers()) return;
      ev.preventDefault();
      ev.stopPropagation();
      drawers.close(openName);
    },
    { capture: true },
  );

  // Applying the filters shows their result: the filter drawer gets out of the way.
  byId<HTMLFormElement>('filters').addEventListener('submit', () => drawers.close('left'));

  // A window made wide again shows both columns in the grid: no drawer stays marked open.
  media.addEventListener('change', () => {
    if (media.matches) return;
    setOpen('left', false);
    setOpen('right', false);
  });
  return drawers;
}
