/**
 * The path panel's options: the relationship types a path may cross (unchecked ones are avoided), its period
 * (the view's, all years, or a fixed one), the step limit and the number of paths. Reads and writes a view state.
 */
import {
  crossedTypes,
  normaliseTypes,
  PATH_DEFAULTS,
  pathPeriodOf,
  RELATIONSHIP_MEANINGS,
  RELATIONSHIP_TYPES,
} from '../graph/path-options';
import { viewPeriod } from '../graph/period';
import { DATE_PATTERN } from '../graph/time';
import type { ViewState } from '../graph/view-state';
import { h } from './dom';

/** What a change of the options does: the state is already updated when it is called. */
export interface PathOptionsEvents {
  changed(): void;
}

const ORIGIN_WORDS = { slider: 'the slider’s time', filter: 'the period filter', all: 'no period filter' } as const;

/** The options as a fieldset bound to `state` (changes are written to it, then `changed` is called). */
export function pathOptionsForm(state: ViewState, events: PathOptionsEvents): HTMLElement {
  const crossed = new Set(crossedTypes(state));
  const types = h('div', {
    class: 'path-types',
    role: 'group',
    'aria-label': 'Relationship types the paths may cross',
  });
  for (const t of RELATIONSHIP_TYPES) {
    const box = h('input', { type: 'checkbox', name: 'path-type', value: t, checked: crossed.has(t) });
    box.addEventListener('change', () => {
      const chosen = [...types.querySelectorAll<HTMLInputElement>('input[name="path-type"]:checked')].map(
        (b) => b.value,
      );
      if (!chosen.length) {
        // A path must cross something: the last type stays.
        box.checked = true;
        return;
      }
      state.pathTypes = normaliseTypes(chosen);
      events.changed();
    });
    types.append(h('label', { class: 'check', title: RELATIONSHIP_MEANINGS[t] ?? t }, box, ` ${t}`));
  }

  const view = viewPeriod(state);
  const custom = state.pathPeriod && state.pathPeriod !== 'all' ? state.pathPeriod : null;
  const select = h(
    'select',
    { id: 'path-period' },
    h('option', {
      value: 'view',
      text: `the view’s: ${view.label} (${ORIGIN_WORDS[view.origin]})`,
      selected: state.pathPeriod === null,
    }),
    h('option', { value: 'all', text: 'all years', selected: state.pathPeriod === 'all' }),
    h('option', { value: 'custom', text: 'from … to …', selected: Boolean(custom) }),
  );
  const from = h('input', {
    id: 'path-period-from',
    type: 'text',
    inputmode: 'numeric',
    size: 10,
    placeholder: 'YYYY[-MM[-DD]]',
    value: custom?.from ?? '',
    'aria-label': 'Paths from (date)',
  });
  const to = h('input', {
    id: 'path-period-to',
    type: 'text',
    inputmode: 'numeric',
    size: 10,
    placeholder: 'YYYY[-MM[-DD]]',
    value: custom?.to ?? '',
    'aria-label': 'Paths to (date)',
  });
  const range = h('span', { class: 'path-range', hidden: !custom }, from, ' – ', to);
  const problem = h('span', { class: 'hint', role: 'status' });
  const readCustom = (): void => {
    const a = from.value.trim();
    const b = to.value.trim();
    if ((a && !DATE_PATTERN.test(a)) || (b && !DATE_PATTERN.test(b))) {
      problem.textContent = ' Dates are YYYY, YYYY-MM or YYYY-MM-DD.';
      return;
    }
    problem.textContent = '';
    if (!a && !b) return;
    state.pathPeriod = a && b && a > b ? { from: b, to: a } : { from: a || null, to: b || null };
    events.changed();
  };
  select.addEventListener('change', () => {
    range.hidden = select.value !== 'custom';
    if (select.value === 'view') state.pathPeriod = null;
    else if (select.value === 'all') state.pathPeriod = 'all';
    else {
      // Start from the period the paths were using.
      const p = pathPeriodOf(state);
      if (!from.value && p.from) from.value = p.from;
      if (!to.value && p.to) to.value = p.to;
      from.focus();
      readCustom();
      return;
    }
    events.changed();
  });
  from.addEventListener('change', readCustom);
  to.addEventListener('change', readCustom);

  const number = (id: string, label: string, value: number, max: number, write: (n: number) => void): HTMLElement => {
    const input = h('input', { id, type: 'number', min: 1, max, step: 1, value: String(value) });
    input.addEventListener('change', () => {
      const n = Number(input.value);
      if (!Number.isInteger(n) || n < 1 || n > max) {
        input.value = String(value);
        return;
      }
      write(n);
      events.changed();
    });
    return h('label', { class: 'inline' }, `${label} `, input);
  };

  return h(
    'fieldset',
    { id: 'path-options', class: 'path-options' },
    h('legend', { text: 'Options' }),
    h('p', { class: 'hint', text: 'Cross (checked) or avoid (unchecked) each type of relationship:' }),
    types,
    h(
      'div',
      { class: 'path-limits' },
      h('label', { class: 'inline', for: 'path-period' }, 'Period '),
      select,
      range,
      problem,
    ),
    h(
      'div',
      { class: 'path-limits' },
      number('path-hops', 'At most', state.pathHops, PATH_DEFAULTS.maxHops, (n) => (state.pathHops = n)),
      ' steps; ',
      number('path-k', 'paths', state.pathK, PATH_DEFAULTS.maxK, (n) => (state.pathK = n)),
    ),
  );
}
