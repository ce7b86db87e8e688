import { h } from './dom';

/** One of the two ends a panel compares or connects: its label, the element id tests and CSS find, and its name. */
export interface PairPick {
  label: string;
  id: string;
  /** The picked node's display name (a dash before one is picked). */
  name: string;
}

/** The head of a panel about two picked nodes (paths, shared personnel): its title, how to pick, the two picks. */
export function pairPicksHead(title: string, hint: string, picks: readonly [PairPick, PairPick]): HTMLElement[] {
  return [
    h('h2', { class: 'panel-title', text: title }),
    h('p', { class: 'hint', text: hint }),
    h(
      'div',
      { class: 'picks' },
      ...picks.flatMap((pick) => [
        h('span', { text: pick.label }),
        h('span', { class: 'pick', id: pick.id, text: pick.name }),
      ]),
    ),
  ];
}
