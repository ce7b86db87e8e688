/** The view's keyboard shortcuts outside text fields (listed for users in the "?" help of index.html). */
import { byId } from '../ui/dom';
import { arrowDirection } from './node-nav';
import type { KeyboardCursor } from './node-nav';

export interface ShortcutActions {
  focusSearch(): void;
  /** The selected node's id, if any. */
  selected(): string | null;
  closeDetails(): void;
  hide(id: string): void;
  expand(id: string): void;
  /** Selects a node and opens its details. */
  open(id: string): void;
  /** Enters focus mode on a node. */
  focusOn(id: string): void;
  /** Leaves focus mode; false when there was none. */
  leaveFocus(): boolean;
  /** The focusable canvas container and its keyboard cursor. */
  canvas: HTMLElement;
  cursor: KeyboardCursor;
}

/**
 * `/` search, `?` help, Esc closes a menu, then leaves focus mode, then closes the details; `h`/Delete hides, `e`
 * expands and `f` focuses on the node under the keyboard cursor (on the canvas) or the selected one. On the
 * canvas, the arrow keys move the cursor between nodes and Enter opens the details of the node under it.
 */
export function wireShortcuts(a: ShortcutActions): void {
  document.addEventListener('keydown', (ev) => {
    const t = ev.target as HTMLElement | null;
    const typing = t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA');
    const plain = !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey;
    const onCanvas = t !== null && a.canvas.contains(t);
    const help = byId<HTMLDialogElement>('help');
    const openMenus = [...document.querySelectorAll<HTMLDetailsElement>('details.menu[open]')];
    const selected = a.selected();
    // On the canvas the keys act on the node under the cursor; elsewhere on the selected node.
    const target = (onCanvas ? a.cursor.current() : null) ?? selected;
    const direction = onCanvas && plain && !ev.shiftKey ? arrowDirection(ev.key) : null;
    if (direction) {
      ev.preventDefault();
      a.cursor.move(direction);
    } else if (ev.key === 'Enter' && onCanvas && plain) {
      ev.preventDefault();
      const id = a.cursor.current();
      if (id) a.open(id);
      else a.cursor.show();
    } else if (ev.key === '/' && !typing) {
      ev.preventDefault();
      a.focusSearch();
    } else if (ev.key === '?' && !typing) {
      ev.preventDefault();
      if (help.open) help.close();
      else help.showModal();
    } else if (ev.key === 'Escape' && help.open) {
      // The dialog closes itself.
    } else if (ev.key === 'Escape' && openMenus.length) {
      // Esc closes what is open first (a menu), then leaves focus mode, then closes the details.
      for (const menu of openMenus) menu.open = false;
      openMenus[0]?.querySelector('summary')?.focus();
    } else if (ev.key === 'Escape' && !typing && a.leaveFocus()) {
      ev.preventDefault();
    } else if (ev.key === 'Escape' && !typing && selected) {
      a.closeDetails();
    } else if ((ev.key === 'Delete' || ev.key === 'h') && plain && target) {
      a.hide(target);
    } else if (ev.key === 'e' && plain && target) {
      a.expand(target);
    } else if (ev.key === 'f' && plain && target) {
      a.focusOn(target);
    }
  });
}
