/** The comment lines of CSV exports whose table does not say everything itself (what the figures are, sources). */
import type { SharedPersonnel } from '../api/queries';
import { sourceTitle } from './sources';

/** Sources as `name (what it is)`, joined by `; `. */
export function sourcesLine(sources: readonly string[]): string {
  return `Sources: ${sources.length ? sources.map((s) => (sourceTitle(s) === s ? s : `${s} (${sourceTitle(s)})`)).join('; ') : 'none named'}`;
}

/** What the shared-personnel table holds: the two sides, the figures, the scores, the months and the sources. */
export function sharedNotes(s: SharedPersonnel): string[] {
  return [
    `States with personnel in both ${s.a.name} (${s.a.id}) and ${s.b.name} (${s.b.id}), largest combined first.`,
    `Figures: personnel on each side (the month asked for, or the peak month of the period); an empty cell: a source names the state without a figure (present, size unknown).`,
    `Months counted: ${s.period ?? 'all on record'}.`,
    `Jaccard ${s.jaccard} over every contributor (${s.contributorsA} and ${s.contributorsB} states); cosine ${s.cosine ?? 'none (a side has no figure)'} over those with a figure (${s.contributorsWithFigureA} and ${s.contributorsWithFigureB}).`,
    sourcesLine(s.sources),
  ];
}
