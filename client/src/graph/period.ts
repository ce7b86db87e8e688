/**
 * The one answer to "which period does the view ask for now": the slider's year or month when it sits on one,
 * else the period filter (or all years). Paths, shared personnel, details, the edge panel and the charts' captions
 * all take their period from here, so that they agree with each other and with the picture.
 */
import type { ViewState } from './view-state';

/** The period the view asks the API for. */
export interface ViewPeriod {
  /** First day, month or year (null: open). */
  from: string | null;
  /** Last day, month or year (null: open). */
  to: string | null;
  /** For people: `2008`, `2008-03`, `1996–2025`, `since 2000`, `all years`. */
  label: string;
  /** Where the period comes from: the slider, the period filter, or neither (all years). */
  origin: 'slider' | 'filter' | 'all';
}

/** The API's PeriodInput. */
export interface PeriodInput {
  from?: string;
  to?: string;
}

/** `2008`, `2008-03`, `1996–2025`, `since 2000`, `until 1990` or `all years`. */
export function describePeriod(from: string | null, to: string | null): string {
  if (from && to) return from === to ? from : `${from}–${to}`;
  if (from) return `since ${from}`;
  if (to) return `until ${to}`;
  return 'all years';
}

/** The period the view asks for now: the slider's year or month when it sits on one, else the filter's. */
export function viewPeriod(s: Pick<ViewState, 'time' | 'from' | 'to'>): ViewPeriod {
  if (s.time) return { from: s.time, to: s.time, label: s.time, origin: 'slider' };
  if (s.from || s.to) return { from: s.from, to: s.to, label: describePeriod(s.from, s.to), origin: 'filter' };
  return { from: null, to: null, label: 'all years', origin: 'all' };
}

/** The period as the API's PeriodInput; null for all years. */
export function periodInput(p: Pick<ViewPeriod, 'from' | 'to'>): PeriodInput | null {
  if (!p.from && !p.to) return null;
  const out: PeriodInput = {};
  if (p.from) out.from = p.from;
  if (p.to) out.to = p.to;
  return out;
}

/** Whether two periods ask for the same thing. */
export function samePeriod(a: Pick<ViewPeriod, 'from' | 'to'>, b: Pick<ViewPeriod, 'from' | 'to'>): boolean {
  return (a.from ?? null) === (b.from ?? null) && (a.to ?? null) === (b.to ?? null);
}

/** How precise a date is, as its source gives it. */
export type DatePrecision = 'year' | 'month' | 'day';

/** `2013` is a year, `2013-06` a month, `2013-06-12` a day; anything else is null. */
export function datePrecision(d: string | null | undefined): DatePrecision | null {
  if (!d) return null;
  if (/^\d{4}$/.test(d)) return 'year';
  if (/^\d{4}-\d{2}$/.test(d)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return 'day';
  return null;
}
