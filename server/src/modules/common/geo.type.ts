import { Field, Float, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from './schema-declarations';
import type { EnumValue } from './schema-declarations';

/** What a point on the map stands for. */
export const GeoBasis = graphqlEnum('GeoBasis', 'What a GeoPoint stands for.', {
  HEADQUARTERS: "A mission's headquarters, as its source gives it.",
  HOST_CAPITALS:
    'A mission whose headquarters no source gives: the capital of its host state, or the mean of the capitals when it has several (`count`).',
  CAPITAL: "A state's capital (state_capitals.csv, from Natural Earth).",
  LOCATION_CAPITALS:
    "A conflict: the capital of the state it is located in (UCDP's location), or the mean of the capitals when it has several (`count`).",
  MISSION_HEADQUARTERS:
    'A conflict without a located state that has a capital: the mean of the headquarters of its missions (`count`).',
});
export type GeoBasis = EnumValue<typeof GeoBasis>;

/** A place on the map: where the network view's map draws an entity. */
@ObjectType({ description: 'A point on the map (WGS 84 decimal degrees), what it stands for and where it comes from.' })
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude, -90 to 90.' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude, -180 to 180.' })
  longitude!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The place: a city (`Juba`), or the places a mean is taken over.',
  })
  label!: string | null;

  @Field(() => GeoBasis, { description: 'What the point stands for.' })
  basis!: GeoBasis;

  @Field(() => Int, {
    description:
      'How many points it is the mean of (1: a place itself). A mean is a position for drawing, not a place.',
  })
  count!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Where the coordinates come from: an import source (`un-pko-list`), or the document a curated row cites.',
  })
  source!: string | null;
}
