import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The server's layers are kept by the linter (eslint.config.mjs: `import-x/no-restricted-paths` with the
 * LAYER_ZONES, and `import-x/no-cycle`). These tests lint code that breaks them, with the repository's own
 * config, and expect the errors: a rule that stopped matching (a moved folder, a resolver that finds nothing)
 * would otherwise pass in silence.
 *
 * ESLint loads its config with a dynamic import, which Jest's module sandbox refuses, so the linting runs in a
 * child Node process. Type information is switched off there (`disableTypeChecked`): the layer rules need none,
 * and a file that is not on disk (the texts below, linted as if they were at `filePath`) has no TypeScript
 * project.
 */

const REPO = path.resolve(__dirname, '../..');

interface LintCase {
  /** Where the text is linted as if it were (relative to the repository). */
  filePath: string;
  /** The text; without it, the file on disk. */
  code?: string;
}

interface LintMessage {
  ruleId: string | null;
  message: string;
}

const RUNNER = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(process.cwd() + '/package.json');
const { ESLint } = require('eslint');
const tseslint = require('typescript-eslint');
const cases = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: process.cwd(), ignore: false, overrideConfig: [tseslint.configs.disableTypeChecked] });
const out = [];
for (const c of cases) {
  const [result] = c.code === undefined ? await eslint.lintFiles([c.filePath]) : await eslint.lintText(c.code, { filePath: c.filePath });
  out.push(result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
}
const defaults = new ESLint({ cwd: process.cwd() });
out.push(await defaults.isPathIgnored('tests/fixtures/lint/cycle-a.ts'));
process.stdout.write(JSON.stringify(out));
`;

const CASES = {
  dbImportsModules: {
    filePath: 'server/src/db/layer-fixture.ts',
    code: "import { DATE_PATTERN } from '../modules/common/period';\n\nexport const pattern = DATE_PATTERN;\n",
  },
  authImportsModules: {
    filePath: 'server/src/auth/layer-fixture.ts',
    code: "import type { Mission } from '../modules/mission/mission.type';\n\nexport type M = Mission;\n",
  },
  importImportsModules: {
    filePath: 'server/src/import/layer-fixture.ts',
    code: "import { EntityRepository } from '../modules/common/entity.repository';\n\nexport const repository = EntityRepository;\n",
  },
  modulesImportsHttp: {
    filePath: 'server/src/modules/mission/layer-fixture.ts',
    code: "import { requestContext } from '../../http/request-context';\n\nexport const context = requestContext;\n",
  },
  modelImportsDb: {
    filePath: 'server/src/model/layer-fixture.ts',
    code: "import type { Database } from '../db/database';\n\nexport type D = Database;\n",
  },
  dbImportsModel: {
    filePath: 'server/src/db/layer-fixture.ts',
    code: "import { NODE_LABELS } from '../model/graph';\n\nexport const labels = NODE_LABELS;\n",
  },
  modulesImportsRequest: {
    filePath: 'server/src/modules/mission/layer-fixture.ts',
    code: "import type { GraphQLContext } from '../../request/context';\n\nexport type C = GraphQLContext;\n",
  },
  cycleA: { filePath: 'tests/fixtures/lint/cycle-a.ts' },
  cycleB: { filePath: 'tests/fixtures/lint/cycle-b.ts' },
  // The files that crossed the layers before the request context and the loaders moved to request/.
  authChecker: { filePath: 'server/src/auth/auth-checker.ts' },
  loaders: { filePath: 'server/src/request/loaders.ts' },
  prefetch: { filePath: 'server/src/modules/common/prefetch.ts' },
} satisfies Record<string, LintCase>;

type CaseName = keyof typeof CASES;
let messages: Record<CaseName, LintMessage[]>;
let fixturesIgnored: boolean;

beforeAll(() => {
  const names = Object.keys(CASES) as CaseName[];
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', RUNNER], {
    cwd: REPO,
    input: JSON.stringify(names.map((n) => CASES[n])),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`the lint runner failed (${run.status}): ${run.stderr}`);
  const out = JSON.parse(run.stdout) as [...LintMessage[][], boolean];
  fixturesIgnored = out.pop() as boolean;
  messages = Object.fromEntries(names.map((n, i) => [n, out[i] as LintMessage[]])) as Record<CaseName, LintMessage[]>;
}, 60_000);

/** The messages of one rule (others, such as unused names, are not what these tests are about). */
function of(name: CaseName, rule: string): string[] {
  return messages[name].filter((m) => m.ruleId === rule).map((m) => m.message);
}

const RESTRICTED = 'import-x/no-restricted-paths';
const CYCLE = 'import-x/no-cycle';

describe('the layers rule (import-x/no-restricted-paths)', () => {
  test.each([
    ['db', 'dbImportsModules', '../modules/common/period'],
    ['auth', 'authImportsModules', '../modules/mission/mission.type'],
    ['import', 'importImportsModules', '../modules/common/entity.repository'],
  ] as const)('%s/ may not import modules/', (_layer, name, imported) => {
    const found = of(name, RESTRICTED);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`Unexpected path "${imported}" imported in restricted zone.`);
    expect(found[0]).toMatch(/never imports .*\bmodules\//);
  });

  test('modules/ may not import http/, even for a type', () => {
    expect(of('modulesImportsHttp', RESTRICTED)).toEqual([expect.stringContaining('modules/ never imports http/')]);
  });

  test('model/ imports nothing of the server, not even the database type', () => {
    expect(of('modelImportsDb', RESTRICTED)).toEqual([expect.stringContaining('model/ is the bottom layer')]);
  });

  test('imports down the layers pass: db/ reads the model, modules/ read the request context', () => {
    expect(messages.dbImportsModel).toEqual([]);
    expect(messages.modulesImportsRequest).toEqual([]);
  });
});

describe('the cycle rule (import-x/no-cycle)', () => {
  test('two files that import each other are both reported', () => {
    expect(of('cycleA', CYCLE)).toEqual(['Dependency cycle detected']);
    expect(of('cycleB', CYCLE)).toEqual(['Dependency cycle detected']);
  });

  test('the cycle fixtures are left out of `npm run lint` (only this test lints them)', () => {
    expect(fixturesIgnored).toBe(true);
  });
});

test('the files that crossed the layers before (auth-checker, loaders, look-ahead) now pass both rules', () => {
  for (const name of ['authChecker', 'loaders', 'prefetch'] as const) {
    expect(messages[name].filter((m) => m.ruleId === RESTRICTED || m.ruleId === CYCLE)).toEqual([]);
  }
});

/** The files of server/src each file imports by a relative path, `import type` included. */
function importGraph(dir: string): Map<string, string[]> {
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .filter((i) => i.fileName.startsWith('.'))
      .map((i) => path.resolve(path.dirname(file), i.fileName))
      .map((t) => [`${t}.ts`, path.join(t, 'index.ts')].find((c) => fs.existsSync(c)))
      .filter((t): t is string => t !== undefined);
    graph.set(file, targets);
  }
  return graph;
}

/** One cycle of the graph (as a list of files, the first repeated at the end), or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): string[] | null => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of graph.keys()) {
    if (state.has(file)) continue;
    const found = visit(file);
    if (found) return found;
  }
  return null;
}

test('server/src has no import cycle, not even through `import type` (which import-x/no-cycle does not follow)', () => {
  const server = path.join(REPO, 'server', 'src');
  const cycle = findCycle(importGraph(server));
  expect(cycle?.map((f) => path.relative(server, f)) ?? null).toBeNull();
  // The check itself finds the fixtures' cycle.
  expect(findCycle(importGraph(path.join(REPO, 'tests', 'fixtures', 'lint')))).not.toBeNull();
});
