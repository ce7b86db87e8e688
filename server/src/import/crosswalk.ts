import path from 'node:path';
import { readCsvTable, splitList } from './csv-table';
import { FieldReader } from './fields';
import { HQ_CORRECTIONS_TABLE, readHqCorrection } from './hq-corrections';
import type { HqCorrection, HqCorrectionLookup } from './hq-corrections';
import type { FieldError } from './fields';

/** The curated table of corrections to the COW IGO membership spells (documented in cypher/data/curated/README.md). */
export const MEMBERSHIP_CORRECTIONS_TABLE = 'membership_corrections.csv';

export const MEMBER_STATUSES = ['full', 'associate', 'observer'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/**
 * One row of membership_corrections.csv. With `cowStart` and `cowEnd` (COW's start and end year as the COW
 * file writes them) it corrects that COW spell; with both null it adds a spell COW lacks. `end` null: still a
 * member.
 */
export interface MembershipCorrection {
  /** 1-based line of the row in the table (the header is line 1). */
  line: number;
  stateId: string;
  orgId: string;
  status: MemberStatus;
  cowStart: string | null;
  cowEnd: string | null;
  start: string;
  end: string | null;
  note: string | null;
  source: string;
}

/**
 * Reads and checks one row of membership_corrections.csv: state, organization, status, `cow_start` and
 * `cow_end` both set (whole years, the end not before the start) or both empty, a `start` date, an `end` date
 * not before it or empty, a `source`. Problems go to the FieldReader's errors (and the result is undefined).
 */
export function readMembershipCorrection(fr: FieldReader, line: number): MembershipCorrection | undefined {
  const stateId = fr.text('state_id', true);
  const orgId = fr.text('organization_id', true);
  const status = fr.oneOf('status', MEMBER_STATUSES, true);
  const cowStart = fr.int('cow_start', { min: 1800, max: 2100 });
  const cowEnd = fr.int('cow_end', { min: 1800, max: 2100 });
  if (cowStart === null && cowEnd !== null && cowEnd !== undefined)
    fr.fail('cow_start', 'is empty while cow_end is set (set both to correct a COW spell, or neither to add a spell)');
  if (cowEnd === null && cowStart !== null && cowStart !== undefined)
    fr.fail('cow_end', 'is empty while cow_start is set (set both to correct a COW spell, or neither to add a spell)');
  if (cowStart && cowEnd && cowEnd < cowStart) fr.fail('cow_end', `${cowEnd} is before cow_start ${cowStart}`);
  const start = fr.date('start', true);
  const end = fr.date('end');
  // Compared at the shorter precision of the two, so that `2007` is not before `2007-04`.
  const n = Math.min(start?.length ?? 0, end?.length ?? 0);
  if (start && end && end.slice(0, n) < start.slice(0, n)) fr.fail('end', `${end} is before the start ${start}`);
  const note = fr.text('note');
  const source = fr.text('source', true);
  if (fr.errors.length || !stateId || !orgId || !status || !start || !source) return undefined;
  return {
    line,
    stateId,
    orgId,
    status,
    cowStart: cowStart === null || cowStart === undefined ? null : String(cowStart),
    cowEnd: cowEnd === null || cowEnd === undefined ? null : String(cowEnd),
    start,
    end: end ?? null,
    note: note ?? null,
    source,
  };
}

/** A correction of a COW spell as the cow-igo reader finds it: the row, or why the table cannot be applied. */
export type CorrectionLookup = { correction: MembershipCorrection } | { problem: string };

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
  private readonly corrections = new Map<
    string,
    { lines: number[]; correction?: MembershipCorrection; errors: FieldError[] }
  >();
  private readonly additions: MembershipCorrection[] = [];
  private readonly hqCorrections = new Map<
    string,
    { lines: number[]; correction?: HqCorrection; errors: FieldError[] }
  >();

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
      for (const n of [id, o.name, o.acronym, o.cow_igo, ...splitList(o.aliases)])
        if (n) cw.orgByName.set(normName(n), id);
    }
    readCsvTable(path.join(curatedDir, MEMBERSHIP_CORRECTIONS_TABLE)).forEach((row, i) =>
      cw.addMembershipCorrection(row, i + 2),
    );
    readCsvTable(path.join(curatedDir, HQ_CORRECTIONS_TABLE)).forEach((row, i) => cw.addHqCorrection(row, i + 2));
    return cw;
  }

  /**
   * Adds a row of mission_hq_corrections.csv, valid or not, so that a reader reports an invalid or repeated
   * correction of a mission rather than importing the source's pair uncorrected. The curated import of the
   * table reports the row's own errors.
   */
  addHqCorrection(row: Record<string, string>, line: number): void {
    const fr = new FieldReader(row);
    const correction = readHqCorrection(fr, line);
    const missionId = fr.raw('mission_id');
    if (!missionId) return; // a row that names no mission: only the curated import reports it
    const seen = this.hqCorrections.get(missionId);
    if (seen) seen.lines.push(line);
    else this.hqCorrections.set(missionId, { lines: [line], correction, errors: fr.errors });
  }

  /**
   * Adds a row of membership_corrections.csv: a correcting row is looked up by the cow-igo reader (an invalid
   * one too, so that the COW spell it names is reported rather than imported uncorrected), an adding row is
   * listed. The curated import of the table reports the row's own errors.
   */
  addMembershipCorrection(row: Record<string, string>, line: number): void {
    const fr = new FieldReader(row);
    const correction = readMembershipCorrection(fr, line);
    if (correction && correction.cowStart === null) {
      this.additions.push(correction);
      return;
    }
    const cowStart = fr.raw('cow_start');
    if (!cowStart) return; // an invalid row that names no COW spell: only the curated import reports it
    const key = correctionKey(
      fr.raw('state_id') ?? '',
      fr.raw('organization_id') ?? '',
      fr.raw('status') ?? '',
      cowStart,
    );
    const seen = this.corrections.get(key);
    if (seen) seen.lines.push(line);
    else this.corrections.set(key, { lines: [line], correction, errors: fr.errors });
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

  /**
   * The correction of the COW spell of a state in an organization with a status and a start year, from
   * membership_corrections.csv: undefined when the spell is not corrected, a problem when the correcting row
   * is invalid or written twice.
   */
  membershipCorrection(
    stateId: string,
    orgId: string,
    status: string,
    cowStartYear: string | number,
  ): CorrectionLookup | undefined {
    const hit = this.corrections.get(correctionKey(stateId, orgId, status, String(cowStartYear)));
    if (!hit) return undefined;
    const where = `${MEMBERSHIP_CORRECTIONS_TABLE} line ${hit.lines.join(' and ')}`;
    if (hit.lines.length > 1) return { problem: `${where} correct this spell more than once` };
    if (!hit.correction)
      return {
        problem: `${where} corrects this spell but is invalid (${hit.errors.map((e) => `${e.field} ${e.reason}`).join('; ')})`,
      };
    return { correction: hit.correction };
  }

  /**
   * The correction of a mission's headquarters pair from mission_hq_corrections.csv: undefined when the
   * mission has none, a problem when its row is invalid or the mission has more than one.
   */
  hqCorrection(missionId: string): HqCorrectionLookup | undefined {
    const hit = this.hqCorrections.get(missionId);
    if (!hit) return undefined;
    const where = `${HQ_CORRECTIONS_TABLE} line ${hit.lines.join(' and ')}`;
    if (hit.lines.length > 1) return { problem: `${where} correct the headquarters of ${missionId} more than once` };
    if (!hit.correction)
      return {
        problem: `${where} corrects the headquarters of ${missionId} but is invalid (${hit.errors.map((e) => `${e.field} ${e.reason}`).join('; ')})`,
      };
    return { correction: hit.correction };
  }

  /** The spells membership_corrections.csv adds (rows without cow_start and cow_end). */
  get membershipAdditions(): readonly MembershipCorrection[] {
    return this.additions;
  }
}

function correctionKey(stateId: string, orgId: string, status: string, cowStart: string): string {
  return `${stateId.trim().toUpperCase()}|${orgId.trim().toUpperCase()}|${status.trim()}|${Number(cowStart)}`;
}

function aliasKey(format: string, name: string, host: string): string {
  return `${format}|${normName(name)}|${host.toUpperCase()}`;
}
