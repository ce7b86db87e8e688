import fs from 'node:fs';
import path from 'node:path';

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
    lines.push(
      'GraphQL over HTTP against the same Cypher statements the API sent, replayed one after another with `neo4j-driver` (the limit), and the same',
      'document executed in-process by `graphql` `execute()` (the GraphQL layer without HTTP; Apollo caches parsing and validation the same way).',
      '',
    );
    lines.push(
      '| family | statements | GraphQL median | GraphQL p95 | in-process median | driver median | driver p95 | ratio | in-process ratio |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const f of s.families ?? [])
      lines.push(`| ${f.family} | ${f.statements} | ${ms(f.graphqlHttp.median)} | ${ms(f.graphqlHttp.p95)} | ${ms(f.execute?.median)} | ${ms(f.direct.median)} | ${ms(f.direct.p95)} | ${f.ratio} | ${f.executeRatio ?? '-'} |`);
    const fixed = s.httpFixedCost ?? r.httpFixedCost;
    if (fixed) lines.push('', `The fixed cost of one request through HTTP and Apollo in the same run, without database work (\`{ __typename }\`): median ${ms(fixed.median)} ms, p95 ${ms(fixed.p95)} ms.`);
    lines.push('');
    if (s.versusNeo4jGraphQL) {
      lines.push('### Against @neo4j/graphql on the same questions and database', '', `Both schemas executed in-process with \`graphql()\` (no HTTP), alternately${s.versusNeo4jGraphQL[0]?.runs ? ` (median of ${s.versusNeo4jGraphQL[0].runs} runs each)` : ''}.`, '');
      lines.push('| question | this API median | @neo4j/graphql median | ratio |', '| --- | --- | --- | --- |');
      for (const v of s.versusNeo4jGraphQL) lines.push(`| ${v.question} | ${ms(v.ours.median)} | ${ms(v.neo4jGraphql.median)} | ${v.ratio} |`);
      lines.push('');
    }
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
  const loads: Any[] = [...(r.load ? [r.load] : []), ...(r.supplementLoads ?? [])];
  if (loads.length) {
    const l = loads[0];
    lines.push('## Concurrent load', '', `autocannon, ${l.connections} connections for ${l.seconds} s, cycling through the query families above (network excluded), on the graph at the largest scale of each run.`, '');
    lines.push('| scale | requests | per second | errors | p50 | p97.5 | p99 |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const x of loads) lines.push(`| ${x.scale ?? '-'} | ${x.requests} | ${x.throughputPerSecond} | ${x.errors} | ${x.latencyMs.p50} | ${x.latencyMs.p97_5} | ${x.latencyMs.p99} |`);
    lines.push('');
  }
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
  const scales = Object.entries<Any>(r.scales ?? {});
  const families = scales.flatMap(([scale, sc]) => (sc.families ?? []).map((f: Any) => ({ ...f, scale })));
  if (families.length) {
    const over = families.filter((f) => f.ratio > 1.25);
    const ratios = families.map((f) => f.ratio as number);
    out.push(
      `| GraphQL at most 1.25x the driver at the median, every family | ${Math.min(...ratios)} to ${Math.max(...ratios)}x${over.length ? `; over 1.25x: ${over.map((f) => `${f.family} at ${f.scale}x (${f.ratio})`).join(', ')}` : ''} | ${yes(!over.length)} |`,
    );
  }
  const versus = scales.flatMap(([, sc]) => sc.versusNeo4jGraphQL ?? []);
  if (versus.length) {
    const slower = versus.filter((v: Any) => v.ratio > 1);
    out.push(`| At least as fast as @neo4j/graphql on equivalent questions | ratios ${versus.map((v: Any) => v.ratio).join(', ')} (ours / theirs) | ${yes(!slower.length)} |`);
  }
  if (r.roundTrips) {
    const counts = new Set(r.roundTrips.map((x: Any) => x.roundTrips));
    out.push(`| Constant round trips for nested queries | ${r.roundTrips.map((x: Any) => `${x.roundTrips} for ${x.missions}`).join(', ')} | ${yes(counts.size === 1)} |`);
  }
  const imports = importsOf(r);
  if (imports.length) {
    const figures = imports.map((t) => `${t.ratio}x of LOAD CSV, ${t.importCommandRowsPerSecond} rows/s at ${t.scale}x`).join('; ');
    out.push(`| Import at least 0.8x LOAD CSV and 20,000 rows/s | ${figures} | ${yes(imports.every((t) => t.ratio >= 0.8 && t.importCommandRowsPerSecond >= 20_000))} |`);
  }
  const ten = r.scales?.['10']?.families as Any[] | undefined;
  if (ten) {
    const pick = ten.filter((f) => f.family.startsWith('paths') || f.family === 'sharedPersonnel');
    out.push(`| \`paths\` and \`sharedPersonnel\` p95 under 50 ms at scale 10 | ${pick.map((f) => `${f.family} ${ms(f.graphqlHttp.p95)} ms`).join('; ')} | ${yes(pick.every((f) => f.graphqlHttp.p95 < 50))} |`);
  }
  out.push(...viewGoals(r));
  const loadRuns: Any[] = [...(r.load ? [r.load] : []), ...(r.supplementLoads ?? [])];
  if (loadRuns.length) {
    const errors = loadRuns.reduce((n, x) => n + Number(x.errors), 0);
    out.push(`| No errors under load | ${loadRuns.map((x) => `${x.errors} errors in ${x.requests} requests${x.scale ? ` at ${x.scale}x` : ''}`).join('; ')} | ${yes(errors === 0)} |`);
  }
  return out;
}

/** The import figures of every scale (a report before they were per scale has one, on the graph at 1x). */
function importsOf(r: Any): Any[] {
  const perScale = Object.entries<Any>(r.scales ?? {}).flatMap(([scale, sc]) => (sc.importThroughput ? [{ ...sc.importThroughput, scale }] : []));
  return [...(r.importThroughput ? [{ ...r.importThroughput, scale: '1' }] : []), ...perScale];
}
