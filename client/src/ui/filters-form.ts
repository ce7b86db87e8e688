/** The filter form: filling it from the view state and the filter choices, and reading it back into a state. */
import type { FacetOption, Facets } from '../graph/filters';
import {
  MISSION_KINDS,
  ORGANIZATION_KIND_TEXT,
  ORGANIZATION_KINDS,
  SOURCE_FILTER_TEXT,
  SOURCE_FILTERS,
} from '../graph/filters';
import { DATE_PATTERN } from '../graph/time';
import type { ViewState } from '../graph/view-state';
import { byId, clear, h } from './dom';
import { sourceTitle } from './sources';

/** The kinds of organization before the counts arrive (or when they cannot). */
const KINDS_UNCOUNTED: FacetOption[] = ORGANIZATION_KINDS.map((k) => ({
  value: k,
  text: ORGANIZATION_KIND_TEXT[k],
  count: 0,
}));
/** The datasets offered by the source filter, with their long title on hover. */
const SOURCE_OPTIONS = SOURCE_FILTERS.map((s) => ({
  value: s,
  text: SOURCE_FILTER_TEXT[s],
  count: 0,
  title: sourceTitle(s),
}));

/** Sets every field of the form (and the mode) from `s`; choices not offered yet still show by name. */
export function fillFilterForm(s: ViewState, facets: Facets | null, names: ReadonlyMap<string, string>): void {
  const fill = (id: string, options: (FacetOption & { title?: string })[], selected: string[]): void => {
    const select = byId<HTMLSelectElement>(id);
    clear(select);
    const seen = new Set<string>();
    for (const o of options) {
      seen.add(o.value);
      select.append(
        h('option', {
          value: o.value,
          text: o.count ? `${o.text} (${o.count})` : o.text,
          title: o.title,
          selected: selected.includes(o.value),
        }),
      );
    }
    for (const v of selected)
      if (!seen.has(v)) select.append(h('option', { value: v, text: names.get(v) ?? v, selected: true }));
  };
  fill('f-orgs', facets?.organizations ?? [], s.organizations);
  fill(
    'f-kinds',
    facets?.missionKinds ?? MISSION_KINDS.map((k) => ({ value: k, text: k.replace(/_/g, ' '), count: 0 })),
    s.missionKinds,
  );
  fill('f-regions', facets?.regions ?? [], s.regions);
  fill('f-conflicts', facets?.conflicts ?? [], s.conflicts);
  fill('f-okinds', facets?.organizationKinds ?? KINDS_UNCOUNTED, s.organizationKinds);
  fill('f-sources', SOURCE_OPTIONS, s.sources);
  byId<HTMLInputElement>('f-from').value = s.from ?? '';
  byId<HTMLInputElement>('f-to').value = s.to ?? '';
  byId<HTMLInputElement>('f-conf').checked = s.includeConflicts;
  byId<HTMLInputElement>('f-states').checked = s.includeStates;
  byId<HTMLSelectElement>('mode').value = s.mode;
}

/** `current` with the form's filters, or an error that says which date is malformed. */
export function readFilterForm(current: ViewState): { state: ViewState } | { error: Error } {
  const values = (id: string): string[] => [...byId<HTMLSelectElement>(id).selectedOptions].map((o) => o.value);
  const from = byId<HTMLInputElement>('f-from').value.trim();
  const to = byId<HTMLInputElement>('f-to').value.trim();
  for (const [label, v] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (v && !DATE_PATTERN.test(v))
      return { error: new Error(`“${v}” is not a date: write ${label} as YYYY, YYYY-MM or YYYY-MM-DD.`) };
  }
  return {
    state: {
      ...current,
      organizations: values('f-orgs'),
      missionKinds: values('f-kinds'),
      regions: values('f-regions'),
      conflicts: values('f-conflicts'),
      organizationKinds: values('f-okinds'),
      sources: values('f-sources'),
      from: from || null,
      to: to || null,
      includeConflicts: byId<HTMLInputElement>('f-conf').checked,
      includeStates: byId<HTMLInputElement>('f-states').checked,
    },
  };
}
