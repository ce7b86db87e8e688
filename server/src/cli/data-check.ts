import 'reflect-metadata';
import path from 'node:path';
import { HQ_AWAY_FROM_NAMED_CAPITAL_KM, HQ_FAR_FROM_HOSTS_KM, runDataCheck } from '../import/data-check';
import { linkCoverage, peopleCoverage } from '../modules/analytics/coverage';
import { sipriComparison } from '../modules/analytics/sipri-comparison';
import { findUnresolvedNames } from '../import/unresolved';
import { runCommand } from './command';
import { withCommandDatabase } from './command-database';

/**
 * `npm run data:check`: counts per label and relationship type, orphans, names the sources write that no
 * crosswalk resolves, and dates on which sources disagree. Exits 1 when there are orphans or unresolved names.
 */
const USAGE = `Usage: peaceops data:check

Counts per label and relationship type, orphans, names the sources write that no crosswalk resolves, and
dates on which sources disagree. Exit 1 when there are orphans or unresolved names.`;

runCommand({
  name: 'data:check',
  usage: USAGE,
  connects: true,
  failureCode: 1,
  options: {},
  run: () =>
    withCommandDatabase(async ({ root, database }) => {
      const report = await runDataCheck(database.db);
      const unresolved = await findUnresolvedNames(path.join(root, 'cypher', 'data'));
      const out: string[] = ['Nodes:'];
      for (const [k, n] of Object.entries(report.counts.labels)) out.push(`  ${k.padEnd(16)} ${n}`);
      out.push('Relationships:');
      for (const [k, n] of Object.entries(report.counts.relationships)) out.push(`  ${k.padEnd(16)} ${n}`);
      out.push('Orphans:');
      for (const o of report.orphans)
        out.push(
          `  ${o.kind}: ${o.ids.length}${o.ids.length ? ` (${o.ids.slice(0, 15).join(', ')}${o.ids.length > 15 ? ', ...' : ''})` : ''}`,
        );
      out.push(`Unresolved names: ${unresolved.length}`);
      for (const u of unresolved)
        out.push(`  ${u.format} ${u.file}:${u.firstLine} ${u.field}: ${u.reason} (${u.rows} rows)`);
      out.push(
        'Disagreements (the graph keeps the curated value, which names its source; the other stays as field@source):',
      );
      for (const d of report.disagreements) {
        out.push(`  ${d.field} vs ${d.source}: ${d.rows.length}`);
        for (const r of d.rows.slice(0, 10))
          out.push(`    ${r.id}: graph ${r.graph ?? '(empty)'}, ${d.source} ${r.source ?? '(empty)'}`);
        if (d.rows.length > 10) out.push(`    ... ${d.rows.length - 10} more`);
      }
      out.push(
        `Missions counted active up to their last evidence (no end on record, no source says they continue): ${report.endsAtLastEvidence.length}`,
      );
      for (const m of report.endsAtLastEvidence) out.push(`  ${m.id}: last evidence ${m.lastEvidence}`);
      const cov = report.contributorCoverage;
      const sum = (k: 'operations' | 'withContributors') => cov.reduce((n, c) => n + c[k], 0);
      out.push(
        `Non-UN operations with contributing states recorded: ${sum('withContributors')} of ${sum('operations')} (per organization and decade of start):`,
      );
      for (const c of cov)
        out.push(`  ${c.organization.padEnd(22)} ${c.decade}s: ${c.withContributors} of ${c.operations}`);
      const hq = report.headquarters;
      out.push(
        `Mission headquarters farther than ${HQ_FAR_FROM_HOSTS_KM} km from every capital of the mission's hosts (a swapped pair? see mission_hq_corrections.csv): ${hq.farFromHosts.length}`,
      );
      for (const m of hq.farFromHosts)
        out.push(`  ${m.id} (${m.hq ?? 'unnamed'}): ${m.km} km from ${m.capital}, the nearest`);
      out.push(
        `Mission headquarters named as a host's capital but farther than ${HQ_AWAY_FROM_NAMED_CAPITAL_KM} km from it (as the sources give them): ${hq.awayFromNamedCapital.length}`,
      );
      for (const m of hq.awayFromNamedCapital)
        out.push(`  ${m.id} (${m.hq}): ${m.km} km from the capital of ${m.state}`);
      const links = await linkCoverage(database.db);
      out.push(
        'Pairs of missions of two organizations in the same conflict at the same time, with a recorded cooperation / all:',
      );
      for (const l of links) out.push(`  ${`${l.a}-${l.b}`.padEnd(30)} ${l.linked} of ${l.codeployed}`);
      const people = await peopleCoverage(database.db);
      out.push('People with official posts with both organizations of a pair:');
      for (const p of people) out.push(`  ${`${p.a}-${p.b}`.padEnd(30)} ${p.people}`);
      out.push(
        "Operations active per year, the graph (ad hoc coalitions included) beside SIPRI's published counts (total / UN / regional / ad hoc):",
      );
      for (const c of await sipriComparison(database.db)) {
        const part = (n: number | null) => (n === null ? '-' : String(n));
        out.push(
          `  ${c.year}: graph ${c.graph.total} / ${c.graph.un} / ${c.graph.regional} / ${c.graph.adHoc}; SIPRI ${c.sipri.total} / ${part(c.sipri.un)} / ${part(c.sipri.regional)} / ${part(c.sipri.adHoc)}`,
        );
      }
      process.stdout.write(`${out.join('\n')}\n`);
      const orphanCount = report.orphans.reduce((n, o) => n + o.ids.length, 0);
      return orphanCount || unresolved.length ? 1 : 0;
    }, 'warn'),
});
