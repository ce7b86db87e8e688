import path from 'node:path';
import { readCsvTable, splitList } from './csv-table';

/** Normalises a name for lookup: trimmed, case-folded, accents kept, runs of spaces folded. */
export function normName(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The crosswalks of the curated tables, held in memory: every spelling and code of a state, every name of a
 * mission in every source. Readers resolve names here; an unresolved name is reported, never guessed.
 */
export class Crosswalk {
  private readonly stateByIso = new Map<string, string>();
  private readonly stateByCow = new Map<string, string>();
  private readonly stateByCowAbb = new Map<string, string>();
  private readonly stateByGw = new Map<string, string>();
  private readonly stateByName = new Map<string, string>();
  private readonly missionByName = new Map<string, string>();
  private readonly missionAlias = new Map<string, string>();
  private readonly nonState = new Set<string>();
  private readonly orgByName = new Map<string, string>();

  /** Loads the crosswalk tables from a curated folder (missing tables count as empty). */
  static load(curatedDir: string): Crosswalk {
    const cw = new Crosswalk();
    for (const s of readCsvTable(path.join(curatedDir, 'states.csv'))) cw.addState(s);
    for (const m of readCsvTable(path.join(curatedDir, 'missions.csv'))) cw.addMission(m);
    for (const a of readCsvTable(path.join(curatedDir, 'mission_aliases.csv'))) {
      cw.missionAlias.set(aliasKey(a.source_format ?? '', a.name ?? '', a.host_id ?? ''), a.mission_id ?? '');
    }
    for (const n of readCsvTable(path.join(curatedDir, 'non_state_contributors.csv'))) {
      cw.nonState.add(`${n.source_format}|${normName(n.name ?? '')}`);
    }
    for (const o of readCsvTable(path.join(curatedDir, 'organizations.csv'))) {
      const id = o.id ?? '';
      for (const n of [id, o.name, o.acronym, o.cow_igo, ...splitList(o.aliases)]) if (n) cw.orgByName.set(normName(n), id);
    }
    return cw;
  }

  addState(s: Record<string, string>): void {
    const id = s.id ?? '';
    if (!id) return;
    this.stateByIso.set(id.toUpperCase(), id);
    if (s.cow_code) this.stateByCow.set(String(Number(s.cow_code)), id);
    if (s.cow_abb) this.stateByCowAbb.set(s.cow_abb.toUpperCase(), id);
    if (s.gw_code) this.stateByGw.set(String(Number(s.gw_code)), id);
    for (const n of [s.name, ...splitList(s.aliases)]) if (n) this.stateByName.set(normName(n), id);
  }

  addMission(m: Record<string, string>): void {
    const id = m.id ?? '';
    if (!id) return;
    for (const n of [id, m.acronym, m.name, ...splitList(m.aliases)]) if (n) this.missionByName.set(normName(n), id);
  }

  get stateCount(): number {
    return this.stateByIso.size;
  }

  /** A state by ISO-3 code (or the project's id for states without one). */
  stateFromIso(code: string): string | undefined {
    return this.stateByIso.get(code.trim().toUpperCase());
  }

  /** A state by COW numeric code. */
  stateFromCow(code: string | number): string | undefined {
    return this.stateByCow.get(String(Number(code)));
  }

  /** A state by COW letter abbreviation (never an ISO code: COW `AUS` is Austria). */
  stateFromCowAbb(abb: string): string | undefined {
    return this.stateByCowAbb.get(abb.trim().toUpperCase());
  }

  /**
   * A state by Gleditsch-Ward code. G&W 260 before 3 Oct 1990 is West Germany and 678 before 22 May 1990
   * North Yemen (see the rules in cypher/data/curated/README.md); `date` is YYYY or later precision.
   */
  stateFromGw(code: string | number, date?: string): string | undefined {
    const n = Number(code);
    if (date) {
      if (n === 260 && date < '1990-10-03' && this.stateByIso.has('GFR')) return 'GFR';
      if (n === 678 && date < '1990-05-22' && this.stateByIso.has('YAR')) return 'YAR';
    }
    return this.stateByGw.get(String(n));
  }

  /** A state by any spelling the sources use. */
  stateFromName(name: string): string | undefined {
    return this.stateByName.get(normName(name));
  }

  /** Whether the name is a known non-state contributor of the source (a unit of unknown nationality...). */
  isNonStateContributor(format: string, name: string): boolean {
    return this.nonState.has(`${format}|${normName(name)}`);
  }

  /**
   * A mission by the name one source writes, where the source splits one operation per host country giving
   * the host: the source's own alias table first (with the host, then without), then the mission table.
   */
  missionFromName(format: string, name: string, hostId = ''): string | undefined {
    return (
      (hostId ? this.missionAlias.get(aliasKey(format, name, hostId)) : undefined) ??
      this.missionAlias.get(aliasKey(format, name, '')) ??
      this.missionByName.get(normName(name))
    );
  }

  /** An organization by id, acronym, name or COW IGO name. */
  organizationFromName(name: string): string | undefined {
    return this.orgByName.get(normName(name));
  }
}

function aliasKey(format: string, name: string, host: string): string {
  return `${format}|${normName(name)}|${host.toUpperCase()}`;
}
