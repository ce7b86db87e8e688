import { Args, ArgsType, Ctx, Field, ID, Int, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import type { GraphQLContext } from '../../request/context';
import { Node } from '../common/node.type';
import { endOf, legacyPeriod, PeriodInput, periodArg, startOf, toSpan, USE_PERIOD } from '../common/period';
import { CONFLICT, MISSION, ORGANIZATION, STATE } from '../common/projections';
import { overlapMonths } from '../graph/graph.repository';
import { Mission } from '../mission/mission.type';
import { Organization } from '../organization/organization.type';
import { COSTS, describeCost } from '../common/costs';

export enum CoDeploymentUnit {
  CONFLICT = 'CONFLICT',
  HOST_STATE = 'HOST_STATE',
}
registerEnumType(CoDeploymentUnit, {
  name: 'CoDeploymentUnit',
  description: 'What two missions must share to count as co-deployed.',
  valuesConfig: {
    CONFLICT: { description: 'The same armed conflict (the default of the field, domain-notes.md).' },
    HOST_STATE: { description: 'The same host state (a variant).' },
  },
});

@ObjectType({ description: 'Two missions active at the same time in the same conflict or host state: a multiple simultaneous peace operation.' })
export class CoDeployment {
  @Field(() => Mission, { description: 'The first side.' })
  a!: Mission;

  @Field(() => Mission, { description: 'The second side.' })
  b!: Mission;

  @Field(() => Node, { description: 'The conflict or host state they share.' })
  unit!: Node;

  @Field({ description: 'First day both were active.' })
  from!: string;

  @Field(() => String, { nullable: true, description: 'Last day both were active; empty while both are.' })
  to!: string | null;

  @Field(() => Int, { description: 'Months of overlap (open ends run to the current month).' })
  months!: number;

  @Field(() => [Organization], { description: 'Organizations behind the two missions.' })
  organizations!: Organization[];

  @Field({ description: 'Whether the two missions belong to different organizations.' })
  differentOrganizations!: boolean;
}

@ArgsType()
export class CoDeploymentsArgs {
  @Field(() => ID, { nullable: true, description: 'Only this conflict (ucdp-<id>).' })
  @IsOptional()
  @Length(1, 40)
  conflict?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this host state (ISO-3); implies unit HOST_STATE.' })
  @IsOptional()
  @Length(1, 20)
  host?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only pairs where one mission is this organization\'s.' })
  @IsOptional()
  @Length(1, 100)
  organization?: string | null;

  @Field(() => PeriodInput, { nullable: true, description: 'Only pairs whose overlap meets this period.' })
  @IsOptional()
  @ValidateNested()
  period?: PeriodInput | null;

  @Field(() => PeriodInput, { nullable: true, description: 'Only pairs whose overlap meets this period: the same as period.', deprecationReason: USE_PERIOD })
  @IsOptional()
  @ValidateNested()
  between?: PeriodInput | null;

  @Field(() => CoDeploymentUnit, { nullable: true, description: 'CONFLICT (default) or HOST_STATE.' })
  @IsOptional()
  unit?: CoDeploymentUnit | null;

  @Field({ defaultValue: true, description: 'true (the field\'s rule, as in mspoShare): only pairs of missions whose sets of organizations differ; false: a variant with pairs of one organization\'s missions too.' })
  differentOrganization!: boolean;

  @Field(() => Int, { defaultValue: 200, description: 'Most pairs, 1 to 2000, longest overlap first.' })
  @Min(1)
  @Max(2000)
  first!: number;
}

interface PairRow {
  a: Mission;
  b: Mission;
  unit: Node;
  orgsA: Organization[];
  orgsB: Organization[];
  lastEvidenceA: string | null;
  lastEvidenceB: string | null;
}

