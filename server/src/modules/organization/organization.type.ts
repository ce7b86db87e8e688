import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An international organization, a regional body, an alliance, an ad hoc coalition or a lead state that deploys peace operations.' })
export class Organization {
  @Field(() => ID, { description: 'Readable key, usually the acronym: `UN`, `EU`, `AU`, `NATO`, `STATE-FRA`.' })
  id!: string;

  @Field({ description: 'Full name.' })
  name!: string;

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

  @Field(() => [String], { description: 'Import sources that record this organization (import format names).' })
  sources!: string[];
}
