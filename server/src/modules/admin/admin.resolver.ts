import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';

import { AppError, ErrorCode } from '../../errors';
import { REL_SPECS } from '../../model/graph';
import type { GraphQLContext } from '../../request/context';
import { EntityRepository } from '../common/entity.repository';
import { EntityLabel, RelationshipType } from '../graph/graph.type';
import { Mission } from '../mission/mission.type';
import { Organization } from '../organization/organization.type';
import type { RelType } from '../../model/graph';
import { LinkInput, MissionInput, OrganizationInput, WRITABLE_TYPES } from './admin.inputs';
import { DeleteEntityPayload, LinkPayload } from './admin.payloads';
import { AdminRepository } from './admin.repository';
import type { Node } from '../common/node.type';

async function callerOf(ctx: GraphQLContext) {
  const caller = await ctx.caller();
  if (!caller) throw new AppError(ErrorCode.UNAUTHENTICATED, 'This operation needs a valid API token.');
  return caller;
}

/** The two entities of a link, read after the write. */
async function endpoints(
  ctx: GraphQLContext,
  type: RelType,
  from: string,
  to: string,
  count: number,
): Promise<LinkPayload> {
  const repo = new EntityRepository(ctx.db);
  const [a, b] = await Promise.all([repo.node(from), repo.node(to)]);
  return { type, from: a as Node | null, to: b as Node | null, count };
}

/** Writes: only with an editor's API token; each validated, idempotent and recorded in the audit trail. */
@Resolver()
export class AdminResolver {
  @Authorized('editor')
  @Mutation(() => Organization, {
    description: 'Creates or updates an organization (matched on id). Needs an editor token.',
  })
  async upsertOrganization(
    @Arg('input', () => OrganizationInput, { description: 'The organization.' }) input: OrganizationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Organization> {
    const { id, ...props } = input;
    await new AdminRepository(ctx.db, await callerOf(ctx)).upsertNode('Organization', id, props);
    return (await new EntityRepository(ctx.db).byId<Organization>('Organization', id)) as Organization;
  }

  @Authorized('editor')
  @Mutation(() => Mission, { description: 'Creates or updates a mission (matched on id). Needs an editor token.' })
  async upsertMission(
    @Arg('input', () => MissionInput, { description: 'The mission.' }) input: MissionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Mission> {
    const { id, ...props } = input;
    if (props.start && props.end && props.end < props.start)
      throw new AppError(ErrorCode.BAD_USER_INPUT, `end ${props.end} is before start ${props.start}.`, {
        argument: 'input.end',
      });
    await new AdminRepository(ctx.db, await callerOf(ctx)).upsertNode('Mission', id, props);
    return (await new EntityRepository(ctx.db).byId<Mission>('Mission', id)) as Mission;
  }

  @Authorized('editor')
  @Mutation(() => DeleteEntityPayload, {
    description:
      'Deletes an entity and its relationships (`deleted` false when there was none). Needs an editor token.',
  })
  async deleteEntity(
    @Arg('label', () => EntityLabel, { description: 'The kind of the entity.' }) label: EntityLabel,
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DeleteEntityPayload> {
    const deleted = await new AdminRepository(ctx.db, await callerOf(ctx)).deleteNode(label, id);
    return { label, id, deleted };
  }

  @Authorized('editor')
  @Mutation(() => LinkPayload, {
    description:
      'Creates or updates a relationship (source `api`); `count` 0 when an endpoint does not exist. Answers both entities. Needs an editor token.',
  })
  async linkEntities(
    @Arg('input', () => LinkInput, { description: 'The relationship.' }) input: LinkInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LinkPayload> {
    const spec = REL_SPECS[input.type];
    const values: Record<string, unknown> = {
      kind: input.kind,
      role: input.role,
      start: input.start,
      status: input.status,
    };
    const key: Record<string, unknown> = {};
    for (const k of spec.key) {
      if (k === 'source') continue;
      if (values[k] === undefined || values[k] === null) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, `A ${input.type} relationship needs '${k}'.`, {
          argument: `input.${k}`,
        });
      }
      key[k] = values[k];
    }
    const props: Record<string, unknown> = { lead: input.lead, end: input.end, sourceRef: input.sourceRef };
    if (!(spec.key as readonly string[]).includes('start')) props.start = input.start;
    const linked = await new AdminRepository(ctx.db, await callerOf(ctx)).link(
      input.type,
      input.from,
      input.to,
      key,
      props,
    );
    return endpoints(ctx, input.type, input.from, input.to, linked ? 1 : 0);
  }

  @Authorized('editor')
  @Mutation(() => LinkPayload, {
    description:
      'Deletes the relationships of a type between two entities that one source recorded (default `api`); `count` says how many. Answers both entities. Needs an editor token.',
  })
  async unlinkEntities(
    @Arg('type', () => RelationshipType, { description: 'The relationship type (one the API may change).' })
    type: RelType,
    @Arg('from', () => ID, { description: 'Id of the start entity.' }) from: string,
    @Arg('to', () => ID, { description: 'Id of the end entity.' }) to: string,
    @Arg('source', () => String, { defaultValue: 'api', description: 'Only the relationships this source recorded.' })
    source: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LinkPayload> {
    if (!WRITABLE_TYPES.includes(type))
      throw new AppError(ErrorCode.BAD_USER_INPUT, `${type} relationships cannot be changed through the API.`, {
        argument: 'type',
      });
    const removed = await new AdminRepository(ctx.db, await callerOf(ctx)).unlink(type, from, to, source);
    return endpoints(ctx, type, from, to, removed);
  }
}
