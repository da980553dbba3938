// npm run fuzz [-- RUNS [SEED]]: the reader fuzz property at length (default 20,000 runs per format).
import { fuzz, type FuzzFormat } from './fuzz-harness';

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 20_000);
  const seed = Number(process.argv[3] ?? 14);
  let failed = false;
  for (const format of ['ndjson', 'csv', 'x12', 'json'] as FuzzFormat[]) {
    const started = Date.now();
    try {
      await fuzz(format, runs, seed);
      process.stdout.write(`${format}: ${runs} seeded mutations (seed ${seed}), invariant holds (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    } catch (error) {
      failed = true;
      process.stdout.write(`${format}: FAILED after ${((Date.now() - started) / 1000).toFixed(1)} s\n${(error as Error).message.slice(0, 2000)}\n`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}
void main();
