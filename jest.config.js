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
  testSequencer: '<rootDir>/tests/helpers/sequencer.js',
  testEnvironmentOptions: { globalsCleanup: 'on' },
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
  ],
};
