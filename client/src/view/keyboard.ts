/** The view's keyboard shortcuts outside text fields (listed for users in the "?" help of index.html). */
import { byId } from '../ui/dom';

export interface ShortcutActions {
  focusSearch(): void;
  /** The selected node's id, if any. */
  selected(): string | null;
  closeDetails(): void;
  hide(id: string): void;
  expand(id: string): void;
}

/** `/` search, `?` help, Esc closes a menu then the details, `h`/Delete hides and `e` expands the selection. */
export function wireShortcuts(a: ShortcutActions): void {
  document.addEventListener('keydown', (ev) => {
    const t = ev.target as HTMLElement | null;
    const typing = t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA');
    const plain = !typing && !ev.ctrlKey && !ev.metaKey;
    const help = byId<HTMLDialogElement>('help');
    const openMenus = [...document.querySelectorAll<HTMLDetailsElement>('details.menu[open]')];
    const selected = a.selected();
    if (ev.key === '/' && !typing) {
      ev.preventDefault();
      a.focusSearch();
    } else if (ev.key === '?' && !typing) {
      ev.preventDefault();
      if (help.open) help.close();
      else help.showModal();
    } else if (ev.key === 'Escape' && openMenus.length) {
      // Esc closes what is open first (a menu), then the details.
      for (const menu of openMenus) menu.open = false;
      openMenus[0]?.querySelector('summary')?.focus();
    } else if (ev.key === 'Escape' && !typing && selected) {
      a.closeDetails();
    } else if ((ev.key === 'Delete' || ev.key === 'h') && plain && selected) {
      a.hide(selected);
    } else if (ev.key === 'e' && plain && selected) {
      a.expand(selected);
    }
  });
}
