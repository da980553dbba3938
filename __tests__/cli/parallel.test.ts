import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers/cli';

// --jobs: the same results, in the same order, as one thread. These run the built bin (dist/, kept up to
// date by the tests' globalSetup), so the workers start as they do for a user, not through ts-node; they
// measure nothing about speed.

const BIN = path.join(ROOT, 'bin', 'claimscrub.js');
const cli = (args: string[], stdin = '') => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input: stdin, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('check --jobs', () => {
  it('gives the one-thread results in input order, across files, with the same summary', () => {
    // Enough records for several batches per worker, mixed with rejections, over two inputs.
    const seed = fs.readFileSync(path.join(ROOT, 'samples', 'seed.ndjson'), 'utf8').trim().split('\n');
    // Every 150th record reuses one claim id, so duplicates fall in different worker batches.
    const lines = Array.from({ length: 700 }, (_, i) => seed[i % seed.length].replace(/"CLM-(\d+)"/, i % 150 === 0 ? '"CLM-DUP"' : `"CLM-$1-${i}"`));
    const stdin = `${lines.join('\n')}\n`;
    const args = ['check', '-', 'samples/seed.csv', '--format', 'ndjson', '--progress'];
    const one = cli(args, stdin);
    const two = cli([...args, '--jobs', '2'], stdin);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    // The summary, without the progress lines: those depend on time (one every few seconds on a loaded machine).
    const summary = (stderr: string) => stderr.split('\n').filter((l) => !/^claimscrub: [\d,]+ records?\b/.test(l));
    expect(summary(two.stderr)).toEqual(summary(one.stderr));
    expect(two.stdout.trim().split('\n')).toHaveLength(704);
    expect(two.stdout.match(/integrity\/duplicate-claim-id/g)).toHaveLength(4); // records 150, 300, 450, 600 repeat record 0's id
  }, 120_000);

  it('reads files in byte ranges on the workers and gives the one-thread output, ids repeated across ranges included', () => {
    // 2,600 records: three ranges of up to 1,000 records, with a claim id repeated within and across ranges,
    // then a CSV and an X12 file, each read by the workers themselves.
    const seed = fs.readFileSync(path.join(ROOT, 'samples', 'seed.ndjson'), 'utf8').trim().split('\n');
    const lines = Array.from({ length: 2600 }, (_, i) => seed[i % seed.length].replace(/"CLM-(\d+)"/, i % 450 === 7 ? '"CLM-DUP"' : `"CLM-$1-${i}"`));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscrub-jobs-'));
    try {
      const file = path.join(dir, 'many.ndjson');
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      // The HTML report's table keeps the 5,000 highest-ranked of the 2,606 records' rows: here all of them.
      const undated = (html: string) => html.replace(/ · generated [0-9T:.Z-]+/, '');
      // NDJSON stands for the line formats (CSV differs only by its formatter's header).
      for (const format of ['ndjson', 'html']) {
        const args = ['check', file, 'samples/seed.csv', 'samples/seed-837p.837', '--format', format, '--progress'];
        const one = cli(args);
        const two = cli([...args, '--jobs', '2']);
        expect(two.code).toBe(one.code);
        expect(undated(two.stdout)).toBe(undated(one.stdout));
        const summary = (stderr: string) => stderr.split('\n').filter((l) => !/^claimscrub: [\d,]+ records?\b/.test(l));
        expect(summary(two.stderr)).toEqual(summary(one.stderr));
        expect(two.stderr).toMatch(/^x12: 1 interchange, 1 transaction, 2 claims/m);
        if (format !== 'ndjson') continue;
        const out = two.stdout.trim().split('\n');
        expect(out).toHaveLength(2606);
        // Records 457, 907 … 2,257 repeat record 7's id: five duplicates, four of them in a later range than record 7.
        expect(out.filter((l) => l.includes('integrity/duplicate-claim-id'))).toHaveLength(5);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('the large-input re-run with a worker on every core (its own V8 flags) gives the one-thread output', () => {
    // CLAIMSCRUB_TEST_RELAUNCH makes the launcher re-run itself as it does for a 50 MB input; with --jobs at the
    // core count it adds its V8 flags for that case (bin/claimscrub.js): a flag this Node refused would fail the run.
    const args = ['check', 'samples/seed.ndjson', 'samples/seed.csv', '--format', 'ndjson'];
    const one = cli(args);
    const r = spawnSync(process.execPath, [BIN, ...args, '--jobs', String(Math.max(2, os.availableParallelism()))], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, CLAIMSCRUB_TEST_RELAUNCH: '1' }, maxBuffer: 1 << 26,
    });
    expect(r.stderr).toBe(one.stderr);
    expect(r.status).toBe(one.code);
    expect(r.stdout).toBe(one.stdout);
  }, 60_000);

  it('rejects a --jobs that is not a count', () => {
    expect(cli(['check', 'samples/seed.ndjson', '--jobs', 'many'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--jobs must be a whole number') });
  });
});
