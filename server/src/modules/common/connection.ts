import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { AppError, ErrorCode } from '../../errors';

/** Relay-style page information. */
@ObjectType({ description: 'Where a page stands in the whole list.' })
export class PageInfo {
  @Field({ description: 'Whether items follow the last one of this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page; pass it as `after`.' })
  endCursor!: string | null;
}

/** The arguments of every page of a list: its size and the cursor it starts after. A list's own filters extend it. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 100, description: 'Page size, 0 to 500.' })
  @Min(0)
  @Max(500)
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`pageInfo.endCursor`).' })
  after?: string | null;
}

/** A page of states or conflicts, optionally of one region. */
@ArgsType()
export class RegionPageArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only this region (UN region for states, UCDP region for conflicts).',
  })
  @IsOptional()
  @Length(1, 60)
  region?: string | null;
}

/** A page of people: the arguments of every page, and a region that people do not have, kept for old clients. */
@ArgsType()
export class PeoplePageArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Ignored: people have no region.',
    deprecationReason: 'People have no region; the argument was never applied.',
  })
  @IsOptional()
  @Length(1, 60)
  region?: string | null;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  pageInfo: PageInfo;
}

/** Creates the connection type of a node type: `items`, `totalCount` and `pageInfo`. */
export function Connection<T extends object>(itemType: ClassType<T>, name: string) {
  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionClass {
    @Field(() => [itemType], { description: 'The items of this page, in the requested order.' })
    items!: T[];

    @Field(() => Int, { description: 'How many items match the filter, over all pages.' })
    totalCount!: number;

    @Field(() => PageInfo, { description: 'Where this page stands.' })
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

/** Opaque cursors: the offset of the item after which the next page starts. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined || cursor === '') return 0;
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m)
    throw new AppError(ErrorCode.BAD_USER_INPUT, `Invalid cursor '${cursor}': pass an endCursor from a previous page.`);
  return Number(m[1]);
}

/** Builds a page from `first + 1` fetched rows (the extra one tells whether a next page exists). */
export function toPage<T>(rows: T[], first: number, offset: number, totalCount: number): Page<T> {
  const items = rows.slice(0, first);
  return {
    items,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: items.length ? encodeCursor(offset + items.length) : null,
    },
  };
}
