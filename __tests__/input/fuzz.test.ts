import { fuzz } from './fuzz-harness';

// Seeded fuzzing of every reader (issue 14 item 6): one result per input record, clean neighbours
// unchanged, no throw. `npm run fuzz` runs the same property 20,000 times per format.
describe('readers under fuzzing (seeded)', () => {
  for (const format of ['ndjson', 'csv', 'x12', 'json'] as const) {
    it(`${format}: one item per record, neighbours unchanged, no throw (300 runs)`, async () => {
      await fuzz(format, 300, 14);
    }, 60_000);
  }
});
