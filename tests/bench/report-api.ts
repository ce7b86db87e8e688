/**
 * The parts of BENCHMARKS.md about the API (report.ts writes the rest): the query families against the bare
 * HTTP endpoint and the driver, @neo4j/graphql, the load test and memory, and their rows of the goals table.
 */
type Any = Record<string, any>;

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-');

/** The goal of issue 19 for the overhead: over HTTP against the bare endpoint, in process against the driver. */
const MAX_OVERHEAD = 1.1;
/** The goals of issue 19 under load at 10x. */
const MIN_THROUGHPUT = 150;
const MAX_P99_MS = 300;

/** The query families table of one scale. */
export function familiesSection(s: Any, r: Any): string[] {
  const lines: string[] = [];
  const withBare = (s.families ?? []).some((f: Any) => f.bareHttp);
  lines.push(
    'GraphQL over HTTP against a bare Node HTTP endpoint (`tests/bench/bare-endpoint.ts`: `node:http`, a JSON body in, the same Cypher',
    'statements the API sent for the family run with `neo4j-driver`, their rows as JSON out; the same keep-alive client), the same document',
    'executed in-process by `graphql` `execute()` (the GraphQL layer without HTTP; Apollo caches parsing and validation the same way), and the',
    'statements replayed one after another with the driver alone. All four alternately, run by run. The goals: GraphQL over HTTP / bare',
    `endpoint ("HTTP ratio") and in-process / driver ("in-process ratio") at most ${MAX_OVERHEAD}; "driver ratio" (GraphQL over HTTP / driver, unlike things) is kept to compare with earlier reports.`,
    'The last column is the CPU time of the process that serves both (mean per request, user + system, Neo4j\'s own excluded): the',
    'server\'s work, which waiting for other processes on a shared machine does not lengthen.',
    '',
  );
  if (withBare) {
    lines.push(
      '| family | statements | GraphQL median | GraphQL p95 | bare HTTP median | bare HTTP p95 | in-process median | driver median | HTTP ratio | in-process ratio | driver ratio | CPU per request: GraphQL / bare |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const f of s.families ?? [])
      lines.push(
        `| ${f.family} | ${f.statements} | ${ms(f.graphqlHttp.median)} | ${ms(f.graphqlHttp.p95)} | ${ms(f.bareHttp?.median)} | ${ms(f.bareHttp?.p95)} | ${ms(f.execute?.median)} | ${ms(f.direct.median)} | ${f.bareRatio ?? '-'} | ${f.executeRatio ?? '-'} | ${f.ratio} | ${f.cpuMs ? `${ms(f.cpuMs.graphqlHttp)} / ${ms(f.cpuMs.bareHttp)}` : '-'} |`,
      );
  } else {
    lines.push(
      '| family | statements | GraphQL median | GraphQL p95 | in-process median | driver median | driver p95 | ratio | in-process ratio |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const f of s.families ?? [])
      lines.push(`| ${f.family} | ${f.statements} | ${ms(f.graphqlHttp.median)} | ${ms(f.graphqlHttp.p95)} | ${ms(f.execute?.median)} | ${ms(f.direct.median)} | ${ms(f.direct.p95)} | ${f.ratio} | ${f.executeRatio ?? '-'} |`);
  }
  const fixed = s.httpFixedCost ?? r.httpFixedCost;
  if (fixed) lines.push('', `The fixed cost of one request through HTTP and Apollo in the same run, without database work (\`{ __typename }\`): median ${ms(fixed.median)} ms, p95 ${ms(fixed.p95)} ms.`);
  if (s.memory) lines.push('', `Memory after the families at this scale: ${memoryText(s.memory)}.`);
  lines.push('');
  return lines;
}

/** The @neo4j/graphql table of one scale. */
export function versusSection(v: Any[]): string[] {
  const lines = ['### Against @neo4j/graphql on the same questions and database', ''];
  lines.push(
    `Both schemas executed in-process with \`graphql()\` (no HTTP), alternately${v[0]?.runs ? ` (median of ${v[0].runs} runs each)` : ''}; before timing, the two answers of each question are`,
    'checked to say the same (`tests/bench/versus.ts`; lists compared as sets, and the contributing states of a mission as a set, since @neo4j/graphql',
    'reads one state per monthly record).',
    '',
  );
  lines.push('| question | this API median | @neo4j/graphql median | ratio |', '| --- | --- | --- | --- |');
  for (const x of v) lines.push(`| ${x.question} | ${ms(x.ours.median)} | ${ms(x.neo4jGraphql.median)} | ${x.ratio} |`);
  lines.push('');
  return lines;
}

/** Memory figures in words. */
function memoryText(m: Any): string {
  const mb = (x: number | null | undefined) => (x === null || x === undefined ? 'not read' : `${Math.round(x)} MiB`);
  return `the API's process RSS ${mb(m.apiRssMiB)} (JS heap used ${mb(m.apiHeapUsedMiB)}); Neo4j RSS ${mb(m.neo4jRssMiB)} (peak ${mb(m.neo4jPeakRssMiB)}), JVM heap used ${mb(m.neo4jHeapUsedMiB)} of ${mb(m.neo4jHeapCommittedMiB)} committed (maximum ${mb(m.neo4jHeapMaxMiB)})`;
}

/** The concurrent load table (every load test merged into the report). */
export function loadSection(loads: Any[]): string[] {
  if (!loads.length) return [];
  const l = loads[0];
  const lines = ['## Concurrent load', ''];
  lines.push(
    `autocannon, ${l.connections} connections for ${l.seconds} s, cycling through the query families above (network excluded), on the graph at the largest scale of each run.`,
    'Since issue 19 autocannon runs in a process of its own ("own process"); until then it ran on the event loop of the process that serves the API ("in-process"), measured again in the same run for comparison.',
    'Rows in the order the runs were merged (the header lists them); the goals table reads the last run at each scale.',
    '',
  );
  lines.push('| scale | client | requests | per second | errors | p50 | p97.5 | p99 |', '| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const x of loads) {
    for (const y of [x, ...(x.inProcessClient ? [{ ...x.inProcessClient, scale: x.scale }] : [])])
      lines.push(`| ${y.scale ?? '-'} | ${y.client ?? 'in-process'} | ${y.requests} | ${y.throughputPerSecond} | ${y.errors} | ${y.latencyMs.p50} | ${y.latencyMs.p97_5} | ${y.latencyMs.p99} |`);
  }
  lines.push('');
  for (const x of loads) if (x.memoryAfter) lines.push(`Memory right after the load test at ${x.scale}x: ${memoryText(x.memoryAfter)}.`, '');
  return lines;
}

/** The rows of the goals table for the families, @neo4j/graphql and load. */
export function apiGoals(r: Any, loads: Any[]): string[] {
  const out: string[] = [];
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  const scales = Object.entries<Any>(r.scales ?? {});
  const families = scales.flatMap(([scale, sc]) => (sc.families ?? []).map((f: Any) => ({ ...f, scale })));
  const range = (xs: number[]) => `${Math.min(...xs)} to ${Math.max(...xs)}x`;
  const overList = (fs: Any[], key: string) => fs.map((f) => `${f.family} at ${f.scale}x (${f[key]})`).join(', ');
  const withBare = families.filter((f) => typeof f.bareRatio === 'number');
  if (withBare.length) {
    const over = withBare.filter((f) => f.bareRatio > MAX_OVERHEAD);
    out.push(`| GraphQL over HTTP at most ${MAX_OVERHEAD}x the bare HTTP endpoint at the median, every family and scale | ${range(withBare.map((f) => f.bareRatio))}${over.length ? `; over: ${overList(over, 'bareRatio')}` : ''} | ${yes(!over.length)} |`);
  }
  const withExecute = families.filter((f) => typeof f.executeRatio === 'number');
  if (withExecute.length) {
    const over = withExecute.filter((f) => f.executeRatio > MAX_OVERHEAD);
    out.push(`| In process at most ${MAX_OVERHEAD}x the driver at the median, every family and scale | ${range(withExecute.map((f) => f.executeRatio))}${over.length ? `; over: ${overList(over, 'executeRatio')}` : ''} | ${yes(!over.length)} |`);
  }
  const versus = scales.flatMap(([, sc]) => sc.versusNeo4jGraphQL ?? []);
  if (versus.length) {
    const slower = versus.filter((v: Any) => v.ratio > 1);
    out.push(`| At least as fast as @neo4j/graphql on ${versus.length} equivalent questions (same answers checked) | ratios ${versus.map((v: Any) => v.ratio).join(', ')} (ours / theirs) | ${yes(!slower.length)} |`);
  }
  if (loads.length) {
    const errors = loads.reduce((n, x) => n + Number(x.errors), 0);
    out.push(`| No errors under load | ${loads.map((x) => `${x.errors} errors in ${x.requests} requests${x.scale ? ` at ${x.scale}x` : ''}`).join('; ')} | ${yes(errors === 0)} |`);
    const ten = loads.filter((x) => String(x.scale) === '10');
    const ok = ten.length > 0 && ten.every((x) => x.throughputPerSecond >= MIN_THROUGHPUT && x.latencyMs.p99 < MAX_P99_MS && Number(x.errors) === 0);
    const tenText = ten.length ? ten.map((x) => `${x.throughputPerSecond}/s, p99 ${x.latencyMs.p99} ms, ${x.errors} errors (client ${x.client ?? 'in-process'})`).join('; ') : 'not measured at 10x in this report';
    out.push(`| Under load at 10x: at least ${MIN_THROUGHPUT} requests per second, p99 under ${MAX_P99_MS} ms, no errors | ${tenText} | ${yes(ok)} |`);
    const hundred = loads.filter((x) => String(x.scale) === '100' && x.memoryAfter);
    out.push(`| Memory of the API and Neo4j reported at 100x | ${hundred.length ? hundred.map((x) => memoryText(x.memoryAfter)).join('; ') : 'not measured at 100x in this report'} | ${yes(hundred.length > 0)} |`);
  }
  return out;
}
