import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node.type';
import { Person } from '../person/person.type';
import { State } from '../state/state.type';

@ObjectType({ description: 'A state that sent personnel to both sides, with its figure on each.' })
export class SharedState {
  @Field(() => State, { description: 'The state.' })
  state!: State;

  @Field(() => Float, {
    nullable: true,
    description:
      'Personnel on side a (the month asked for, or the peak month of the period); null: present, no figure given.',
  })
  a!: number | null;

  @Field(() => Float, { nullable: true, description: 'Personnel on side b; null: present, no figure given.' })
  b!: number | null;
}

@ObjectType({
  description:
    'Who two missions, or two organizations (over all their missions), share: contributing states and people.',
})
export class SharedPersonnel {
  @Field(() => Node, { description: 'The first side.' })
  a!: Node;

  @Field(() => Node, { description: 'The second side.' })
  b!: Node;

  @Field(() => [SharedState], { description: 'States with personnel on both sides, largest combined first.' })
  states!: SharedState[];

  @Field(() => Float, {
    description:
      'Jaccard similarity of the two sets of contributing states, |A ∩ B| / |A ∪ B|, over every contributor: those with a figure and those a source lists without one.',
  })
  jaccard!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Cosine similarity of the two personnel vectors indexed by contributing state, over the contributors with a figure only; null when a side has none.',
  })
  cosine!: number | null;

  @Field(() => Int, {
    description: 'Contributing states on side a with a personnel figure (the rows the cosine uses).',
  })
  contributorsWithFigureA!: number;

  @Field(() => Int, { description: 'Contributing states on side b with a personnel figure.' })
  contributorsWithFigureB!: number;

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
