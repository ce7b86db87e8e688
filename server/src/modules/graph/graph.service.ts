import { AppError, ErrorCode } from '../../errors';
import type { RelType } from '../../model/graph';
import type { Span } from '../common/period';
import type { AnalyticsRepository } from '../analytics/analytics.repository';
import { mspoMissionsIn } from '../analytics/mspo-flags';
import { NetworkFilter, NetworkMode } from './graph.args';
import type { GraphRepository, NetworkQuery } from './graph.repository';
import { DEFAULT_NEIGHBOR_TYPES, allowedTypes } from './graph.repository';
import { EntityLabel } from './graph.type';
import type { GraphNode, GraphPath, SearchHit, Subgraph } from './graph.type';

/** The network view's questions: the filter made a query, the MSPO flags by the rule of `mspoShare`. */
export class GraphService {
  constructor(
    private readonly repo: GraphRepository,
    private readonly analytics: AnalyticsRepository,
  ) {}

  /**
   * Sets each mission's MSPO flag from the rule of `mspoShare` over the span, run within the missions shown and
   * their place-mates (two statements per call: the place-mates, then the rule).
   */
  private async withMspo<T>(span: Span | null, value: T, nodes: (v: T) => GraphNode[]): Promise<T> {
    const list = nodes(value);
    const missions = [...new Set(list.filter((n) => n.label === EntityLabel.Mission).map((n) => n.id))];
    if (!missions.length) return value;
    const ids = await mspoMissionsIn(this.analytics, span, missions);
    for (const n of list) n.mspo = n.label === EntityLabel.Mission && ids.has(n.id);
    return value;
  }

  /** The network of a filter (default: every mission, FULL mode), its period already a span. */
  async network(filter: NetworkFilter | null, span: Span | null): Promise<Subgraph> {
    const f =
      filter ??
      Object.assign(new NetworkFilter(), { mode: NetworkMode.FULL, includeStates: true, includeConflicts: true });
    const q: NetworkQuery = {
      organizations: f.organizations?.length ? f.organizations : null,
      missionKinds: f.missionKinds?.length ? f.missionKinds : null,
      regions: f.regions?.length ? f.regions : null,
      conflicts: f.conflicts?.length ? f.conflicts : null,
      organizationKinds: f.organizationKinds?.length ? [...new Set(f.organizationKinds)] : null,
      sources: f.sources?.length ? [...new Set(f.sources)] : null,
      span,
      includeStates: f.includeStates ?? true,
      includeConflicts: f.includeConflicts ?? true,
    };
    if (f.mode === NetworkMode.ORGANIZATIONS) return this.repo.organizationNetwork(q);
    return this.withMspo(q.span, await this.repo.missionNetwork(q), (g) => g.nodes);
  }

  /** The surroundings of an entity; null when the id is unknown. */
  async neighbors(
    id: string,
    depth: number,
    types: readonly RelType[] | null | undefined,
    span: Span | null,
    limit: number,
  ): Promise<Subgraph | null> {
    const allowed = allowedTypes(types, DEFAULT_NEIGHBOR_TYPES);
    return this.withMspo(span, await this.repo.neighbors(id, depth, allowed, span, limit), (g) => g?.nodes ?? []);
  }

  /** The k shortest paths between two entities; NOT_FOUND when either is unknown. */
  async paths(
    from: string,
    to: string,
    maxHops: number,
    k: number,
    types: readonly RelType[] | null | undefined,
    span: Span | null,
  ): Promise<GraphPath[]> {
    const found = await this.repo.paths(from, to, maxHops, k, allowedTypes(types, []), span);
    if (found === null)
      throw new AppError(ErrorCode.NOT_FOUND, `No entity with id '${from}' or '${to}'.`, { argument: 'from/to' });
    return this.withMspo(span, found, (ps) => ps.flatMap((p) => p.nodes));
  }

  /** Full-text search. Hits carry no MSPO flag (false): a search is typed letter by letter and the rule reads the whole graph. */
  search(text: string, first: number): Promise<SearchHit[]> {
    return this.repo.search(text, first);
  }
}
