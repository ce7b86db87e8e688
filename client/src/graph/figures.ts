/**
 * Figures that say what they are: the peak of a mission's monthly personnel series in a period, with its month and
 * source, and the words that go with it ("peak monthly personnel, 2011-07; source ipi-missions"). Unknown figures
 * stay null.
 */
import { endOf, startOf } from './time';

/** One month of a series: its figure (null: unknown) and the source that gives it. */
export interface MonthFigure {
  month: string;
  total: number | null;
  source: string;
}

/** The largest monthly figure of a series, the month it was reached and its source. */
export interface Peak {
  value: number;
  month: string;
  source: string;
}

/**
 * The largest figure of `points` in the months of `period` (null ends: open; null period: all months); the
 * earliest month wins a tie. Null when no month of the period has a figure.
 */
export function peakIn(
  points: readonly MonthFigure[],
  period: { from: string | null; to: string | null } | null = null,
): Peak | null {
  const first = period?.from ? startOf(period.from).slice(0, 7) : null;
  const last = period?.to ? endOf(period.to).slice(0, 7) : null;
  let best: Peak | null = null;
  for (const p of points) {
    if (p.total === null || (first && p.month < first) || (last && p.month > last)) continue;
    if (!best || p.total > best.value || (p.total === best.value && p.month < best.month))
      best = { value: p.total, month: p.month, source: p.source };
  }
  return best;
}

/** "16,112 (2005-12; source ipi-missions)". */
export function peakText(p: Peak): string {
  return `${p.value.toLocaleString('en')} (${p.month}; source ${p.source})`;
}
