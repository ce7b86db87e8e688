import { Field, ID, InterfaceType } from 'type-graphql';

/** Every entity of the graph: looked up by `node(id)`. */
@InterfaceType({
  description: 'An entity of the graph: an organization, mission, conflict, state or person.',
  resolveType: (value: { label?: string }) => value.label,
})
export abstract class Node {
  @Field(() => ID, { description: 'Readable id (EU, UNMISS, ucdp-333, NPL, jan-kubis).' })
  id!: string;

  @Field({ description: 'Name.' })
  name!: string;

  @Field(() => [String], {
    description: 'Import sources that state this entity (import format names, such as `ipi-contributions`).',
  })
  sources!: string[];

  @Field(() => [String], { description: 'Imported files that state this entity (`format:file`).' })
  datasets!: string[];

  /** Which GraphQL type the value is (not a field). */
  label!: string;
}
