import neo4j from 'neo4j-driver';

/**
 * Converts values read from Neo4j into plain JavaScript: integers to numbers (they stay below 2^53 in this
 * graph), temporal values to ISO strings, nodes and relationships to their properties, other values of the
 * driver (a Point) to plain objects. Lists and maps are converted in place: the driver makes them afresh for each
 * record, and a copy of the tens of thousands of values of a large answer would only feed the garbage collector.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) {
    if (Object.isFrozen(value)) return value.map(toNative);
    for (let i = 0; i < value.length; i += 1) value[i] = toNative(value[i]);
    return value;
  }
  const v = value as Record<string, unknown>;
  if (isTemporal(v)) return (v as { toString(): string }).toString();
  if ('properties' in v && ('labels' in v || 'type' in v)) return toNative(v.properties);
  // The driver's maps are plain objects; its own types (a Point) are frozen and copied.
  const target: Record<string, unknown> = Object.getPrototypeOf(v) === Object.prototype && !Object.isFrozen(v) ? v : {};
  for (const k of Object.keys(v)) target[k] = toNative(v[k]);
  return target;
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
