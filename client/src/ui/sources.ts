/** What each import source is (docs/import-export.md), for the details panel's source list. */
export const SOURCE_TITLES: Readonly<Record<string, string>> = {
  curated: "The project's curated tables (cypher/data/curated), each row citing its document",
  'un-pko-list': 'UN Peace and Security Data Hub: list of peacekeeping operations (DPPADPOSS-PKO)',
  'bara-hultman': 'UN and Non-UN Peacekeeping v2-2019 (Bara & Hultman, SIPRI-derived)',
  'ipi-contributions': 'IPI Peacekeeping Database: contributions per state, mission and month',
  'ipi-missions': 'IPI Peacekeeping Database: mission totals per month',
  'ipi-snapshot': 'IPI Peacekeeping Database: one-month snapshot',
  'geopko-tcc': 'Geo-PKO troop-contributing countries per mission and year',
  'un-country-by-year': 'UN contributions, yearly averages per country and mission',
  'cow-igo': 'Correlates of War IGO v3: organizations and memberships',
  'cow-states': 'Correlates of War state list',
  'ucdp-acd': 'UCDP/PRIO Armed Conflict Dataset',
};

/** A source's description, or the source name itself. */
export function sourceTitle(source: string): string {
  return SOURCE_TITLES[source] ?? source;
}
