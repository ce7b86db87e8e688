import path from 'node:path';
import { Crosswalk } from '../../../server/src/import/crosswalk';
import { hqCorrectionsTable as table } from '../../../server/src/import/curated/tables';
import { ipiMissionsReader } from '../../../server/src/import/formats/ipi-missions';
import { unPkoListReader } from '../../../server/src/import/formats/un-pko-list';
import { HQ_CORRECTIONS_TABLE } from '../../../server/src/import/hq-corrections';
import type { NodeOp } from '../../../server/src/import/types';
import { dataFile, fixtureCrosswalk, fixtureRows, mapRow, readRows, withCells } from './helpers';

/**
 * mission_hq_corrections.csv: the table's reader, the readers that apply it (un-pko-list, ipi-missions) on
 * fixture rows and rows broken in one place, then the shipped table against the shipped sources: every row's
 * numbers are the source row's own numbers in the other order, and the whole files correct exactly those rows.
 */

const CURATED = path.join(__dirname, '../../../cypher/data/curated');
const UN_LIST = 'un-supplementary/un_psdata_DPPADPOSS-PKO.csv';
const IPI_MISSIONS = 'ipi-peacekeeping/ipi_data_mission_1990-11_to_2017-03.csv';

const cw = fixtureCrosswalk();
const corrections = fixtureRows(`curated/${HQ_CORRECTIONS_TABLE}`);
const minusmaCorrection = corrections.find((r) => r.mission_id === 'MINUSMA');
const unRows = fixtureRows('un-pko-list.csv');
const unMinusma = unRows.find((r) => r.mission_acronym === 'MINUSMA');
const ipiMinusma = fixtureRows('ipi-missions.csv').find((r) => r.Mission === 'MINUSMA');

/** A crosswalk of the fixture tables (MINUSMA's correction on line 2) with one more row of mission_hq_corrections.csv. */
function crosswalkWith(row: Record<string, string>, line: number): Crosswalk {
  const c = fixtureCrosswalk();
  c.addHqCorrection(row, line);
  return c;
}

const missionOp = (ops: unknown[]) =>
  ops.find((o): o is NodeOp => (o as NodeOp).kind === 'node' && (o as NodeOp).label === 'Mission');

describe('mission_hq_corrections.csv reader', () => {
  it('checks a row and writes nothing: the source readers apply it', () => {
    expect(mapRow(table, withCells(minusmaCorrection, {}), cw)).toEqual({
      ops: [],
      errors: [],
      skipped: 'corrects a headquarters pair written swapped (applied by the un-pko-list and ipi-missions imports)',
    });
  });

  it('rejects an unknown mission, a pair out of range, a pair that cannot have been swapped, and an empty source', () => {
    const errorsOf = (cells: Record<string, string>) => mapRow(table, withCells(minusmaCorrection, cells), cw).errors;
    expect(errorsOf({ mission_id: 'MINUSMAX' })).toEqual([
      { field: 'mission_id', reason: "'MINUSMAX' is not a mission id of missions.csv" },
    ]);
    expect(errorsOf({ hq_latitude: '95' })).toEqual([{ field: 'hq_latitude', reason: '95 is above 90' }]);
    expect(errorsOf({ hq_longitude: '125.5' })).toEqual([
      {
        field: 'hq_longitude',
        reason: '125.5 cannot have been written as a latitude; the readers swap such a pair back without this table',
      },
    ]);
    expect(errorsOf({ hq_latitude: '12.65', hq_longitude: '12.65' })).toEqual([
      { field: 'hq_longitude', reason: 'equals hq_latitude: the swapped pair is the same pair' },
    ]);
    expect(errorsOf({ source: '' })).toEqual([{ field: 'source', reason: 'is empty' }]);
  });

  it('rejects a mission corrected twice, naming both lines', () => {
    const twice = crosswalkWith(withCells(minusmaCorrection, { hq_latitude: '12.6' }), 5);
    expect(mapRow(table, withCells(minusmaCorrection, {}), twice).errors).toEqual([
      {
        field: 'mission_id',
        reason: `${HQ_CORRECTIONS_TABLE} line 2 and 5 correct the headquarters of MINUSMA more than once`,
      },
    ]);
  });
});

