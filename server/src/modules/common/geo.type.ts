import { Field, Float, Int, ObjectType } from 'type-graphql';
import { declaredEnum } from './schema-declarations';
import type { EnumValue } from './schema-declarations';

/** What a point on the map stands for. */
export const GeoBasis = declaredEnum('GeoBasis');
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
