import type { FieldReader } from '../fields';
import { parseDate } from '../fields';
import type { FormatReader } from '../types';
import { node, resolveState, result, year } from './common';

const FORMAT = 'cow-states';

function ymd(fr: FieldReader, prefix: 'st' | 'end'): string | undefined {
  const y = year(fr, `${prefix}year`);
  const m = fr.int(`${prefix}month`, { required: true, min: 1, max: 12 });
  const d = fr.int(`${prefix}day`, { required: true, min: 1, max: 31 });
  if (!y || !m || !d) return undefined;
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return parseDate(date) ?? fr.fail(`${prefix}day`, `${date} is not a date`);
}

/**
 * COW State System Membership (`cow_states2016.csv`): one row per spell of a state's membership in the
 * state system. Emits the State (COW code) with its `cowCode`, `cowAbb` and the spell.
 *
 * A state can have several spells (France 1816-1942 and from 1944; Germany 1816-1945 and from 1990) and a
 * reader sees one row at a time, so each spell is its own property, named by its start year:
 * `cowSpell:<styear>` = `YYYY-MM-DD/YYYY-MM-DD`. A spell that runs to the last day of the list's `version`
 * year (2016-12-31 in v2016) has not ended: it is written as an open interval `YYYY-MM-DD/..` (ISO 8601-2).
 */
export const cowStatesReader: FormatReader = {
  name: FORMAT,
  description: 'COW State System Membership list: states and their spells of independence',
  requiredColumns: ['ccode', 'stateabb', 'statenme', 'styear', 'stmonth', 'stday', 'endyear', 'endmonth', 'endday'],
  mapRow(fr, ctx) {
    const ccode = fr.int('ccode', { required: true, min: 1, max: 999 });
    const stateId = resolveState(fr, ctx.crosswalk, 'ccode', 'cow', ccode);
    const abb = fr.text('stateabb', true);
    const start = ymd(fr, 'st');
    const end = ymd(fr, 'end');
    if (start && end && end < start) fr.fail('endyear', `${end} is before the start ${start}`);
    const version = fr.int('version', { min: 1800, max: 2100 });
    if (!stateId || !start || !end || fr.errors.length) return result(fr, []);
    const open = version !== null && version !== undefined && end === `${version}-12-31`;
    return result(fr, [
      node(
        'State',
        stateId,
        { name: fr.text('statenme') },
        { cowCode: ccode, cowAbb: abb, [`cowSpell:${start.slice(0, 4)}`]: `${start}/${open ? '..' : end}` },
      ),
    ]);
  },
};
