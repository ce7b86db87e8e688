import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from '../common/node.type';
import { Person } from '../person/person.type';
import { State } from '../state/state.type';

@ObjectType({ description: 'A state that sent personnel to both sides, with its figure on each.' })
export class SharedState {
  @Field(() => State, { description: 'The state.' })
  state!: State;

  @Field(() => Float, { description: 'Personnel on side a (the month asked for, or the peak month of the period).' })
  a!: number;

  @Field(() => Float, { description: 'Personnel on side b.' })
  b!: number;
}

@ObjectType({ description: 'Who two missions, or two organizations (over all their missions), share: contributing states and people.' })
export class SharedPersonnel {
  @Field(() => Node, { description: 'The first side.' })
  a!: Node;

  @Field(() => Node, { description: 'The second side.' })
  b!: Node;

  @Field(() => [SharedState], { description: 'States with personnel on both sides, largest combined first.' })
  states!: SharedState[];

  @Field(() => Float, { description: 'Jaccard similarity of the two sets of contributing states: |A ∩ B| / |A ∪ B|.' })
  jaccard!: number;

  @Field(() => Float, { description: 'Cosine similarity of the two personnel vectors indexed by contributing state.' })
  cosine!: number;

  @Field(() => Float, { description: 'Contributing states on side a.' })
  contributorsA!: number;

  @Field(() => Float, { description: 'Contributing states on side b.' })
  contributorsB!: number;

  @Field(() => [Person], { description: 'People who held posts on both sides.' })
  people!: Person[];

  @Field(() => [String], { description: 'Sources whose figures were used.' })
  sources!: string[];

  @Field(() => String, { nullable: true, description: 'The months counted (YYYY-MM/YYYY-MM), or null for all time.' })
  period!: string | null;
}
