import { Field, InputType, registerEnumType } from 'type-graphql';
import { IsOptional, ValidateBy } from 'class-validator';
import { AppError, ErrorCode } from '../../errors';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const DATE_MESSAGE = 'must be a calendar date written YYYY, YYYY-MM or YYYY-MM-DD';

/** Whether a date of any precision is written right and exists in the calendar (no 2013-02-31). */
export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  if (value.length < 10) return true;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

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
  @Field(() => String, { nullable: true, description: 'First day of the period (a year means its 1 January).' })
  @IsOptional()
  @IsPartialDate('from')
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the period (a year means its 31 December).' })
  @IsOptional()
  @IsPartialDate('to')
  to?: string | null;
}

/** A period as the two strings that Cypher compares: full dates, open ends widened to the extremes. */
export interface Span {
  from: string;
  to: string;
}

/** Widens a date to the first day it can mean: `2013` -> `2013-01-01`, `2013-12` -> `2013-12-01`. */
export function startOf(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** Widens a date to the last day it can mean: `2013` -> `2013-12-31`, `2013-02` -> `2013-02-28`. */
export function endOf(d: string): string {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) {
    const [y, m] = d.split('-').map(Number) as [number, number];
    return `${d}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return d;
}

/**
 * How precise a date is: a date's precision is the length of its string (`2017`, `2017-05`, `2017-05-01`); the
 * entity projections (projections.ts) read it so in Cypher.
 */
export enum DatePrecision {
  YEAR = 'YEAR',
  MONTH = 'MONTH',
  DAY = 'DAY',
}
registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How precise a date is; a date covers the whole year or month it names.',
  valuesConfig: { YEAR: { description: 'Only the year is known.' }, MONTH: { description: 'The year and month are known.' }, DAY: { description: 'The day is known.' } },
});

/**
 * Cypher expressions: the precision (DatePrecision) of the `start` of `v` (a mission, post or membership
 * spell), and of its end (a mission's last evidence when it has no end): the length of the date string, null
 * for none. The one place that reads a date's precision.
 */
export const START_PRECISION = (v: string): string => `CASE size(${v}.start) WHEN 4 THEN 'YEAR' WHEN 7 THEN 'MONTH' WHEN 10 THEN 'DAY' END`;
export const END_PRECISION = (v: string): string =>
  `CASE size(coalesce(${v}.end, ${v}.lastEvidence)) WHEN 4 THEN 'YEAR' WHEN 7 THEN 'MONTH' WHEN 10 THEN 'DAY' END`;

/** Validates a date argument that is not inside an input class. */
export function checkDate(value: string, arg: string): string {
  if (!isCalendarDate(value)) throw new AppError(ErrorCode.BAD_USER_INPUT, `${arg} ${DATE_MESSAGE}.`, { argument: arg });
  return value;
}

/** Validates both ends of a period given outside an input class (class-validator checks those inside one). */
export function checkPeriod<P extends { from?: string | null; to?: string | null }>(period: P | null | undefined, arg: string): P | null {
  if (!period) return null;
  if (period.from) checkDate(period.from, `${arg}.from`);
  if (period.to) checkDate(period.to, `${arg}.to`);
  return period;
}

/** Turns a period (or a single date, a year or a month) into a span of full dates; null when no limit. */
export function toSpan(period?: PeriodInput | null): Span | null {
  if (!period || (!period.from && !period.to)) return null;
  const span = { from: period.from ? startOf(period.from) : '0000-01-01', to: period.to ? endOf(period.to) : '9999-12-31' };
  if (span.from > span.to) throw new AppError(ErrorCode.BAD_USER_INPUT, `The period starts (${span.from}) after it ends (${span.to}).`, { argument: 'period' });
  return span;
}

/** The span of one date of any precision: `2013-12` is the whole of December 2013. */
export function spanOfDate(d: string): Span {
  return { from: startOf(d), to: endOf(d) };
}

/**
 * Cypher condition: the node or relationship `v` with `start` and `end` properties (any precision, end empty
 * while ongoing) overlaps the span in `$span`. Widening is done in Cypher the same way as in startOf/endOf.
 */
export const ACTIVE_IN_SPAN = (v: string): string =>
  `($span IS NULL OR ((${v}.start IS NULL OR ${v}.start <= $span.to) AND (${v}.end IS NULL OR ${v}.end + '-99' >= $span.from)))`;

/**
 * Cypher expression: the last day mission `m` counts as active, as written (any precision): its recorded end,
 * else its last evidence (a mission no source shows active after that date and none says continues, README
 * Methods); null while it is ongoing.
 */
export const MISSION_LAST_DAY = (m: string): string => `coalesce(${m}.end, ${m}.lastEvidence)`;

/** Cypher condition: mission `m` is active in `$span` (its end as MISSION_LAST_DAY says). */
export const MISSION_ACTIVE_IN_SPAN = (m: string): string =>
  `($span IS NULL OR ((${m}.start IS NULL OR ${m}.start <= $span.to) AND (${MISSION_LAST_DAY(m)} IS NULL OR ${MISSION_LAST_DAY(m)} + '-99' >= $span.from)))`;

/** Cypher condition: missions `a` and `b` overlap in time (dates of any precision; open ends are ongoing). */
export const MISSIONS_OVERLAP = (a: string, b: string): string =>
  `((${a}.start IS NULL OR ${MISSION_LAST_DAY(b)} IS NULL OR ${a}.start <= ${MISSION_LAST_DAY(b)} + '-99') AND (${b}.start IS NULL OR ${MISSION_LAST_DAY(a)} IS NULL OR ${b}.start <= ${MISSION_LAST_DAY(a)} + '-99'))`;
