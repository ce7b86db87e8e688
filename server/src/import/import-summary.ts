import type { WriteCounters } from '../db/database';
import type { FormatName } from '../model/sources';
import type { Crosswalk } from './crosswalk';
import type { RowIssue } from './source-file';
import type { FormatReader } from './types';

/** A file that cannot be imported at all (wrong format, unreadable): nothing of it is written. */
export class ImportFatalError extends Error {
  override readonly name = 'ImportFatalError';
}

export interface ImportOptions {
  format: FormatName;
  files: string[];
  /** Picks the reader of a file from its header and name; undefined when the file is not of the format. */
  selectReader: (file: string, header: string[]) => FormatReader | undefined;
  /** Describes which format a header looks like, for the error message of a mismatched file. */
  guessFormat?: (file: string, header: string[]) => string | undefined;
  crosswalk: Crosswalk;
  batchSize: number;
  /** Validate the whole file first; write nothing if any row is bad. */
  strict?: boolean;
  /** Validate only; write nothing. */
  dryRun?: boolean;
  /** Timeout of one batch's transaction (default two minutes: a batch is far larger than an API read). */
  batchTimeoutMs?: number;
  /**
   * Leaves the refresh of the derived summaries (derive.ts) to the caller: the seed imports eleven formats and
   * refreshes them once, after its last step, instead of after each import that wrote their inputs.
   */
  deferDerived?: boolean;
  /** Stops between batches when aborted (Ctrl-C): committed batches stay. */
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportProgress {
  file: string;
  bytesRead: number;
  bytesTotal: number;
  rowsRead: number;
}

export interface FileSummary {
  file: string;
  dataset: string;
  version: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rowsSkipped: number;
  skippedReasons: Record<string, number>;
  /** Imported rows with a value written otherwise than the row says (RowResult.corrections); each is in ImportSummary.corrections. */
  rowsCorrected: number;
}

export interface ImportSummary {
  format: FormatName;
  files: FileSummary[];
  issues: RowIssue[];
  /** Every correction a reader made to a row it accepted (file, line, field and what was done, with the proof). */
  corrections: RowIssue[];
  counters: WriteCounters;
  seconds: number;
  written: boolean;
  /** The relationship types of the batches written (sorted). */
  typesWritten: string[];
  /** The missions of the contribution records written (sorted): their kept peaks are refreshed (db/contribution-peaks.ts). */
  contributionMissions: string[];
  interrupted: boolean;
}

/** Write counters at zero. */
export function zeroCounters(): WriteCounters {
  return { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 };
}

/** Adds `c` into `into`. */
export function addCounters(into: WriteCounters, c: WriteCounters): void {
  into.nodesCreated += c.nodesCreated;
  into.nodesDeleted += c.nodesDeleted;
  into.relationshipsCreated += c.relationshipsCreated;
  into.relationshipsDeleted += c.relationshipsDeleted;
  into.propertiesSet += c.propertiesSet;
}
