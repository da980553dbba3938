/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  // Jest's default is one worker less than the cores: one on a 2-core machine. Many suites wait on child
  // processes (CLI, server, Redis, Chromium), so two workers finish in ~110 s instead of ~140 s there.
  maxWorkers: 2,
  // A worker's heap in use grows ~15-20 MB a test file (each file loads the rule set again; V8 frees it late):
  // ~1.1 GB each by the end. Jest starts a fresh worker after a file that leaves more than this in use. The
  // run's peak (proportional set size of every process) went from 2.0-2.2 GB to 1.2-1.7 GB; Chromium is
  // ~0.7 GB of it, and worker threads that load src/ through ts-node much of the rest.
  workerIdleMemoryLimit: '300MB',
  roots: ['<rootDir>/__tests__'],
  // dist/ is `npm run build` of the current sources before any test (the bin, package and queue tests run it).
  globalSetup: '<rootDir>/__tests__/setup/build.js',
  setupFiles: ['<rootDir>/__tests__/setup/fast-check.ts'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
};
