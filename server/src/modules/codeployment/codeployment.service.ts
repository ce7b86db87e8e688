import { endOf, startOf } from '../common/period';
import type { Span } from '../common/period';
import { overlapMonths } from '../../model/co-deployment';
import type { CoDeploymentRepository } from './codeployment.repository';
import type { CoDeployment } from './codeployment.type';
import { CoDeploymentUnit } from './codeployment.type';

/** What `coDeployments` asks for, its arguments resolved (the period as a span). */
export interface CoDeploymentQuery {
  unit: CoDeploymentUnit | null;
  conflict: string | null;
  host: string | null;
  organization: string | null;
  span: Span | null;
  differentOrganization: boolean;
  first: number;
}

/** Multiple simultaneous peace operations: the pairs of the repository, their overlap, the field's rule on organizations. */
export class CoDeploymentService {
  constructor(private readonly repo: CoDeploymentRepository) {}

  /** The pairs whose overlap meets the span, longest overlap first, at most `first`. */
  async coDeployments(q: CoDeploymentQuery): Promise<CoDeployment[]> {
    const unit = q.host ? CoDeploymentUnit.HOST_STATE : (q.unit ?? CoDeploymentUnit.CONFLICT);
    const unitId = unit === CoDeploymentUnit.CONFLICT ? q.conflict : q.host;
    const span = q.span;
    const out: CoDeployment[] = [];
    await this.repo.pairs({ unit, unitId, organization: q.organization, conflict: q.conflict }, (r) => {
      const from =
        [r.a.start, r.b.start]
          .filter((d): d is string => !!d)
          .map(startOf)
          .sort()
          .pop() ?? '0000-01-01';
      // A mission without a recorded end is active up to its last evidence, where one is recorded (README Methods).
      const ends = [r.a.end ?? r.lastEvidenceA, r.b.end ?? r.lastEvidenceB]
        .filter((d): d is string => !!d)
        .map(endOf)
        .sort();
      const to = ends[0] ?? null;
      if (span && (from > span.to || (to !== null && to < span.from))) return;
      const idsA = new Set(r.orgsA.map((o) => o.id));
      const idsB = new Set(r.orgsB.map((o) => o.id));
      // As in mspoShare: the two missions' sets of organizations differ.
      const different =
        idsA.size > 0 && idsB.size > 0 && !(idsA.size === idsB.size && [...idsA].every((id) => idsB.has(id)));
      if (q.differentOrganization && !different) return;
      const orgs = new Map([...r.orgsA, ...r.orgsB].map((o) => [o.id, o]));
      out.push({
        a: r.a,
        b: r.b,
        unit: r.unit,
        from,
        to,
        months: overlapMonths(r.a.start, r.a.end ?? r.lastEvidenceA, r.b.start, r.b.end ?? r.lastEvidenceB),
        organizations: [...orgs.values()],
        differentOrganizations: different,
      });
    });
    return out
      .sort((x, y) => y.months - x.months || x.a.id.localeCompare(y.a.id) || x.b.id.localeCompare(y.b.id))
      .slice(0, q.first);
  }
}
