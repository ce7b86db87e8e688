import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AdminResolver } from './modules/admin/admin.resolver';
import { authChecker } from './auth/auth-checker';
import { DatasetResolver } from './modules/dataset/dataset.resolver';
import { CoDeploymentResolver } from './modules/codeployment/codeployment.resolver';
import { ConflictResolver } from './modules/conflict/conflict.resolver';
import { SharedPersonnelResolver } from './modules/personnel/shared-personnel.resolver';
import { StatsResolver } from './modules/stats/stats.resolver';
import { AnalyticsResolver } from './modules/analytics/analytics.resolver';
import { GraphResolver } from './modules/graph/graph.resolver';
import { MissionResolver } from './modules/mission/mission.resolver';
import { PersonResolver } from './modules/person/person.resolver';
import { StateResolver } from './modules/state/state.resolver';
import { OrganizationResolver } from './modules/organization/organization.resolver';
import { Organization } from './modules/organization/organization.type';
import { Mission } from './modules/mission/mission.type';
import { State } from './modules/state/state.type';
import { Conflict } from './modules/conflict/conflict.type';
import { Person } from './modules/person/person.type';

/** Every resolver of the API, in one list. */
export const RESOLVERS = [
  OrganizationResolver,
  MissionResolver,
  StateResolver,
  ConflictResolver,
  PersonResolver,
  GraphResolver,
  SharedPersonnelResolver,
  CoDeploymentResolver,
  StatsResolver,
  AdminResolver,
  AnalyticsResolver,
  DatasetResolver,
] as const;

/** Builds the executable GraphQL schema from the type-graphql classes. */
export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    orphanedTypes: [Organization, Mission, State, Conflict, Person],
    validate: { forbidUnknownValues: false },
    authChecker,
  });
}
