import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { run, type CliIo } from '../../src/cli/run';

// --jobs: the same results, in the same order, as one thread. The workers load TypeScript through
// ts-node here, so this is slow to start and measures nothing about speed.
const ROOT = path.join(__dirname, '..', '..');

async function cli(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const io: CliIo = { stdout, stderr, stdin: Readable.from([stdin]), stderrIsTTY: false, cwd: ROOT };
  const code = await run(args, io);
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

describe('check --jobs', () => {
  it('gives the one-thread results in input order, across files, with the same summary', async () => {
    // Enough records for several batches per worker, mixed with rejections, over two inputs.
    const seed = fs.readFileSync(path.join(ROOT, 'samples', 'seed.ndjson'), 'utf8').trim().split('\n');
    const lines = Array.from({ length: 700 }, (_, i) => seed[i % seed.length].replace(/"CLM-(\d+)"/, `"CLM-$1-${i}"`));
    const stdin = `${lines.join('\n')}\n`;
    const args = ['check', '-', 'samples/seed.csv', '--format', 'ndjson', '--progress'];
    const one = await cli(args, stdin);
    const two = await cli([...args, '--jobs', '2'], stdin);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr.split('\n').slice(1)).toEqual(one.stderr.split('\n').slice(1)); // all but the timing line
    expect(two.stdout.trim().split('\n')).toHaveLength(704);
  }, 120_000);

  it('rejects a --jobs that is not a count', async () => {
    expect(await cli(['check', 'samples/seed.ndjson', '--jobs', 'many'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--jobs must be a whole number') });
  });
});
