import { Field, Int, ObjectType } from 'type-graphql';
import { declaredEnum } from '../common/schema-declarations';
import type { EnumValue } from '../common/schema-declarations';
import { Node } from '../common/node.type';
import { Mission } from '../mission/mission.type';
import { Organization } from '../organization/organization.type';

/** What two missions must share to count as co-deployed. */
export const CoDeploymentUnit = declaredEnum('CoDeploymentUnit');
export type CoDeploymentUnit = EnumValue<typeof CoDeploymentUnit>;

/** Two missions active at the same time in the same conflict or host state, with their overlap. */
@ObjectType({
  description:
    'Two missions active at the same time in the same conflict or host state: a multiple simultaneous peace operation.',
})
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
