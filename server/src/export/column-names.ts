/**
 * The one rule that names the columns of every export: CSV headers, GraphML keys and GEXF attributes. Each name is
 * a valid Stata variable name, which R, pandas and Gephi also take as it is:
 *
 * 1. camelCase is split into words and letters are lower-cased (`hqLatitude` -> `hq_latitude`); accents are
 *    dropped (`é` -> `e`);
 * 2. every run of other characters (`@`, `-`, `:`, spaces) becomes one `_`, and no name begins or ends with `_`
 *    (`start@un-pko-list` -> `start_un_pko_list`, `cowSpell:1816` -> `cow_spell_1816`);
 * 3. a name that does not begin with a letter gets `v_` in front (`1990` -> `v_1990`; nothing at all -> `v`), and
 *    Stata's reserved words get `_v` behind (`in` -> `in_v`);
 * 4. at most 32 characters (Stata's limit);
 * 5. unique within one file: the file's own columns (such as `id`, `from_id`, `to_id`) take their names first, then
 *    the properties in sorted order; a name already taken gets `_2`, `_3`, ... (shortened to stay within 32).
 *
 * A file's renames come before the rule: relationships.csv names the properties `from` and `to` (the first and
 * last month of a CONTRIBUTED_TO record) `from_month` and `to_month`, so that they never read as the endpoints
 * `from_id` and `to_id`. Every export writes the mapping beside its data (columns.csv, GraphML `<desc>`, the GEXF
 * description), so each name can be traced to its property.
 */

/** Stata's reserved words (the manual's list; `_`-words cannot arise since every name begins with a letter). */
const RESERVED = new Set(['byte', 'double', 'float', 'if', 'in', 'int', 'long', 'strl', 'using', 'with']);
const MAX_LENGTH = 32;

/** Whether a name can be a Stata variable name: a letter, then letters, digits or `_`; 32 at most; not reserved. */
export function isStataName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]{0,31}$/.test(name) && !RESERVED.has(name.toLowerCase()) && !/^str\d+$/i.test(name);
}

/** Rules 1 to 4 for one property name (uniqueness is the namer's job). */
export function stataName(property: string): string {
  let s = property
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!s) s = 'v';
  else if (!/^[a-z]/.test(s)) s = `v_${s}`;
  s = s.slice(0, MAX_LENGTH).replace(/_+$/, '');
  if (!isStataName(s)) s = `${s.slice(0, MAX_LENGTH - 2)}_v`;
  return s;
}

/** One column of an export: its name and the property it holds (null for a column the export makes itself). */
export interface NamedColumn {
  column: string;
  property: string | null;
}

/** Gives names by the rule, each once, to the fixed columns of a file and then to its properties. */
export class ColumnNamer {
  private readonly taken = new Set<string>();

  /** @param fixed the file's own columns, named as they are (each must already be a unique Stata name). */
  constructor(fixed: readonly string[]) {
    for (const name of fixed) {
      if (!isStataName(name) || this.taken.has(name))
        throw new Error(`Fixed column '${name}' is not a unique Stata name.`);
      this.taken.add(name);
    }
  }

  /** The name of a property's column: renamed, then rules 1 to 4, then a numeric suffix when taken. */
  name(property: string, renames: Readonly<Record<string, string>> = {}): string {
    const base = stataName(renames[property] ?? property);
    let name = base;
    for (let n = 2; this.taken.has(name); n += 1)
      name = `${base.slice(0, MAX_LENGTH - `_${n}`.length).replace(/_+$/, '')}_${n}`;
    this.taken.add(name);
    return name;
  }
}

/**
 * The columns of a file: the fixed ones, then one per property (sorted), named by the rule.
 * @returns the columns in order, and the column of each property.
 */
export function nameColumns(
  fixed: readonly string[],
  properties: Iterable<string>,
  renames: Readonly<Record<string, string>> = {},
): { columns: NamedColumn[]; byProperty: Map<string, string> } {
  const namer = new ColumnNamer(fixed);
  const columns: NamedColumn[] = fixed.map((column) => ({ column, property: null }));
  const byProperty = new Map<string, string>();
  for (const property of [...new Set(properties)].sort()) {
    const column = namer.name(property, renames);
    byProperty.set(property, column);
    columns.push({ column, property });
  }
  return { columns, byProperty };
}
