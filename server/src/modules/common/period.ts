import { Field, InputType } from 'type-graphql';
import { composeDecorators, declaredEnum } from './schema-declarations';
import type { EnumValue } from './schema-declarations';
import { IsOptional, ValidateBy, ValidateNested } from 'class-validator';
import { AppError, ErrorCode } from '../../errors';
import { endOf, isCalendarDate, startOf } from '../../model/dates';
import type { Span } from '../../model/dates';
import { MISSION_LAST_DAY, MISSIONS_OVERLAP } from '../../model/mission-time';

// The mission's time rule lives in model/ (the aggregates of db/ and import/ read it too); the API reads it from here.
export { MISSION_LAST_DAY, MISSIONS_OVERLAP };
// The dates themselves (how they are written, what they mean) are model/dates.ts's, shared with the client.
export { DATE_PATTERN, endOf, isCalendarDate, spanOfDate, startOf } from '../../model/dates';
export type { Span } from '../../model/dates';

const DATE_MESSAGE = 'must be a calendar date written YYYY, YYYY-MM or YYYY-MM-DD';

/**
 * Validates a date argument or input field (YYYY, YYYY-MM or YYYY-MM-DD, a real calendar day); the message names
 * the field and never echoes the value.
 */
export function IsPartialDate(field: string): PropertyDecorator {
  return ValidateBy({
    name: 'isPartialDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
      defaultMessage: () => `${field} ${DATE_MESSAGE}`,
    },
  });
}

@InputType({ description: 'A period of time; either end may be left open. Dates are YYYY, YYYY-MM or YYYY-MM-DD.' })
export class PeriodInput {
  @DateField('from', 'First day of the period (a year means its 1 January).')
  from?: string | null;

  @DateField('to', 'Last day of the period (a year means its 31 December).')
  to?: string | null;
}

/**
 * An optional date argument or input field (YYYY, YYYY-MM or YYYY-MM-DD), validated (IsPartialDate, its messages
 * naming `name`); `deprecationReason` for an older argument that `period` replaced.
 */
export function DateField(name: string, description: string, deprecationReason?: string): PropertyDecorator {
  const options = deprecationReason
    ? { nullable: true, description, deprecationReason }
    : { nullable: true, description };
  return composeDecorators(
    Field(() => String, options),
    IsOptional(),
    IsPartialDate(name),
  );
}

/** An optional period argument or input field, both ends validated; `deprecationReason` for an older one (`activeIn`). */
export function PeriodField(description: string, deprecationReason?: string): PropertyDecorator {
  const options = deprecationReason
    ? { nullable: true, description, deprecationReason }
    : { nullable: true, description };
  return composeDecorators(
    Field(() => PeriodInput, options),
    IsOptional(),
    ValidateNested(),
  );
}

/**
 * How precise a date is: a date's precision is the length of its string (`2017`, `2017-05`, `2017-05-01`); the
 * entity projections (projections.ts) read it so in Cypher.
 */
export const DatePrecision = declaredEnum('DatePrecision');
export type DatePrecision = EnumValue<typeof DatePrecision>;

/**
 * Cypher expressions: the precision (DatePrecision) of the `start` of `v` (a mission, post or membership
 * spell), and of its end (a mission's last evidence when it has no end): the length of the date string, null
 * for none. The one place that reads a date's precision.
 */
export const START_PRECISION = (v: string): string =>
  `CASE size(${v}.start) WHEN 4 THEN 'YEAR' WHEN 7 THEN 'MONTH' WHEN 10 THEN 'DAY' END`;
export const END_PRECISION = (v: string): string =>
  `CASE size(coalesce(${v}.end, ${v}.lastEvidence)) WHEN 4 THEN 'YEAR' WHEN 7 THEN 'MONTH' WHEN 10 THEN 'DAY' END`;

