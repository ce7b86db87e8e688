import fs from 'node:fs';
import path from 'node:path';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../db/database';
import { parseCypherScript } from '../../db/cypher-script';
import { toNative } from '../../db/values';
import { repoRoot } from '../../paths';

/**
 * The research measures live in `cypher/analysis/<name>.cypher`, written for Neo4j Browser users (a comment
 * that defines the measure, `:param` lines with example values, one statement). The server runs those same
 * files: this module reads them once, keeps the statement and the names its `:param` lines declare, and runs
 * the statement with the server's parameters. No copy of a measure's Cypher exists in TypeScript.
 */
export const ANALYSIS_QUERY_NAMES = [
  'universe',
  'mspo-share',
  'mission-pairs',
  'dyad-cooperation',
  'personnel',
  'unit-complexity',
  'social-learning',
  'membership-similarity',
  'nationality-similarity',
  'person-bridges',
  'cooperation-network',
  'active-operations',
] as const;
export type AnalysisQueryName = (typeof ANALYSIS_QUERY_NAMES)[number];

/** One analysis file as the server runs it. */
export interface AnalysisQuery {
  name: AnalysisQueryName;
  file: string;
  /** The statement, with the `:param` lines and comments left out. */
  statement: string;
  /** The parameters the file declares with `:param`, which are exactly those its statement uses. */
  parameters: string[];
  /** The `:param` example values as the file writes them (Cypher expressions), for documentation. */
  examples: Record<string, string>;
}

/** A file of cypher/analysis that cannot serve as a measure: missing, several statements, undeclared parameters. */
export class AnalysisQueryError extends Error {
  override readonly name = 'AnalysisQueryError';
}

/** The `$names` a statement uses, outside strings and comments (parseCypherScript has removed comments). */
export function parametersUsed(statement: string): string[] {
  const withoutStrings = statement.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  const names = new Set<string>();
  for (const m of withoutStrings.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]);
  return [...names].sort();
}

/** Reads and checks one analysis file. */
export function parseAnalysisQuery(name: AnalysisQueryName, file: string, source: string): AnalysisQuery {
  const items = parseCypherScript(source);
  const statements = items.filter((i) => i.kind === 'statement');
  if (statements.length !== 1) {
    throw new AnalysisQueryError(`${file}: expected exactly one statement, found ${statements.length}`);
  }
  const commands = items.filter((i) => i.kind === 'command');
  if (commands.length) throw new AnalysisQueryError(`${file}: only :param client commands are allowed`);
  const examples: Record<string, string> = {};
  for (const item of items) {
    if (item.kind !== 'param') continue;
    if (!item.name)
      throw new AnalysisQueryError(`${file}:${item.line}: declare one parameter per ':param name => value' line`);
    examples[item.name] = item.expression;
  }
  const statement = (statements[0] as { text: string }).text;
  const declared = Object.keys(examples).sort();
  const used = parametersUsed(statement);
  const undeclared = used.filter((p) => !declared.includes(p));
  const unused = declared.filter((p) => !used.includes(p));
  if (undeclared.length || unused.length) {
    throw new AnalysisQueryError(
      `${file}: the :param lines must declare exactly the parameters the statement uses` +
        (undeclared.length ? `; undeclared: ${undeclared.join(', ')}` : '') +
        (unused.length ? `; unused: ${unused.join(', ')}` : ''),
    );
  }
  return { name, file, statement, parameters: declared, examples };
}

/** The folder of the analysis files. */
export function analysisDir(root: string = repoRoot()): string {
  return path.join(root, 'cypher', 'analysis');
}

/**
 * Every analysis query, read once. The server calls `load()` when the analytics module is first imported
 * (that is, while the schema is built at start-up), so a missing or broken file stops the start.
 */
export class AnalysisQueries {
  private constructor(private readonly queries: ReadonlyMap<AnalysisQueryName, AnalysisQuery>) {}

  static load(dir: string = analysisDir()): AnalysisQueries {
    const map = new Map<AnalysisQueryName, AnalysisQuery>();
    for (const name of ANALYSIS_QUERY_NAMES) {
      const file = path.join(dir, `${name}.cypher`);
      if (!fs.existsSync(file)) throw new AnalysisQueryError(`missing analysis query ${file}`);
      map.set(name, parseAnalysisQuery(name, file, fs.readFileSync(file, 'utf8')));
    }
    return new AnalysisQueries(map);
  }

  get(name: AnalysisQueryName): AnalysisQuery {
    const q = this.queries.get(name);
    if (!q) throw new AnalysisQueryError(`unknown analysis query '${name}'`);
    return q;
  }

  /** The parameters as the statement needs them: every declared one given, nothing else. */
  params(name: AnalysisQueryName, params: Record<string, unknown>): Record<string, unknown> {
    const q = this.get(name);
    const missing = q.parameters.filter((p) => !(p in params));
    const extra = Object.keys(params).filter((p) => !q.parameters.includes(p));
    if (missing.length || extra.length) {
      throw new AnalysisQueryError(
        `${q.name}.cypher takes ${q.parameters.join(', ')}` +
          (missing.length ? `; missing: ${missing.join(', ')}` : '') +
          (extra.length ? `; not declared: ${extra.join(', ')}` : ''),
      );
    }
    return params;
  }

  /** Runs an analysis query in its own read transaction. */
  run<T>(db: Database, name: AnalysisQueryName, params: Record<string, unknown>): Promise<T[]> {
    return db.read<T>(this.get(name).statement, this.params(name, params));
  }

  /** Runs an analysis query inside a transaction that the caller holds. */
  async runIn<T>(tx: ManagedTransaction, name: AnalysisQueryName, params: Record<string, unknown>): Promise<T[]> {
    const res = await tx.run(this.get(name).statement, this.params(name, params));
    return res.records.map((r) => toNative(r.toObject()) as T);
  }
}

let loaded: AnalysisQueries | null = null;

/** The analysis queries of this repository, read on first use and kept. */
export function analysisQueries(): AnalysisQueries {
  loaded ??= AnalysisQueries.load();
  return loaded;
}
