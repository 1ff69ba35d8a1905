// Each browser test file (jest project `browser`): a journey in Chromium takes longer than an API
// call. A project's own `testTimeout` is not read by Jest 30 (only the root one), hence this file.
jest.setTimeout(60_000);