describe('applying mission_hq_corrections.csv', () => {
  it("swaps back the UN list's MINUSMA pair, reports it with the line of the table, and records the table's source", () => {
    const out = mapRow(unPkoListReader, withCells(unMinusma, {}), cw, 67);
    expect(out.errors).toEqual([]);
    expect(missionOp(out.ops)?.props).toMatchObject({
      hq: 'Bamako',
      hqLatitude: 12.65,
      hqLongitude: -8,
      hqCorrectionRef: minusmaCorrection?.source,
    });
    expect(out.corrections).toEqual([
      {
        field: 'mission_latitude',
        reason:
          `latitude -8, longitude 12.65 (mission_latitude, mission_longitude) is the pair of ${HQ_CORRECTIONS_TABLE} line 2 ` +
          'the other way round: swapped back to latitude 12.65, longitude -8 for MINUSMA',
      },
    ]);
  });

  it('keeps a pair that is already the right way round, with no correction and no reference', () => {
    const out = mapRow(
      unPkoListReader,
      withCells(unMinusma, { mission_longitude: '-8,0000', mission_latitude: '12,6500' }),
      cw,
    );
    expect(out).toMatchObject({ errors: [] });
    expect(out.corrections).toBeUndefined();
    expect(missionOp(out.ops)?.props).toMatchObject({ hqLatitude: 12.65, hqLongitude: -8 });
    expect(missionOp(out.ops)?.props).not.toHaveProperty('hqCorrectionRef');
  });

  it('rejects a pair that is neither the correction nor its swap: the file is not the one the correction was written for', () => {
    const out = mapRow(
      unPkoListReader,
      withCells(unMinusma, { mission_longitude: '12,6392', mission_latitude: '-8,0029' }),
      cw,
    );
    expect(out).toEqual({
      ops: [],
      errors: [
        {
          field: 'mission_latitude',
          reason:
            `latitude -8.0029, longitude 12.6392 is neither the headquarters of MINUSMA in ${HQ_CORRECTIONS_TABLE} line 2 (12.65, -8) ` +
            'nor that pair swapped: check the correction against this file',
        },
      ],
    });
  });

  it('rejects the row of a mission whose correction is invalid or written twice, rather than importing it uncorrected', () => {
    const bad = new Crosswalk();
    for (const m of fixtureRows('curated/missions.csv')) bad.addMission(m);
    bad.addHqCorrection(withCells(minusmaCorrection, { hq_latitude: 'north' }), 2);
    expect(mapRow(unPkoListReader, withCells(unMinusma, {}), bad).errors).toEqual([
      {
        field: 'mission_latitude',
        reason: `${HQ_CORRECTIONS_TABLE} line 2 corrects the headquarters of MINUSMA but is invalid (hq_latitude 'north' is not a number)`,
      },
    ]);
    const twice = crosswalkWith(withCells(minusmaCorrection, {}), 3);
    expect(mapRow(unPkoListReader, withCells(unMinusma, {}), twice).errors).toEqual([
      {
        field: 'mission_latitude',
        reason: `${HQ_CORRECTIONS_TABLE} line 2 and 3 correct the headquarters of MINUSMA more than once`,
      },
    ]);
  });

  it('leaves the other missions alone', () => {
    for (const row of unRows.filter((r) => r.mission_acronym !== 'MINUSMA')) {
      const out = mapRow(unPkoListReader, row, cw);
      expect(out.corrections).toBeUndefined();
      expect(missionOp(out.ops)?.props ?? {}).not.toHaveProperty('hqCorrectionRef');
    }
  });

  it("swaps back IPI's MINUSMA rows of 2013-07 to 2014-03 the same way (the HQ fills only a mission IPI creates)", () => {
    const out = mapRow(ipiMissionsReader, withCells(ipiMinusma, {}), cw);
    expect(out.errors).toEqual([]);
    expect(missionOp(out.ops)?.onCreate).toMatchObject({
      hq: 'Bamako',
      hqLatitude: 12.65,
      hqLongitude: -8,
      hqCorrectionRef: minusmaCorrection?.source,
    });
    expect(out.corrections).toEqual([
      {
        field: 'Mission HQ Longitude',
        reason: expect.stringContaining('swapped back to latitude 12.65, longitude -8 for MINUSMA'),
      },
    ]);
    const right = mapRow(
      ipiMissionsReader,
      withCells(ipiMinusma, { 'Mission HQ Longitude': '12.65', 'Mission HQ Latitude': '-8' }),
      cw,
    );
    expect(right.corrections).toBeUndefined();
    expect(missionOp(right.ops)?.onCreate).toMatchObject({ hqLatitude: 12.65, hqLongitude: -8 });
  });

  it('reports the swap of an impossible latitude too', () => {
    const out = mapRow(
      unPkoListReader,
      withCells(
        unRows.find((r) => r.mission_acronym === 'UNPROFOR'),
        { mission_longitude: '-8,5667', mission_latitude: '125,5670' },
      ),
      cw,
    );
    expect(out.corrections).toEqual([
      {
        field: 'mission_latitude',
        reason:
          '125.567 is not a latitude (outside -90..90) while mission_longitude -8.5667 is one: swapped back to latitude -8.5667, longitude 125.567',
      },
    ]);
  });
});

