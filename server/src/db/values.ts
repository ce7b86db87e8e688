import neo4j from 'neo4j-driver';

/**
 * Converts values read from Neo4j into plain JavaScript: integers to numbers (they stay below 2^53 in this
 * graph), temporal values to ISO strings, nodes and relationships to their properties.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(toNative);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (isTemporal(v)) return (v as { toString(): string }).toString();
    if ('properties' in v && ('labels' in v || 'type' in v)) return toNative(v.properties);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toNative(x);
    return out;
  }
  return value;
}

function isTemporal(v: object): boolean {
  return (
    neo4j.isDate(v) ||
    neo4j.isDateTime(v) ||
    neo4j.isLocalDateTime(v) ||
    neo4j.isTime(v) ||
    neo4j.isLocalTime(v) ||
    neo4j.isDuration(v)
  );
}
