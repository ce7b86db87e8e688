import { Field, ObjectType } from 'type-graphql';
import { Node } from '../common/node.type';

@ObjectType({
  implements: Node,
  description:
    'An international organization, a regional body, an alliance, an ad hoc coalition or a lead state that deploys peace operations.',
})
export class Organization extends Node {
  @Field(() => String, { nullable: true, description: 'Usual acronym.' })
  acronym!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'global, regional, subregional, alliance, ad_hoc_coalition or lead_state.',
  })
  kind!: string | null;

  @Field(() => String, { nullable: true, description: 'Founding date (YYYY, YYYY-MM or YYYY-MM-DD).' })
  founded!: string | null;

  @Field(() => String, { nullable: true, description: 'Dissolution date, empty while it exists.' })
  dissolved!: string | null;

  @Field(() => String, { nullable: true, description: 'Its name in the Correlates of War IGO data (ioname).' })
  cowIgo!: string | null;

  @Field(() => [String], { description: 'Other names.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'The document the curated record cites.' })
  sourceRef!: string | null;
}
