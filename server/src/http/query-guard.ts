import { Kind, parse } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql';
import { ErrorCode } from '../errors';
import { BoundedCache } from './bounded-cache';

export interface QueryGuardLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxFields: number;
  maxTokens: number;
}

/** What a document measures: nesting depth (through fragments), aliases and directives. */
export interface DocumentMeasures {
  depth: number;
  aliases: number;
  directives: number;
  fields: number;
}

/** Measures a parsed document; fragment spreads count at the depth they are spread, each fragment once per path. */
export function measureDocument(doc: DocumentNode): DocumentMeasures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let aliases = 0;
  let directives = 0;
  let fields = 0;
  const count = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      directives += s.directives?.length ?? 0;
      if (s.kind === Kind.FIELD) fields += 1;
      if (s.kind === Kind.FIELD && s.alias) aliases += 1;
      if (s.kind !== Kind.FRAGMENT_SPREAD) count(s.selectionSet);
    }
  };
  const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    let max = 0;
    for (const s of set?.selections ?? []) {
      // Introspection (__schema, __type) is nested by design; it is switched off in production instead.
      if (s.kind === Kind.FIELD && s.name.value.startsWith('__')) continue;
      if (s.kind === Kind.FIELD) max = Math.max(max, s.selectionSet ? 1 + depthOf(s.selectionSet, seen) : 1);
      else if (s.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(s.selectionSet, seen));
      else {
        const f = fragments.get(s.name.value);
        if (f && !seen.has(f.name.value))
          max = Math.max(max, depthOf(f.selectionSet, new Set([...seen, f.name.value])));
      }
    }
    return max;
  };
  let depth = 0;
  for (const d of doc.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION) continue;
    directives += d.directives?.length ?? 0;
    count(d.selectionSet);
    if (d.kind === Kind.OPERATION_DEFINITION) depth = Math.max(depth, depthOf(d.selectionSet, new Set()));
  }
  return { depth, aliases, directives, fields };
}

/** Why a request was refused before Apollo saw it: an error message and its code (HTTP 400). */
export interface Rejection {
  message: string;
  code: ErrorCode;
}

/**
 * Rejects abusive documents before Apollo validates or executes them, with one error and without touching
 * the database: too many tokens, too deep, too many fields, aliases or directives (200 unknown directives give one
 * error here, not 200 from validation). Documents that do not parse are left to Apollo's own error. Returns a
 * check of a request's parsed body and its `query` search parameter (GET): a rejection, or null to go on.
 */
export function queryGuard(limits: QueryGuardLimits): (body: unknown, searchQuery: string | null) => Rejection | null {
  // Documents that passed: clients send the same few again and again.
  const accepted = new BoundedCache<true>();
  return (body, searchQuery) => {
    if (Array.isArray(body))
      return {
        message: 'Batched operations are not supported: send one operation per request.',
        code: ErrorCode.BAD_REQUEST,
      };
    const fromBody = body && typeof body === 'object' ? (body as { query?: unknown }).query : undefined;
    const query = typeof fromBody === 'string' ? fromBody : (searchQuery ?? undefined);
    if (query === undefined || accepted.get(query)) return null;
    let doc: DocumentNode;
    try {
      doc = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
    } catch (err) {
      // graphql 16 writes "more that N tokens"; later versions may fix the typo.
      if (/more tha[nt] \d+ tokens/i.test((err as Error).message))
        return { message: `The document has more than ${limits.maxTokens} tokens.`, code: ErrorCode.QUERY_TOO_LARGE };
      return null;
    }
    const m = measureDocument(doc);
    if (m.depth > limits.maxDepth)
      return {
        message: `The query is nested ${m.depth} levels deep; the limit is ${limits.maxDepth}.`,
        code: ErrorCode.QUERY_TOO_DEEP,
      };
    if (m.aliases > limits.maxAliases)
      return {
        message: `The query has ${m.aliases} aliases; the limit is ${limits.maxAliases}.`,
        code: ErrorCode.TOO_MANY_ALIASES,
      };
    if (m.fields > limits.maxFields)
      return {
        message: `The query selects ${m.fields} fields; the limit is ${limits.maxFields}.`,
        code: ErrorCode.TOO_MANY_FIELDS,
      };
    if (m.directives > limits.maxDirectives)
      return {
        message: `The query has ${m.directives} directives; the limit is ${limits.maxDirectives}.`,
        code: ErrorCode.TOO_MANY_DIRECTIVES,
      };
    accepted.set(query, true);
    return null;
  };
}
