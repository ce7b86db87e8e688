// ESLint flat config: type-aware rules for the server, tests and scripts, and the server's layers.
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const SERVER = 'server/src';
const FOLDERS = ['model', 'db', 'auth', 'request', 'import', 'export', 'modules', 'http', 'cli'];
/** The files at the root of server/src above the API: the schema's assembly and the commands' start-up. */
const TOP = ['schema.ts', 'schema-file.ts', 'bootstrap.ts'];
/**
 * The server's layers, bottom to top: the root helpers (config, logger, errors, paths, version) and model/;
 * db/; auth/, request/, import/, export/; modules/ (the API); schema.ts and http/; cli/ and bootstrap.ts.
 * Each zone names what a folder may not import, and why (the text of the lint error).
 */
const named = (t) => (t.endsWith('.ts') ? t : `${t}/`);
const layer = (target, from, why) => ({
  target: [target].flat().map((t) => `${SERVER}/${t}`),
  from: from.map((f) => `${SERVER}/${f}`),
  message: `${[target].flat().map(named).join(', ')} never imports ${from.map(named).join(', ')}: ${why}`,
});
const LAYER_ZONES = [
  layer(
    ['config.ts', 'logger.ts', 'errors.ts', 'paths.ts', 'version.ts'],
    [...FOLDERS, ...TOP],
    'the root helpers are under every layer.',
  ),
  {
    target: `${SERVER}/model`,
    from: SERVER,
    except: ['./model'],
    message:
      "model/ is the bottom layer (the graph's labels, relationship specs and sources): it imports nothing of server/src.",
  },
  layer(
    'db',
    ['auth', 'request', 'import', 'export', 'modules', 'http', 'cli', ...TOP],
    'db/ reads and writes Neo4j for the layers above it and imports only model/ and the root helpers.',
  ),
  layer(
    'auth',
    ['import', 'export', 'modules', 'http', 'cli', ...TOP],
    'auth/ (tokens, the role check) sits under the API modules.',
  ),
  layer(
    'request',
    ['import', 'export', 'modules', 'http', 'cli', ...TOP],
    'request/ (the context and loaders every resolver receives) sits under the API modules.',
  ),
  layer(
    'import',
    ['auth', 'request', 'export', 'modules', 'http', 'cli', ...TOP],
    'import/ writes the graph from files with db/ and model/, under the API modules.',
  ),
  layer(
    'export',
    ['auth', 'request', 'import', 'modules', 'http', 'cli', ...TOP],
    'export/ writes files from the graph with db/ and model/, under the API modules.',
  ),
  layer(
    'modules',
    ['http', 'cli', ...TOP],
    'the API modules receive their request context from request/, which http/ builds.',
  ),
  layer('http', ['cli'], 'the commands start the server, not the other way round.'),
];

export default tseslint.config(
  {
    ignores: [
      'tests/helpers/sequencer.js',
      'tests/e2e/sequencer.js',
      'client/vite.config.mjs',
      'dist/**',
      'node_modules/**',
      'client/dist/**',
      'coverage/**',
      'server/neo4j-embedded/**',
      '*.config.js',
      '*.config.mjs',
      'tests/fixtures/lint/**',
      'client/src/api/generated.ts',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    // The layers: no import cycle in the server, and no import against the layers (LAYER_ZONES). The lint
    // fixtures that prove both rules fail (tests/unit/lint-layers.test.ts) are linted only by that test.
    files: [`${SERVER}/**/*.ts`, 'tests/fixtures/lint/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // import-x reads the imported .ts files itself (to follow cycles), with the TypeScript parser.
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${import.meta.dirname}/tsconfig.json` })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: LAYER_ZONES }],
    },
  },
  {
    // Tests read loosely typed GraphQL answers.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // The command dispatcher: plain CommonJS run by node itself (no type information).
    files: ['bin/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', process: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
