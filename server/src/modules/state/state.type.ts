import { Field, Int, ObjectType } from 'type-graphql';
import { GeoPoint } from '../common/geo.type';
import { Node } from '../common/node.type';

@ObjectType({
  implements: Node,
  description: 'A state: host of missions, contributor of personnel, member of organizations, party to conflicts.',
})
export class State extends Node {
  @Field(() => Int, { nullable: true, description: 'Correlates of War country code.' })
  cowCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Correlates of War abbreviation (not an ISO code).' })
  cowAbb!: string | null;

  @Field(() => Int, { nullable: true, description: 'Gleditsch-Ward code (used by UCDP).' })
  gwCode!: number | null;

  @Field(() => String, { nullable: true, description: 'UN M49 region.' })
  region!: string | null;

  @Field(() => [String], { description: 'Every spelling the sources use.' })
  aliases!: string[];

  @Field(() => GeoPoint, {
    nullable: true,
    description:
      'Capital and its coordinates (state_capitals.csv, from Natural Earth 1:110m populated places); null for states it has no capital for (states that ended, Nauru, Palestine).',
  })
  capital!: GeoPoint | null;
}
