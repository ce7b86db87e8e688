/**
 * How each entity is read from Neo4j: one map projection per label, so that every query returns the same
 * shape. `v` is the caller's variable name (a constant).
 */
const BASE = `.id, sources: coalesce(VAR.sources, []), datasets: coalesce(VAR.datasets, []), aliases: coalesce(VAR.aliases, []), .sourceRef`;

const base = (v: string) => BASE.replace(/VAR/g, v);

export const ORGANIZATION = (v: string): string =>
  `${v} { ${base(v)}, .name, .acronym, .kind, .founded, .dissolved, .cowIgo, label: 'Organization' }`;

export const MISSION = (v: string): string =>
  `${v} { ${base(v)}, name: coalesce(${v}.name, ${v}.acronym, ${v}.id), acronym: coalesce(${v}.acronym, ${v}.id), .start, .end,
          kinds: coalesce(${v}.kinds, []), mandates: coalesce(${v}.mandates, []), .maxPersonnel, label: 'Mission' }`;

export const STATE = (v: string): string =>
  `${v} { ${base(v)}, name: coalesce(${v}.name, ${v}.id), .cowCode, .cowAbb, .gwCode, .region, label: 'State' }`;

export const CONFLICT = (v: string): string =>
  `${v} { ${base(v)}, name: coalesce(${v}.name, ${v}.id), .location, .sideA, .sideB, .type, .incompatibility, .territory,
          region: coalesce(${v}.region, []), .start, .firstYear, .lastYear, .maxIntensity,
          intensity: [y IN coalesce(${v}.years, []) | {year: y, level: ${v}['intensity_' + toString(y)]}], label: 'Conflict' }`;

export const PERSON = (v: string): string => `${v} { ${base(v)}, .name, .nationality, label: 'Person' }`;
