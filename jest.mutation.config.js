/**
 * The unit project of jest.config.js, narrowed to the specs of the folders of pure rules: what
 * StrykerJS (stryker.config.mjs, npm run test:mutation) runs against each mutant, and where it
 * reads the folders to mutate. Loaded inside Stryker's sandbox copy, so `rootDir` (the unit
 * project's __dirname) is the sandbox, where the mutated files are.
 */
const { projects } = require('./jest.config.js');

const RULE_FOLDERS = [
  'libs/rules/src/rules',
  'libs/matching/src/rules',
  'libs/company/src/rules',
  'libs/citizen/src/rules',
];

const unit = projects.find((p) => p.displayName === 'unit');
if (!unit) throw new Error('jest.config.js has no unit project');

module.exports = {
  ...unit,
  testMatch: RULE_FOLDERS.map((folder) => `<rootDir>/${folder}/**/*.spec.ts`),
};
