/**
 * A tab list after the ARIA tabs pattern: buttons `#tab-<name>` control panels `#panel-<name>`; a click or the
 * arrow keys pick a tab, and one panel shows at a time.
 */
import { byId } from './dom';

/** Calls `select` when the user picks a tab, with the mouse or the arrow keys (focus follows). */
export function wireTabs<T extends string>(names: readonly T[], select: (tab: T) => void): void {
  const buttons = names.map((t) => byId<HTMLButtonElement>(`tab-${t}`));
  buttons.forEach((button, i) => {
    button.addEventListener('click', () => select(names[i]));
    button.addEventListener('keydown', (ev) => {
      const d = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
      if (!d) return;
      ev.preventDefault();
      const next = (i + d + buttons.length) % buttons.length;
      select(names[next]);
      buttons[next].focus();
    });
  });
}

/** Marks `tab` selected (the only one reachable with Tab) and shows its panel alone. */
export function showTab<T extends string>(names: readonly T[], tab: T): void {
  for (const t of names) {
    const button = byId(`tab-${t}`);
    button.setAttribute('aria-selected', String(t === tab));
    button.tabIndex = t === tab ? 0 : -1;
    byId(`panel-${t}`).hidden = t !== tab;
  }
}
