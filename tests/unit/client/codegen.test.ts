/**
 * The client's API types are generated from schema.graphql and the client's documents (codegen.ts): the committed
 * client/src/api/generated.ts must be what the codegen makes of them now, so that a change of the schema or of a
 * query that is not followed by `npm run codegen` fails here.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GENERATED_FILE } from '../../../codegen';

const ROOT = resolve(__dirname, '../../..');

/**
 * Runs @graphql-codegen/cli's `generate(config, false)` on codegen.ts (in memory: nothing is written) and returns
 * the text it makes of each file. In a child node: the CLI requires an ES module (yargs) that jest's CommonJS
 * runtime cannot load, and node can.
 */
function generateInMemory(): Map<string, string> {
  const script = `
    const { generate, loadCodegenConfig } = require('@graphql-codegen/cli');
    loadCodegenConfig({ configFilePath: 'codegen.ts' })
      .then(({ config }) => generate(config, false))
      .then((outputs) => process.stdout.write(JSON.stringify(outputs.map((o) => [o.filename, o.content]))))
      .catch((err) => { console.error(err); process.exit(1); });`;
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return new Map(JSON.parse(out) as [string, string][]);
}

describe('client/src/api/generated.ts', () => {
  let outputs: Map<string, string>;
  beforeAll(() => {
    outputs = generateInMemory();
  });

  it('is what `npm run codegen` generates from schema.graphql and the documents in client/src/api', () => {
    const expected = outputs.get(GENERATED_FILE);
    expect(expected).toBeDefined();
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(expected);
  });

  it('types the answer and the variables of every operation the client sends', () => {
    const content = outputs.get(GENERATED_FILE) ?? '';
    for (const op of [
      'Network',
      'Facets',
      'Neighbors',
      'Paths',
      'EdgeRecord',
      'Series',
      'Search',
      'Orgs',
      'Org',
      'NodeDetails',
      'Contributors',
      'Shared',
      'Stats',
      'MspoPeriods',
    ]) {
      expect(content).toContain(`export type ${op}Query = `);
      expect(content).toContain(`export type ${op}QueryVariables = `);
    }
  });
});
