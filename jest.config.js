/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  // Jest's default is one worker less than the cores: one on a 2-core machine. Many suites wait on child
  // processes (CLI, server, Redis, Chromium), so two workers finish in ~110 s instead of ~140 s there.
  maxWorkers: 2,
  // A worker's heap grows ~20 MB a test file (each file loads the rule set again, and V8 collects lazily): to
  // ~1.1 GB by the end, two of them. Jest starts a fresh worker after a file that leaves more than this in use,
  // so the whole run stays under 1.5 GB (proportional set size of every process, Chromium included).
  workerIdleMemoryLimit: '300MB',
  roots: ['<rootDir>/__tests__'],
  // dist/ is `npm run build` of the current sources before any test (the bin, package and queue tests run it).
  globalSetup: '<rootDir>/__tests__/setup/build.js',
  setupFiles: ['<rootDir>/__tests__/setup/fast-check.ts'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
};
