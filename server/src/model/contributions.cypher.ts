/**
 * The Cypher of reading contribution records (`CONTRIBUTED_TO`), shared by `State.contributions`,
 * `Mission.contributors` and `sharedPersonnel`: which records a question counts, and the shape they travel in
 * (contributions.ts `RecordRun`).
 */

/** Record `c` falls in the question's months (`$window`, a MonthWindow or null) and is from `$source` (or any). */
export const RECORD_COUNTED = (c: string): string =>
  `($window IS NULL OR (${c}.from <= $window.to AND ${c}.to >= $window.from)) AND ($source IS NULL OR ${c}.source = $source)`;

/**
 * The run of the records `cs` (collected per state, mission and source): `[source, froms, tos, totals]`, the
 * totals with null kept in place (a list comprehension keeps what `collect` would drop). A troop estimate
 * stands in where a source has no total.
 */
export const RECORD_RUN = (cs: string): string =>
  `[${cs}[0].source, [x IN ${cs} | x.from], [x IN ${cs} | x.to], [x IN ${cs} | coalesce(x.total, x.troopsEstimate)]]`;
