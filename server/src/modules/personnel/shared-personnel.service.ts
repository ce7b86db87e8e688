import { AppError, ErrorCode } from '../../errors';
import type { Database } from '../../db/database';
import type { Node } from '../common/node.type';
import { legacyDate, legacyPeriod, periodArg } from '../common/period';
import type { Person } from '../person/person.type';
import type { State } from '../state/state.type';
import { SOURCE_RANK, StateFigures, cosine, jaccard, monthWindow } from '../../model/contributions';
import type { SharedPersonnelArgs } from './shared-personnel.args';
import { SharedPersonnelRepository } from './shared-personnel.repository';
import type { SharedPersonnel } from './shared-personnel.type';

/**
 * The states that sent personnel to both sides, with the Jaccard and cosine similarity of the two sides and the
 * people who held posts on both: the arguments checked, the records reduced as they arrive (model/contributions.ts).
 */
export async function sharedPersonnel(db: Database, args: SharedPersonnelArgs): Promise<SharedPersonnel> {
  const period = periodArg('sharedPersonnel', args.period, [
    legacyDate('asOf', args.asOf),
    legacyPeriod('between', args.between),
  ]);
  if (args.source && !(args.source in SOURCE_RANK)) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `Unknown contribution source '${args.source}'; use one of ${Object.keys(SOURCE_RANK).join(', ')}.`,
      { argument: 'source' },
    );
  }
  const window = monthWindow(period?.from, period?.to);
  // Two organizations bring tens of thousands of records: reduced as they arrive, none kept.
  const reducers = { a: new StateFigures(window, args.source), b: new StateFigures(window, args.source) };
  const data = await new SharedPersonnelRepository(db).load(
    args.a,
    args.b,
    window,
    args.source ?? null,
    (side, who, run) => (side === 0 ? reducers.a : reducers.b).add(who, run),
  );
  const [sideA, sideB] = data.sides;
  if (!sideA || !sideB) {
    const missing = !sideA ? args.a : args.b;
    throw new AppError(ErrorCode.NOT_FOUND, `No mission or organization with id '${missing}'.`, {
      argument: !sideA ? 'a' : 'b',
    });
  }
  const figA = await reducers.a.figures();
  const figB = await reducers.b.figures();
  const states = new Map(data.states.map((s) => [s.id as string, s as unknown as State]));
  // The cosine reads the contributors with a figure only; the Jaccard every contributor, figure or not.
  const sized = (figs: typeof figA) =>
    new Map([...figs.values()].filter((f) => f.personnel !== null).map((f) => [f.state, f.personnel as number]));
  const vecA = sized(figA);
  const vecB = sized(figB);
  const shared = [...figA.keys()].filter((k) => figB.has(k));
  const sources = new Set([...figA.values(), ...figB.values()].flatMap((f) => f.sources));
  return {
    a: sideA as unknown as Node,
    b: sideB as unknown as Node,
    states: shared
      .map((id) => ({ state: states.get(id) as State, a: vecA.get(id) ?? null, b: vecB.get(id) ?? null }))
      .sort((x, y) => (y.a ?? 0) + (y.b ?? 0) - ((x.a ?? 0) + (x.b ?? 0)) || x.state.id.localeCompare(y.state.id)),
    jaccard: jaccard(figA.keys(), figB.keys()),
    cosine: vecA.size && vecB.size ? cosine(vecA, vecB) : null,
    contributorsWithFigureA: vecA.size,
    contributorsWithFigureB: vecB.size,
    contributorsA: figA.size,
    contributorsB: figB.size,
    people: data.people as unknown as Person[],
    sources: [...sources].sort(),
    period: window ? `${window.from}/${window.to}` : null,
  };
}
