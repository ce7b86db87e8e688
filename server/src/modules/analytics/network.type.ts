import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AnalysisUnit, CooperationNetworkTie } from './analytics.args';
import { AnalysisUniverse } from './mspo.type';

// Analytics types: the cooperation network of organizations.
@ObjectType({ description: "An organization's place in the network." })
export class OrganizationDegree {
  @Field(() => ID, { description: 'The organization.' })
  organization!: string;

  @Field(() => Int, { description: 'Number of organizations it is tied to.' })
  degree!: number;
}

@ObjectType({ description: 'A tie between two organizations.' })
export class NetworkTie {
  @Field(() => ID, { description: 'One organization (alphabetically first).' })
  a!: string;

  @Field(() => ID, { description: 'The other.' })
  b!: string;

  @Field(() => Int, { description: 'Distinct mission pairs behind the tie (a hybrid mission counts once).' })
  weight!: number;
}

@ObjectType({
  description: 'The organization network of a period with degree, density and Freeman degree centralization.',
})
export class CooperationNetwork {
  @Field(() => AnalysisUniverse, { description: 'The missions counted.' })
  universe!: AnalysisUniverse;

  @Field(() => AnalysisUnit, { description: 'The unit used.' })
  unit!: AnalysisUnit;

  @Field(() => CooperationNetworkTie, { description: 'What ties two organizations.' })
  tie!: CooperationNetworkTie;

  @Field({ description: 'First day of the period.' })
  from!: string;

  @Field({ description: 'Last day of the period.' })
  to!: string;

  @Field(() => Int, { description: 'Organizations with a mission active in the period (nodes).' })
  organizations!: number;

  @Field(() => Int, { description: 'Ties.' })
  ties!: number;

  @Field(() => Float, { nullable: true, description: '2 ties / (n (n - 1)); null with fewer than 2 organizations.' })
  density!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Freeman degree centralization: sum of (max degree - degree) / ((n - 1)(n - 2)); null with fewer than 3.',
  })
  centralization!: number | null;

  @Field(() => [OrganizationDegree], { description: 'Every organization, by degree (highest first), then id.' })
  degrees!: OrganizationDegree[];

  @Field(() => [NetworkTie], { description: 'Every tie, by weight (highest first), then ids.' })
  edges!: NetworkTie[];
}
