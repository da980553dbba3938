/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  // Jest's default is one worker less than the cores: one on a 2-core machine. Many suites wait on child
  // processes (CLI, server, Redis, Chromium), so two workers finish in ~110 s instead of ~140 s there.
  maxWorkers: 2,
  roots: ['<rootDir>/__tests__'],
  setupFiles: ['<rootDir>/__tests__/setup/fast-check.ts'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
};
