import fs from 'node:fs';

type Any = Record<string, any>;  

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-');

/** Writes BENCHMARKS.md from the results of one run. */
export function writeReport(file: string, r: Any): void {
  const lines: string[] = [];
  lines.push('# Benchmarks', '');
  lines.push(`Measured by \`${r.command}\` on ${r.date.slice(0, 10)}: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, Neo4j ${r.machine.neo4j} (embedded, the project's local default).`);
  lines.push('Every figure is from one run of the script, the two sides of each comparison measured alternately, in milliseconds (median and p95 of', `${r.runs} runs after 5 warm-up runs). The machine is shared and noisy: read the ratios, not single times. Raw figures: \`bench/results.json\`.`, '');
  for (const [scale, s] of Object.entries<Any>(r.scales ?? {})) {
    lines.push(`## Query families at scale ${scale} (${s.size.nodes} nodes, ${s.size.relationships} relationships)`, '');
    lines.push('GraphQL over HTTP against the same Cypher statements the API sent, replayed one after another with `neo4j-driver` (the limit).', '');
    lines.push('| family | statements | GraphQL median | GraphQL p95 | driver median | driver p95 | ratio |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const f of s.families) lines.push(`| ${f.family} | ${f.statements} | ${ms(f.graphqlHttp.median)} | ${ms(f.graphqlHttp.p95)} | ${ms(f.direct.median)} | ${ms(f.direct.p95)} | ${f.ratio} |`);
    lines.push('');
    if (s.versusNeo4jGraphQL) {
      lines.push('### Against @neo4j/graphql on the same questions and database', '', 'Both schemas executed in-process with `graphql()` (no HTTP), alternately.', '');
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
  if (r.importThroughput) {
    const t = r.importThroughput;
    lines.push('## Import throughput', '', `\`${t.file}\` (${t.rows} rows), median of ${t.runs} alternating runs into the seeded graph:`, '');
    lines.push('| import command | LOAD CSV ... CALL { } IN TRANSACTIONS | ratio |', '| --- | --- | --- |');
    lines.push(`| ${t.importCommandRowsPerSecond} rows/s | ${t.loadCsvRowsPerSecond} rows/s | ${t.ratio} |`, '');
  }
  const scales = Object.entries<Any>(r.scales ?? {});
  if (scales.length > 1) {
    lines.push('## Growth with scale (GraphQL over HTTP)', '');
    lines.push(`| family | ${scales.map(([k]) => `median / p95 at ${k}x`).join(' | ')} |`, `| --- | ${scales.map(() => '---').join(' | ')} |`);
    const names: string[] = scales[0]?.[1].families.map((f: Any) => f.family) ?? [];
    for (const name of names) {
      const cells = scales.map(([, sc]) => {
        const f = sc.families.find((x: Any) => x.family === name);
        return f ? `${ms(f.graphqlHttp.median)} / ${ms(f.graphqlHttp.p95)}` : '-';
      });
      lines.push(`| ${name} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  if (r.load) {
    const l = r.load;
    lines.push('## Concurrent load', '', `autocannon, ${l.connections} connections for ${l.seconds} s, cycling through the query families above (network excluded), on the graph at the largest scale measured.`, '');
    lines.push('| requests | per second | errors | p50 | p97.5 | p99 |', '| --- | --- | --- | --- | --- | --- |');
    lines.push(`| ${l.requests} | ${l.throughputPerSecond} | ${l.errors} | ${l.latencyMs.p50} | ${l.latencyMs.p97_5} | ${l.latencyMs.p99} |`, '');
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}