/** Validates a date argument that is not inside an input class. */
export function checkDate(value: string, arg: string): string {
  if (!isCalendarDate(value))
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${arg} ${DATE_MESSAGE}.`, { argument: arg });
  return value;
}

/** Validates both ends of a period given outside an input class (class-validator checks those inside one). */
export function checkPeriod<P extends { from?: string | null; to?: string | null }>(
  period: P | null | undefined,
  arg: string,
): P | null {
  if (!period) return null;
  if (period.from) checkDate(period.from, `${arg}.from`);
  if (period.to) checkDate(period.to, `${arg}.to`);
  return period;
}

/** What every older time argument says in the schema: `period` replaces it. */
export const USE_PERIOD = 'Use period.';

/**
 * One older argument of a field (or pair of arguments) that `period` replaces, with the period it asks for, so
 * that both forms go through the same checks and give the same answer.
 */
export interface LegacyPeriod {
  /** The argument as the messages name it: `asOf`, `activeIn`, `from/to`. */
  argument: string;
  /** The period it asks for; null when it was not given. */
  period: PeriodInput | null;
  /** How the messages name its two ends (the `from` and `to` of a pair, the argument itself for one date). */
  ends: readonly [string, string];
}

/** An older argument that took a period (`activeIn`, `between`): the same period. */
export function legacyPeriod(argument: string, period: PeriodInput | null | undefined): LegacyPeriod {
  return { argument, period: period ?? null, ends: [`${argument}.from`, `${argument}.to`] };
}

/**
 * An older argument that took one date (`asOf`): the period from the first to the last day that date means
 * (`2008-03` is March 2008, `2008` the whole year).
 */
export function legacyDate(argument: string, date: string | null | undefined): LegacyPeriod {
  return { argument, period: date ? { from: date, to: date } : null, ends: [argument, argument] };
}

/** An older argument that took one year (`activeInYear`): that year, as a period. */
export function legacyYear(argument: string, year: number | null | undefined): LegacyPeriod {
  return {
    argument,
    period: year === null || year === undefined ? null : { from: String(year), to: String(year) },
    ends: [argument, argument],
  };
}

/** An older pair of arguments for the two ends (`from`/`to` as dates or years, `fromYear`/`toYear`); either may be absent. */
export function legacyEnds(
  names: readonly [string, string],
  from: string | number | null | undefined,
  to: string | number | null | undefined,
): LegacyPeriod {
  const end = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));
  return {
    argument: `${names[0]}/${names[1]}`,
    period: end(from) === null && end(to) === null ? null : { from: end(from), to: end(to) },
    ends: names,
  };
}

/** How a field takes its period. */
export interface PeriodArgOptions {
  /** The field cannot answer without a period, and needs both of its ends. */
  required?: boolean;
}

/**
 * The period a field was asked for: `period`, or the one older argument given instead of it (the older forms are
 * deprecated and mean the same time, see legacyPeriod, legacyDate, legacyYear, legacyEnds). The one place that
 * resolves a field's time: it refuses two forms at once and, for a field that needs a period, none or an open
 * end, each with BAD_USER_INPUT naming the argument; it checks each date (a real calendar date, named as the
 * client wrote it) and that the period does not end before it starts. Null when no time was asked for.
 */
export function periodArg(
  field: string,
  period: PeriodInput | null | undefined,
  legacy: readonly LegacyPeriod[] = [],
  options: PeriodArgOptions = {},
): PeriodInput | null {
  const given = [
    ...(period ? [{ argument: 'period', period, ends: ['period.from', 'period.to'] as const }] : []),
    ...legacy.filter((l) => l.period),
  ];
  const bad = (message: string, argument: string) => new AppError(ErrorCode.BAD_USER_INPUT, message, { argument });
  if (given.length > 1) {
    const names = given.map((g) => g.argument);
    const older = names.filter((n) => n !== 'period');
    throw bad(
      `${field} takes one period: give ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}, not both (${older.join(' and ')} ${older.length > 1 ? 'are' : 'is'} deprecated: use period).`,
      names.includes('period') ? 'period' : (names[0] ?? 'period'),
    );
  }
  const chosen = given[0];
  const older = legacy.map((l) => l.argument);
  if (!chosen) {
    if (options.required)
      throw bad(
        `${field} needs a period: give period {from, to}${older.length ? ` (or the deprecated ${older.join(' or ')})` : ''}.`,
        'period',
      );
    return null;
  }
  const [fromName, toName] = chosen.ends;
  const from = chosen.period?.from ?? null;
  const to = chosen.period?.to ?? null;
  if (options.required && (!from || !to))
    throw bad(
      `${field} needs both ends of its period: ${!from ? fromName : toName} is missing.`,
      !from ? fromName : toName,
    );
  if (from) checkDate(from, fromName);
  if (to) checkDate(to, toName);
  if (from && to && startOf(from) > endOf(to))
    throw bad(`The period starts (${from}) after it ends (${to}).`, fromName);
  return { from, to };
}

/** periodArg for a field that needs a period with both ends: the two dates as written. */
export function requiredPeriod(
  field: string,
  period: PeriodInput | null | undefined,
  legacy: readonly LegacyPeriod[] = [],
): { from: string; to: string } {
  const p = periodArg(field, period, legacy, { required: true });
  if (!p?.from || !p.to)
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${field} needs a period.`, { argument: 'period' }); // periodArg has refused it already
  return { from: p.from, to: p.to };
}

/** The first and last year of a period (the years its dates fall in), each open end its default. */
export function periodYears(
  period: PeriodInput | null,
  defaults: { from: number; to: number },
): { from: number; to: number } {
  const year = (d: string | null | undefined, fallback: number) => (d ? Number(d.slice(0, 4)) : fallback);
  return { from: year(period?.from, defaults.from), to: year(period?.to, defaults.to) };
}

/** Turns a period (or a single date, a year or a month) into a span of full dates; null when no limit. */
export function toSpan(period?: PeriodInput | null): Span | null {
  if (!period || (!period.from && !period.to)) return null;
  const span = {
    from: period.from ? startOf(period.from) : '0000-01-01',
    to: period.to ? endOf(period.to) : '9999-12-31',
  };
  if (span.from > span.to)
    throw new AppError(ErrorCode.BAD_USER_INPUT, `The period starts (${span.from}) after it ends (${span.to}).`, {
      argument: 'period',
    });
  return span;
}

/**
 * Cypher condition: the node or relationship `v` with `start` and `end` properties (any precision, end empty
 * while ongoing) overlaps the span in `$span`. Widening is done in Cypher the same way as in startOf/endOf; isActive
 * (model/dates.ts) is the same rule in TypeScript.
 */
export const ACTIVE_IN_SPAN = (v: string): string =>
  `($span IS NULL OR ((${v}.start IS NULL OR ${v}.start <= $span.to) AND (${v}.end IS NULL OR ${v}.end + '-99' >= $span.from)))`;

/** Cypher condition: mission `m` is active in `$span` (model/mission-time.ts, the rule's one place). */
export { MISSION_ACTIVE_IN_SPAN } from '../../model/mission-time';
