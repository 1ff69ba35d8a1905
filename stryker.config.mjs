// @ts-check
import jestMutation from './jest.mutation.config.js';

/** The folders whose specs jest.mutation.config.js runs are the folders mutated. */
const RULE_FOLDERS = jestMutation.testMatch.map((glob) =>
  glob.replace('<rootDir>/', '').replace('/**/*.spec.ts', ''),
);

/**
 * Mutation testing of the pure rules (npm run test:mutation): each rules folder's code is mutated
 * and the unit specs of those folders must notice. One folder only:
 *   npm run test:mutation -- --mutate 'libs/rules/src/rules/**\/*.ts,!libs/rules/src/rules/**\/*.spec.ts'
 * The report lands in reports/mutation/ (not committed).
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.mutation.config.js',
    // Each mutant runs only the specs that import its file.
    enableFindRelatedTests: true,
  },
  mutate: RULE_FOLDERS.flatMap((folder) => [`${folder}/**/*.ts`, `!${folder}/**/*.spec.ts`]),
  coverageAnalysis: 'perTest',
  // Mutants of module-level constants (message tables, the rule list) rerun every spec and took
  // most of the time (18% of libs/rules' mutants, 59% of the time); the report counts them as
  // ignored. Drop this line for a full run.
  ignoreStatic: true,
  // Two cores, shared with other people's test runs.
  concurrency: 1,
  timeoutMS: 30000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  tempDirName: '.stryker-tmp',
  // The sandbox needs the libraries, the configs and node_modules (linked), not the rest.
  ignorePatterns: [
    'dist',
    '.data',
    'coverage',
    'reports',
    'apps/portal',
    'bench',
    'docs',
    'docker',
    'test',
    '.stryker-tmp',
  ],
  cleanTempDir: true,
};
