import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, runCli } from '../helpers/cli';

// --jobs: the same results, in the same order, as one thread. The workers load TypeScript through
// ts-node here, so this is slow to start and measures nothing about speed.

const cli = (args: string[], stdin = '') => runCli(args, { stdin });

describe('check --jobs', () => {
  it('gives the one-thread results in input order, across files, with the same summary', async () => {
    // Enough records for several batches per worker, mixed with rejections, over two inputs.
    const seed = fs.readFileSync(path.join(ROOT, 'samples', 'seed.ndjson'), 'utf8').trim().split('\n');
    // Every 150th record reuses one claim id, so duplicates fall in different worker batches.
    const lines = Array.from({ length: 700 }, (_, i) => seed[i % seed.length].replace(/"CLM-(\d+)"/, i % 150 === 0 ? '"CLM-DUP"' : `"CLM-$1-${i}"`));
    const stdin = `${lines.join('\n')}\n`;
    const args = ['check', '-', 'samples/seed.csv', '--format', 'ndjson', '--progress'];
    const one = await cli(args, stdin);
    const two = await cli([...args, '--jobs', '2'], stdin);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr.split('\n').slice(1)).toEqual(one.stderr.split('\n').slice(1)); // all but the timing line
    expect(two.stdout.trim().split('\n')).toHaveLength(704);
    expect(two.stdout.match(/integrity\/duplicate-claim-id/g)).toHaveLength(4); // records 150, 300, 450, 600 repeat record 0's id
  }, 120_000);

  it('rejects a --jobs that is not a count', async () => {
    expect(await cli(['check', 'samples/seed.ndjson', '--jobs', 'many'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--jobs must be a whole number') });
  });
});
