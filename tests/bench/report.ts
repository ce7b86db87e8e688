import fs from 'node:fs';
import path from 'node:path';
import { apiGoals, familiesSection, loadSection, versusSection } from './report-api';

type Any = Record<string, any>;  

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-');

/** Writes BENCHMARKS.md from the results of one run. */
export function writeReport(file: string, r: Any): void {
  const lines: string[] = [];
  lines.push('# Benchmarks', '');
  lines.push(`Measured by \`${r.command}\` on ${r.date.slice(0, 10)}: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, Neo4j ${r.machine.neo4j} (embedded, the project's local default)${r.commit ? `, code of commit ${r.commit}` : ''}.${r.note ? ` ${r.note}` : ''}`);
  for (const x of r.supplements ?? [])
    lines.push(`${x.what}: from another run, \`${x.command}\` on ${String(x.date).slice(0, 10)}${x.commit ? ` (code of commit ${x.commit})` : ''}, merged into this report by \`${x.mergedBy}\`.${x.note ? ` ${x.note}` : ''}`);
  if (r.supplements?.length) lines.push('The runs were merged in this order, each replacing what it measured again.');
  lines.push('Each comparison is measured within one run of the script, its sides alternately, in milliseconds (median and p95 of', `${r.runs} runs after 5 warm-up runs unless said). The machine is shared and noisy: read the ratios, not single times. Raw figures: \`bench/results.json\`.`, '');
  for (const [scale, s] of Object.entries<Any>(r.scales ?? {})) {
    lines.push(`## Query families at scale ${scale} (${s.size.nodes} nodes, ${s.size.relationships} relationships)`, '');
    lines.push(...familiesSection(s, r));
    if (s.versusNeo4jGraphQL) lines.push(...versusSection(s.versusNeo4jGraphQL));
  }
  if (r.roundTrips) {
    lines.push('## Database round trips of a nested list', '', '`missions(first: N) { items { organizations hosts conflicts contributors { state } } }`', '');
    lines.push('| N | round trips |', '| --- | --- |');
    for (const x of r.roundTrips) lines.push(`| ${x.missions} | ${x.roundTrips} |`);
    lines.push('');
  }
  const imports = importsOf(r);
  if (imports.length) {
    const t = imports[0] ?? {};
    lines.push('## Import throughput', '', `\`${t.file}\` (${t.rows} rows), median of ${t.runs} alternating runs after a warm-up run of each, into the graph at each scale (the file's rows cleared first):`, '');
    lines.push('| scale | import command | LOAD CSV ... CALL { } IN TRANSACTIONS | ratio |', '| --- | --- | --- | --- |');
    for (const x of imports) lines.push(`| ${x.scale} | ${x.importCommandRowsPerSecond} rows/s | ${x.loadCsvRowsPerSecond} rows/s | ${x.ratio} |`);
    lines.push('');
  }
  const scales = Object.entries<Any>(r.scales ?? {});
  if (scales.length > 1) {
    lines.push('## Growth with scale (GraphQL over HTTP)', '');
    lines.push(`| family | ${scales.map(([k]) => `median / p95 at ${k}x`).join(' | ')} |`, `| --- | ${scales.map(() => '---').join(' | ')} |`);
    const names: string[] = scales[0]?.[1].families?.map((f: Any) => f.family) ?? [];
    for (const name of names) {
      const cells = scales.map(([, sc]) => {
        const f = sc.families?.find((x: Any) => x.family === name);
        return f ? `${ms(f.graphqlHttp.median)} / ${ms(f.graphqlHttp.p95)}` : '-';
      });
      lines.push(`| ${name} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  lines.push(...analyticsSection(r, path.join(path.dirname(file), 'bench', 'analytics-before.json')));
  lines.push(...loadSection(loadsOf(r)));
  const views = scales.filter(([, sc]) => sc.networkView);
  if (views.length) {
    lines.push('## The network view in headless Chromium', '');
    lines.push('Time to first render (the client\'s own `peaceops:time-to-first-render` measure, from navigation start to the first drawn graph) and frames per second while panning the whole graph continuously.', '');
    lines.push(
      'Panning FPS: mean (frames drawn / seconds), median (1000 / median frame interval) and 5th percentile (1000 / 95th-percentile interval).',
      'First render as a first visit (no positions stored by an earlier load) and, where measured, with the positions stored; in brackets, how the nodes stood in that frame (`draft`: every node at a first place while the layout runs; `stored`: the final places kept from an earlier load; `final`: laid out).',
      'Previous: the figures these replace, from the run named under the table.',
      '',
      '| scale | view | nodes | edges | first render median / p95 ms, first visit | with positions stored | panning FPS mean / median / 5th percentile | previous first render median / p95 ms | previous panning FPS mean / median / 5th percentile |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    const earlier = new Map<string, Any>();
    for (const [scale, sc] of views) {
      const previous = sc.previousNetworkView ? viewRows(sc.previousNetworkView) : [];
      if (sc.previousNetworkView?.run) earlier.set(JSON.stringify(sc.previousNetworkView.run), sc.previousNetworkView.run);
      for (const v of viewRows(sc.networkView)) {
        const p = previous.find((x) => x.name === v.name);
        lines.push(`| ${scale} | ${v.view} | ${v.nodes} | ${v.edges} | ${v.firstRender} | ${v.stored} | ${v.fps} | ${p ? `${p.firstRender} (${p.nodes} nodes, ${p.renderer})` : '-'} | ${p?.fps ?? '-'} |`);
      }
    }
    for (const run of earlier.values()) lines.push('', `Previous figures: \`${run.command ?? 'npm run bench'}\` on ${String(run.date).slice(0, 10)}${run.commit ? ` (code of commit ${run.commit})` : ''}.`);
    lines.push('');
  }
  lines.push(...goals(r), '');
  // The analysis written by hand (what was changed and why, what the figures mean) survives each new run.
  const notes = path.join(path.dirname(file), 'bench', 'NOTES.md');
  if (fs.existsSync(notes)) lines.push(fs.readFileSync(notes, 'utf8').trim(), '');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

/** The rows of the network-view table, whatever views the run measured. */
function viewRows(v: Any): { name: string; view: string; renderer: string; nodes: number; edges: number; firstRender: string; stored: string; fps: string }[] {
  const list: Any[] = [v.overview, v.fullGraph].filter(Boolean);
  const stage = (s: string | null | undefined) => (s ? ` (${s})` : '');
  return list.map((x) => ({
    name: String(x.view),
    view: `${x.view} (${x.renderer})`,
    renderer: String(x.renderer),
    nodes: x.nodes,
    edges: x.edges,
    firstRender: x.firstRenderMs ? `${ms(x.firstRenderMs.median)} / ${ms(x.firstRenderMs.p95)}${stage(x.firstRenderStage?.firstVisit)}` : '-',
    stored: x.firstRenderStoredMs ? `${ms(x.firstRenderStoredMs.median)} / ${ms(x.firstRenderStoredMs.p95)}${stage(x.firstRenderStage?.stored)}` : '-',
    fps: x.fps ? `${Number(x.fps.mean).toFixed(1)} / ${x.fps.median.toFixed(1)} / ${x.fps.p5.toFixed(1)}` : '-',
  }));
}

/** The goals of issues 8 and 19 against this run's figures, computed, not written by hand. */
/** The network view's goals (issue 17: first render and panning in headless Chromium), against the opening view's figures. */
function viewGoals(r: Any): string[] {
  const out: string[] = [];
  const overview = (scale: string): Any | undefined => r.scales?.[scale]?.networkView?.overview;
  const before = (scale: string): Any | undefined => r.scales?.[scale]?.previousNetworkView?.overview;
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  for (const [scale, limit] of [['1', 1000], ['10', 3000]] as const) {
    const v = overview(scale);
    if (!v?.firstRenderMs) continue;
    const p = before(scale);
    const stored = v.firstRenderStoredMs ? `; with positions stored ${ms(v.firstRenderStoredMs.median)} ms` : '';
    out.push(`| First render of the opening view: median under ${limit / 1000} s at scale ${scale} (first visit) | ${ms(v.firstRenderMs.median)} ms${p?.firstRenderMs ? ` (previously ${ms(p.firstRenderMs.median)} ms)` : ''}${stored} | ${yes(v.firstRenderMs.median < limit)} |`);
  }
  const pan = overview('10');
  if (pan?.fps) {
    const p = before('10');
    const full = r.scales?.['10']?.networkView?.fullGraph;
    const fullText = full?.fps ? `; the whole graph ${full.fps.p5.toFixed(1)}${r.scales?.['10']?.previousNetworkView?.fullGraph?.fps ? ` (previously ${r.scales['10'].previousNetworkView.fullGraph.fps.p5.toFixed(1)})` : ''}` : '';
    out.push(`| Panning the opening view at scale 10: 5th-percentile frame rate at least 30 per second | ${pan.fps.p5.toFixed(1)}${p?.fps ? ` (previously ${p.fps.p5.toFixed(1)})` : ''}${fullText} | ${yes(pan.fps.p5 >= 30)} |`);
  }
  return out;
}

/** The goals of issues 8 and 17 against this run's figures, computed, not written by hand. */
function goals(r: Any): string[] {
  const out = ['## Against the goals (computed from the figures above)', '', '| goal | figure | met? |', '| --- | --- | --- |'];
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  out.push(...apiGoals(r, latestLoads(loadsOf(r))));
  if (r.roundTrips) {
    const counts = new Set(r.roundTrips.map((x: Any) => x.roundTrips));
    out.push(`| Constant round trips for nested queries | ${r.roundTrips.map((x: Any) => `${x.roundTrips} for ${x.missions}`).join(', ')} | ${yes(counts.size === 1)} |`);
  }
  const imports = importsOf(r);
  if (imports.length) {
    const figures = imports.map((t) => `${t.ratio}x of LOAD CSV, ${t.importCommandRowsPerSecond} rows/s at ${t.scale}x`).join('; ');
    out.push(`| Import at least 0.8x LOAD CSV and 20,000 rows/s (issue 8) | ${figures} | ${yes(imports.every((t) => t.ratio >= 0.8 && t.importCommandRowsPerSecond >= 20_000))} |`);
    out.push(`| Import at least 1.0x LOAD CSV at every scale (issue 19) | ${imports.map((t) => `${t.ratio}x at ${t.scale}x`).join('; ')} | ${yes(imports.every((t) => t.ratio >= 1))} |`);
  }
  // Issue 19: every analytics question (sharedPersonnel between organizations among them) in interactive time.
  for (const [scale, limit] of [['1', 300], ['10', 1000]] as const) {
    const analytics = r.scales?.[scale]?.analytics as Any[] | undefined;
    if (!analytics?.length) continue;
    const over = analytics.filter((a) => a.timing.median >= limit);
    const span = `${ms(Math.min(...analytics.map((a) => a.timing.median)))} to ${ms(Math.max(...analytics.map((a) => a.timing.median)))} ms`;
    out.push(`| Every analytics question under ${limit} ms at scale ${scale} (median) | ${analytics.length} questions, ${span}${over.length ? `; over: ${over.map((a) => `${a.question} ${ms(a.timing.median)} ms`).join(', ')}` : ''} | ${yes(!over.length)} |`);
  }
  const organizationsAt = (scale: string): Any | undefined => (r.scales?.[scale]?.families as Any[] | undefined)?.find((f) => f.family === 'network (organizations)');
  const growth = ['1', '10', '100'].flatMap((scale) => {
    const f = organizationsAt(scale);
    return f ? [`${ms(f.graphqlHttp.median)} ms at ${scale}x`] : [];
  });
  if (growth.length) {
    const at100 = organizationsAt('100');
    out.push(`| \`network(ORGANIZATIONS)\` under 100 ms at 100x (median, over HTTP) | ${growth.join(', ')}${at100 ? '' : '; not measured at 100x in this report'} | ${yes(!!at100 && at100.graphqlHttp.median < 100)} |`);
  }
  const ten = r.scales?.['10']?.families as Any[] | undefined;
  if (ten) {
    const pick = ten.filter((f) => f.family.startsWith('paths') || f.family === 'sharedPersonnel');
    out.push(`| \`paths\` and \`sharedPersonnel\` p95 under 50 ms at scale 10 | ${pick.map((f) => `${f.family} ${ms(f.graphqlHttp.p95)} ms`).join('; ')} | ${yes(pick.every((f) => f.graphqlHttp.p95 < 50))} |`);
  }
  out.push(...viewGoals(r));
  return out;
}

/** Every load test of the report: this run's and those merged in. */
function loadsOf(r: Any): Any[] {
  // A load test merged twice (from a report that had already merged it) counts once.
  const all: Any[] = [...(r.load ? [r.load] : []), ...(r.supplementLoads ?? [])];
  const key = (x: Any) => JSON.stringify([x.scale, x.client, x.requests, x.throughputPerSecond, x.latencyMs?.p99]);
  return all.filter((x, i) => all.findIndex((y) => key(y) === key(x)) === i);
}

/** The last load test merged at each scale (merged runs come in the order they were merged: later is newer). */
function latestLoads(loads: Any[]): Any[] {
  const byScale = new Map<string, Any>();
  for (const x of loads) byScale.set(String(x.scale ?? '-'), x);
  return [...byScale.values()];
}

/** The import figures of every scale (a report before they were per scale has one, on the graph at 1x). */
function importsOf(r: Any): Any[] {
  const perScale = Object.entries<Any>(r.scales ?? {}).flatMap(([scale, sc]) => (sc.importThroughput ? [{ ...sc.importThroughput, scale }] : []));
  return [...(r.importThroughput ? [{ ...r.importThroughput, scale: '1' }] : []), ...perScale];
}

/**
 * "Analytics at scale 1 and 10": each analytics question's median, beside the median of the same question in
 * the run recorded before the change (bench/analytics-before.json, the results.json of that run), when there is one.
 */
function analyticsSection(r: Any, beforeFile: string): string[] {
  const scales = Object.entries<Any>(r.scales ?? {}).filter(([, sc]) => sc.analytics);
  if (!scales.length) return [];
  const before: Any | null = fs.existsSync(beforeFile) ? JSON.parse(fs.readFileSync(beforeFile, 'utf8')) : null;
  const lines = ['## Analytics at scale 1 and 10', ''];
  lines.push(
    'Each question asks for every field of its answer, executed in-process (`execute()`, no HTTP): the first run, then the median and p95 of',
    `the runs after 2 warm-up runs.${before ? ` "Before": the same questions measured by \`${before.command}\` on ${String(before.date).slice(0, 10)}, code of commit ${before.commit}.${before.note ? ` ${before.note}` : ''}` : ''}`,
    '',
  );
  lines.push('| scale | question | before: first / median | after: first / median / p95 |', '| --- | --- | --- | --- |');
  for (const [scale, sc] of scales) {
    for (const a of sc.analytics) {
      const b = before?.scales?.[scale]?.analytics?.find((x: Any) => x.question === a.question);
      lines.push(`| ${scale} | ${a.question} | ${b ? `${ms(b.firstMs)} / ${ms(b.timing.median)}` : '-'} | ${ms(a.firstMs)} / ${ms(a.timing.median)} / ${ms(a.timing.p95)} |`);
    }
  }
  lines.push('');
  return lines;
}