@Resolver()
export class CoDeploymentResolver {
  @Query(() => [CoDeployment], { description: describeCost('Multiple simultaneous peace operations: pairs of missions active together in the same conflict or host state, with their overlap.', COSTS.coDeployments), complexity: COSTS.coDeployments.estimate })
  async coDeployments(@Args() args: CoDeploymentsArgs, @Ctx() ctx: GraphQLContext): Promise<CoDeployment[]> {
    const unit = args.host ? CoDeploymentUnit.HOST_STATE : (args.unit ?? CoDeploymentUnit.CONFLICT);
    const span = toSpan(periodArg('coDeployments', args.period, [legacyPeriod('between', args.between)]));
    const link = unit === CoDeploymentUnit.CONFLICT ? 'IN_CONFLICT' : 'HOSTED_BY';
    const unitLabel = unit === CoDeploymentUnit.CONFLICT ? 'Conflict' : 'State';
    const unitId = unit === CoDeploymentUnit.CONFLICT ? (args.conflict ?? null) : (args.host ?? null);
    const unitProjection = unit === CoDeploymentUnit.CONFLICT ? CONFLICT('u') : STATE('u');
    // A given conflict or host is written into the pattern, so that the plan starts from it (an index seek)
    // instead of from every pair of missions.
    const unitNode = unitId === null ? `(u:${unitLabel})` : `(u:${unitLabel} {id: $unit})`;
    const out: CoDeployment[] = [];
    // Every pair of the graph may come back (thousands): each is typed as it arrives, a few hundred per fetch, so
    // that neither their conversion nor this work holds the event loop at once.
    await ctx.db.readEach<PairRow>(
      `MATCH (m1:Mission)-[:${link}]->${unitNode}<-[:${link}]-(m2:Mission)
       WHERE m1.id < m2.id
         AND ((m1.start IS NULL OR coalesce(m2.end, m2.lastEvidence) IS NULL OR m1.start <= coalesce(m2.end, m2.lastEvidence) + '-99')
              AND (m2.start IS NULL OR coalesce(m1.end, m1.lastEvidence) IS NULL OR m2.start <= coalesce(m1.end, m1.lastEvidence) + '-99'))
         AND ($organization IS NULL OR EXISTS { MATCH (o:Organization {id: $organization})-[:DEPLOYED]->(x) WHERE x = m1 OR x = m2 })
         AND ($conflict IS NULL OR $unitIsConflict OR EXISTS { (m1)-[:IN_CONFLICT]->(:Conflict {id: $conflict}) })
       WITH DISTINCT m1, m2, u
       RETURN ${MISSION('m1')} AS a, ${MISSION('m2')} AS b, ${unitProjection} AS unit,
              m1.lastEvidence AS lastEvidenceA, m2.lastEvidence AS lastEvidenceB,
              [(o:Organization)-[:DEPLOYED]->(m1) | ${ORGANIZATION('o')}] AS orgsA,
              [(o:Organization)-[:DEPLOYED]->(m2) | ${ORGANIZATION('o')}] AS orgsB`,
      { unit: unitId, organization: args.organization ?? null, conflict: args.conflict ?? null, unitIsConflict: unit === CoDeploymentUnit.CONFLICT },
      (r) => {
        const from = [r.a.start, r.b.start].filter((d): d is string => !!d).map(startOf).sort().pop() ?? '0000-01-01';
        // A mission without a recorded end is active up to its last evidence, where one is recorded (README Methods).
        const ends = [r.a.end ?? r.lastEvidenceA, r.b.end ?? r.lastEvidenceB].filter((d): d is string => !!d).map(endOf).sort();
        const to = ends[0] ?? null;
        if (span && (from > span.to || (to !== null && to < span.from))) return;
        const idsA = new Set(r.orgsA.map((o) => o.id));
        const idsB = new Set(r.orgsB.map((o) => o.id));
        // As in mspoShare: the two missions' sets of organizations differ.
        const different = idsA.size > 0 && idsB.size > 0 && !(idsA.size === idsB.size && [...idsA].every((id) => idsB.has(id)));
        if (args.differentOrganization && !different) return;
        const orgs = new Map([...r.orgsA, ...r.orgsB].map((o) => [o.id, o]));
        out.push({ a: r.a, b: r.b, unit: r.unit, from, to, months: overlapMonths(r.a.start, r.a.end ?? r.lastEvidenceA, r.b.start, r.b.end ?? r.lastEvidenceB), organizations: [...orgs.values()], differentOrganizations: different });
      },
      250,
    );
    return out.sort((x, y) => y.months - x.months || x.a.id.localeCompare(y.a.id) || x.b.id.localeCompare(y.b.id)).slice(0, args.first);
  }
}
