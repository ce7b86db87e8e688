/**
 * One Neo4j for the whole run (tests/helpers/global-setup.ts); integration test files isolate their data by
 * resetting the graph in beforeAll, so the run is serial (--runInBand in package.json).
 * @type {import('jest').Config}
 */
const base = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: false }] },
};

module.exports = {
  testTimeout: 120000,
  // tests/e2e/sequencer.js keeps tests/helpers/sequencer.js's order and runs the browser tests last, on the seeded graph.
  testSequencer: '<rootDir>/tests/e2e/sequencer.js',
  testEnvironmentOptions: { globalsCleanup: 'on' },
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/unit/client/'],
    },
    {
      // The network view's graph logic on a headless Cytoscape (browser code: its own tsconfig with the DOM types).
      ...base,
      displayName: 'client',
      setupFiles: [],
      testMatch: ['<rootDir>/tests/unit/client/**/*.test.ts'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tests/unit/client/tsconfig.json', isolatedModules: false }] },
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
    {
      // The network view in headless Chromium (client/dist must be a test build: npm run build:client -- --mode test).
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tests/e2e/tsconfig.json', isolatedModules: false }] },
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
  ],
};