describe('the shipped mission_hq_corrections.csv', () => {
  const real = Crosswalk.load(CURATED);
  const rows = readRows(path.join(CURATED, HQ_CORRECTIONS_TABLE));
  const capitals = new Map(readRows(path.join(CURATED, 'state_capitals.csv')).map((c) => [c.capital, c]));
  const unFile = dataFile(UN_LIST);
  const ipiFile = dataFile(IPI_MISSIONS);
  const unList = unFile ? readRows(unFile) : [];
  /** The cell of the UN list as a number (decimal comma). */
  const num = (cell: string | undefined) => Number((cell ?? '').replace(',', '.'));

  it('reads every row without an error', () => {
    expect(rows.length).toBe(7);
    rows.forEach((row, i) => expect(mapRow(table, row, real, i + 2).errors).toEqual([]));
  });

  (unFile ? it : it.skip)(
    "holds in every row the UN list row's own two numbers in the other order, for the city that row names",
    () => {
      for (const row of rows) {
        const cited = /^un_psdata_DPPADPOSS-PKO\.csv line (\d+) \([^,]+, mission_location ([^)]+)\)/.exec(
          row.source ?? '',
        );
        expect(cited).not.toBeNull();
        const line = Number(cited?.[1]);
        const source = unList[line - 2];
        expect(source?.mission_location?.trim()).toBe(cited?.[2]);
        expect([num(source?.mission_latitude), num(source?.mission_longitude)]).toEqual([
          Number(row.hq_longitude),
          Number(row.hq_latitude),
        ]);
        const out = mapRow(unPkoListReader, source ?? {}, real, line);
        expect(missionOp(out.ops)).toMatchObject({
          id: row.mission_id,
          props: { hqLatitude: Number(row.hq_latitude), hqLongitude: Number(row.hq_longitude) },
        });
      }
    },
  );

  it('places each headquarters named after a capital within 10 km of it, where the source pair lies over 2,000 km away', () => {
    const km = (lat1: number, lon1: number, lat2: number, lon2: number) => {
      const rad = Math.PI / 180;
      const h =
        Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
        Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
      return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
    };
    const named = rows.filter((r) => capitals.has(/mission_location ([^)]+)\)/.exec(r.source ?? '')?.[1] ?? ''));
    expect(named.map((r) => r.mission_id).sort()).toEqual([
      'MINUSMA',
      'UNAVEM-I',
      'UNAVEM-II',
      'UNOSOM-I',
      'UNOSOM-II',
      'UNSCOB',
    ]);
    for (const r of named) {
      const c = capitals.get(/mission_location ([^)]+)\)/.exec(r.source ?? '')?.[1] ?? '');
      const [lat, lon, clat, clon] = [r.hq_latitude, r.hq_longitude, c?.latitude, c?.longitude].map(Number) as [
        number,
        number,
        number,
        number,
      ];
      expect(km(lat, lon, clat, clon)).toBeLessThan(10);
      expect(km(lon, lat, clat, clon)).toBeGreaterThan(2000);
    }
  });

  (unFile ? it : it.skip)("gives UNEF the pair the UN list gives its two parts' Gaza", () => {
    const unef = rows.find((r) => r.mission_id === 'UNEF');
    for (const part of ['UNEF I', 'UNEF II']) {
      const row = unList.find((r) => r.mission_acronym === part);
      expect([num(row?.mission_latitude), num(row?.mission_longitude), row?.mission_location]).toEqual([
        Number(unef?.hq_latitude),
        Number(unef?.hq_longitude),
        'Gaza',
      ]);
    }
  });

  (unFile ? it : it.skip)('corrects exactly the seven rows it names in the whole UN list', () => {
    const corrected = unList.flatMap((row, i) =>
      mapRow(unPkoListReader, row, real, i + 2).corrections?.length ? [i + 2] : [],
    );
    expect(corrected).toEqual([7, 8, 42, 48, 49, 67, 82]);
  });

  (ipiFile ? it : it.skip)(
    "corrects exactly IPI's nine MINUSMA rows of 2013-07 to 2014-03, and nothing else of the file",
    () => {
      const ipi = ipiFile ? readRows(ipiFile) : [];
      const corrected = ipi.flatMap((row, i) =>
        mapRow(ipiMissionsReader, row, real, i + 2).corrections?.length ? [`${row.Mission} ${row.Date}`] : [],
      );
      expect(corrected).toEqual([
        'MINUSMA 2013-07-31',
        'MINUSMA 2013-08-31',
        'MINUSMA 2013-09-30',
        'MINUSMA 2013-10-31',
        'MINUSMA 2013-11-30',
        'MINUSMA 2013-12-31',
        'MINUSMA 2014-01-31',
        'MINUSMA 2014-02-28',
        'MINUSMA 2014-03-31',
      ]);
    },
  );
});
