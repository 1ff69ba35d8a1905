/** Unit tests run alone; integration and end-to-end tests share one real PostgreSQL (see libs/testing). */
const moduleNameMapper = {
  '^@jobbro/([a-z]+)$': '<rootDir>/libs/$1/src',
  '^@jobbro/([a-z]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }],
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleNameMapper,
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  // A benchmark baseline (BENCH_BASELINE) is a whole older checkout: never its tests.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/bench/\\.baseline/', '<rootDir>/\\.data/'],
  modulePathIgnorePatterns: ['<rootDir>/bench/\\.baseline/'],
};

module.exports = {
  maxWorkers: 2,
  // Integration hooks start an app and sign users in (argon2 is slow on purpose).
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,bench}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts', '<rootDir>/test/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    },
    // The hostile-client suite (npm run test:security): fuzzing, IDOR, rate limits, transport.
    {
      ...common,
      displayName: 'security',
      testMatch: ['<rootDir>/test/security/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    },
    // The portal in Chromium (npm run test:browser): its setup also finds Chromium and builds it.
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/browser-global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/browser-global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/browser-setup.ts'],
    },
  ],
};
