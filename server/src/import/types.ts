import type { NodeLabel, Props, RelType, Scalar } from '../model/graph';
import type { Crosswalk } from './crosswalk';
import type { FieldError, FieldReader } from './fields';
import type { FormatName } from '../model/sources';

/** Create or update one node, keyed by label and id. `props` overwrite; `onCreate` only fills a new node. */
export interface NodeOp {
  kind: 'node';
  label: NodeLabel;
  id: string;
  props: Props;
  onCreate?: Props;
}

/** Create or update one relationship between two existing nodes, keyed by type, endpoints and `key`. */
export interface RelOp {
  kind: 'rel';
  type: RelType;
  from: string;
  to: string;
  key: Record<string, Scalar>;
  props: Props;
}

export type GraphOp = NodeOp | RelOp;

/** What a reader makes of one row: the ops to write, or the errors that reject the row. */
export interface RowResult {
  ops: GraphOp[];
  errors: FieldError[];
  /** Set when a valid row is deliberately not imported (a zero cell of a full grid, an IGO outside the model); counted and reported. */
  skipped?: string;
  /**
   * Values of an imported row written otherwise than the row says, each with its proof (a swapped coordinate
   * pair): the row is imported, and each correction is reported with the file and line.
   */
  corrections?: FieldError[];
}

export interface RowContext {
  /** 1-based line number of the row in the file (the header is line 1). */
  line: number;
  file: string;
  crosswalk: Crosswalk;
}

/**
 * One import format. A reader is a pure function from a CSV row (read through a FieldReader, which records what is
 * wrong with each field) to graph ops: it validates, normalises and resolves names through the crosswalk, and never
 * talks to the database.
 */
export interface FormatReader {
  name: FormatName;
  description: string;
  /** Header columns that must all be present; a file without them is another format. */
  requiredColumns: readonly string[];
  /** CSV dialect, when not plain comma-separated. */
  csv?: { delimiter?: string };
  /** Version of the source data, read from the file name or the first row (e.g. UCDP `version`); else the file hash is used. */
  version?(fileName: string, firstRow: Record<string, string>): string | undefined;
  mapRow(fields: FieldReader, ctx: RowContext): RowResult;
  /** Each node id and relationship key may appear once per file (curated tables): a repeat is an error. */
  uniqueRows?: boolean;
  /** Idempotent Cypher run after a file of this format is imported, to derive summary properties (no parameters). */
  finalize?: readonly string[];
}
