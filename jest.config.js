/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  // Jest's default is one worker less than the cores: one on a 2-core machine. Many suites wait on child
  // processes (CLI, server, Redis, Chromium), so two workers finish in ~110 s instead of ~140 s there.
  maxWorkers: 2,
  // A worker's heap in use grows ~10-15 MB a test file (each file loads the rule set again; V8 frees it late):
  // ~1.1 GB each by the end. Jest starts a fresh worker after a file that leaves more than this in use (a
  // fresh one starts at ~40-60 MB). A worker's whole memory is ~1.5x its heap in use: at 300MB the two were
  // ~0.5 GB each before a restart, at 150MB ~0.25-0.35 GB. __tests__/rules, claim and scrub with two workers:
  // peak 1,029 -> 724 MB, time the same (~31-34 s; 100MB: 646 MB but 36 s, the restarts cost more).
  workerIdleMemoryLimit: '150MB',
  roots: ['<rootDir>/__tests__'],
  // dist/ is `npm run build` of the current sources before any test (the bin, package and queue tests run it).
  globalSetup: '<rootDir>/__tests__/setup/build.js',
  setupFiles: ['<rootDir>/__tests__/setup/fast-check.ts'],
  // The suites that start processes first, then the browser suite, so Chromium does not run beside them.
  testSequencer: '<rootDir>/__tests__/setup/sequencer.js',
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
};
