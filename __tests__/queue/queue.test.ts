import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import IORedis from 'ioredis';
import { ROOT, runCli } from '../helpers/cli';

// The queue end to end on a real redis-server (never a mock): submit, two workers in separate
// processes, one killed mid-chunk, collect; the output must equal a single-process `check` of the same
// inputs, record for record. .ci/run installs redis-server (Debian package); without it this skips.

const redisServer = (() => {
  try { return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || undefined; } catch { return undefined; }
})();
if (!redisServer) {
  // eslint-disable-next-line no-console
  console.warn('SKIPPED: the queue tests need redis-server (Debian package redis-server; .ci/run installs it)');
}
const describeWithRedis = redisServer ? describe : describe.skip;

const freePort = (): Promise<number> => new Promise((resolve, reject) => {
  const server = net.createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => { const { port } = server.address() as net.AddressInfo; server.close(() => resolve(port)); });
});

/**
 * The CLI's bin in a child process, as a worker on another machine would run it: the build of the current
 * sources (the Jest globalSetup, __tests__/setup/build.js, brings dist/ up to date), so no child compiles src/.
 * Stalled chunks are looked for every 500 ms (a test setting of the worker) instead of every half lock.
 */
function cliProcess(args: string[], env: Record<string, string> = {}): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'claimscrub.js'), ...args],
    { cwd: ROOT, env: { ...process.env, CLAIMSCRUB_QUEUE_TEST_STALLED_MS: '500', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (b: Buffer) => { text += b.toString(); });
  child.stderr!.on('data', (b: Buffer) => { text += b.toString(); });
  return Object.assign(child, { output: () => text });
}

const waitFor = async (what: string, test: () => boolean | Promise<boolean>, child?: { output: () => string }): Promise<void> => {
  for (let i = 0; i < 1200; i++) { // a bound, not a timing assumption: 120 s of polling
    if (await test()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}${child ? `:\n${child.output()}` : ''}`);
};

describeWithRedis('claimscrub queue on redis-server', () => {
  let redis: ChildProcess;
  let url: string;
  let dir: string;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscrub-queue-'));
    redis = spawn(redisServer!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    const client = new IORedis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined); // refused while redis-server starts: retried below
    await waitFor('redis-server', async () => { try { await client.connect(); return (await client.ping()) === 'PONG'; } catch { client.disconnect(); return false; } });
    client.disconnect();

    // Inputs with every claim id distinct, a few records that are rejected, and blank lines.
    const seed = fs.readFileSync(path.join(ROOT, 'samples', 'seed.ndjson'), 'utf8').trim().split('\n');
    const lines = Array.from({ length: 400 }, (_, i) => seed[i % seed.length].replace(/"CLM-(\d+)"/, `"CLM-$1-${i}"`));
    lines.splice(57, 0, '{"id": "BROKEN-1", ');
    lines.splice(123, 0, '');
    fs.writeFileSync(path.join(dir, 'claims.ndjson'), `${lines.join('\n')}\n`);
    const [header, ...rows] = fs.readFileSync(path.join(ROOT, 'samples', 'seed.csv'), 'utf8').trim().split('\n');
    const csv = Array.from({ length: 30 }, (_, k) => rows.map((r) => r.replace(/^CLM-(\d+)/, `CLM-$1-c${k}`)).join('\n'));
    fs.writeFileSync(path.join(dir, 'claims.csv'), `${header}\n${csv.join('\n')}\n`);
  }, 60_000);

  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    redis?.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const inputs = () => [path.join(dir, 'claims.ndjson'), path.join(dir, 'claims.csv')];

  it('two workers, one killed mid-chunk: collect equals check record for record', async () => {
    const results = path.join(dir, 'results');
    const submitted = await runCli(['queue', 'submit', ...inputs(), '--redis', url, '--chunk-records', '40', '--results', results]);
    expect(submitted).toMatchObject({ code: 0 });
    const batch = submitted.stdout.trim();
    expect(batch).toMatch(/^\d{8}-\d{6}-[0-9a-f]{6}$/);
    expect(submitted.stderr).toContain('chunks from 2 files');

    // Worker A takes a chunk and stops inside it (a test hook), holding its lock; then B starts; then A is killed.
    const a = cliProcess(['queue', 'work', '--redis', url, '--lock-ms', '2000'], { CLAIMSCRUB_QUEUE_TEST_HOLD_AFTER: '10' });
    workers.push(a);
    await waitFor('worker A to hold a chunk', () => /holding chunk (\d+)/.test(a.output()), a);
    const held = Number(/holding chunk (\d+)/.exec(a.output())![1]);
    // B's own locks are long enough for a loaded machine; its stalled-chunk check takes back A's chunk once
    // A's lock has expired.
    const b = cliProcess(['queue', 'work', '--redis', url, '--lock-ms', '10000']);
    workers.push(b);
    a.kill('SIGKILL');
    // A's half-written chunk is a temp file, never a result.
    const batchDir = path.join(results, batch);
    expect(fs.readdirSync(batchDir).filter((f) => f.endsWith('.tmp') && f.includes(`.${a.pid}.`))).toHaveLength(1);

    const collected = await runCli(['queue', 'collect', batch, '--redis', url, '--wait', '--format', 'ndjson']);
    const checked = await runCli(['check', ...inputs(), '--format', 'ndjson']);
    expect(collected.stderr).not.toMatch(/cannot be collected/);
    expect(collected.code).toBe(checked.code);
    const got = collected.stdout.trim().split('\n');
    const want = checked.stdout.trim().split('\n');
    expect(got).toHaveLength(401 + 30 * 4); // every record: 401 NDJSON lines, 120 CSV claims
    got.forEach((line, i) => expect(line).toBe(want[i]));
    // The held chunk was done again, by B, after A died.
    expect(b.output()).toContain(`chunk ${held} of batch ${batch}`);

    // The same summary as check (stylish prints it on standard error).
    const collectedText = await runCli(['queue', 'collect', batch, '--redis', url]);
    const checkedText = await runCli(['check', ...inputs()]);
    expect(collectedText.stderr.split('\n').slice(1)).toEqual(checkedText.stderr.split('\n').slice(1));
    expect(collectedText.stdout).toBe(checkedText.stdout);

    const status = await runCli(['queue', 'status', batch, '--redis', url]);
    expect(status.stdout).toMatch(new RegExp(`batch ${batch}: (\\d+) of \\1 chunks done; 521 of 521 records`));
    expect(status.stdout).toContain('complete');
  }, 180_000);

  it('claim ids repeated across chunks get the duplicate finding check gives them (NDJSON, CSV, X12)', async () => {
    // The samples share claim ids across files; one claim per chunk puts every repeat in a later chunk.
    const p = fs.readFileSync(path.join(ROOT, 'samples', 'seed-837p.837'), 'utf8');
    fs.writeFileSync(path.join(dir, 'many.837'), [p, p, p].join('\n'));
    const files = ['samples/seed.ndjson', 'samples/seed.csv', 'samples/seed-837p.837', path.join(dir, 'many.837')];
    const submitted = await runCli(['queue', 'submit', ...files, '--redis', url, '--chunk-records', '1', '--results', path.join(dir, 'results')]);
    expect(submitted.code).toBe(0);
    const collected = await runCli(['queue', 'collect', submitted.stdout.trim(), '--redis', url, '--wait', '--format', 'ndjson']);
    const checked = await runCli(['check', ...files, '--format', 'ndjson']);
    expect(checked.stdout).toContain('integrity/duplicate-claim-id');
    expect(collected.code).toBe(checked.code);
    expect(collected.stdout.trim().split('\n')).toEqual(checked.stdout.trim().split('\n'));
  }, 120_000);

  it('keeps claim content out of Redis: descriptors and counts only', async () => {
    const client = new IORedis(url);
    const dump: string[] = [];
    for (const key of await client.keys('*')) {
      const type = await client.type(key);
      if (type === 'string') dump.push(String(await client.get(key)));
      else if (type === 'hash') dump.push(JSON.stringify(await client.hgetall(key)));
      else if (type === 'list') dump.push(...await client.lrange(key, 0, -1));
      else if (type === 'set') dump.push(...await client.smembers(key));
      else if (type === 'zset') dump.push(...await client.zrange(key, 0, -1));
      else if (type === 'stream') dump.push(JSON.stringify(await client.xrange(key, '-', '+')));
      dump.push(key);
    }
    client.disconnect();
    const all = dump.join('\n');
    expect(all).toContain('claims.ndjson'); // the descriptors are there...
    for (const content of ['CLM-', 'M43.03', 'M4303', 'MEDICARE', '22551', 'pars defect', '1961-04-02']) expect(all).not.toContain(content); // ...no claim
  });

  it('a chunk that fails every attempt goes to the dead-letter list, and collect says what is missing (exit 2)', async () => {
    const doomed = path.join(dir, 'doomed.ndjson');
    fs.copyFileSync(path.join(ROOT, 'samples', 'seed.ndjson'), doomed);
    // A queue of its own: no worker can take the chunk before the file is gone.
    const q = ['--redis', url, '--queue', 'dead-letter-test'];
    const submitted = await runCli(['queue', 'submit', doomed, ...q, '--results', path.join(dir, 'results'), '--attempts', '2', '--backoff-ms', '10']);
    expect(submitted.code).toBe(0);
    fs.rmSync(doomed); // the workers cannot read it now
    const batch = submitted.stdout.trim();
    const worker = cliProcess(['queue', 'work', ...q]);
    workers.push(worker);
    const collected = await runCli(['queue', 'collect', batch, ...q, '--wait', '--format', 'ndjson']);
    worker.kill('SIGTERM');
    expect(collected.code).toBe(2);
    expect(collected.stdout).toBe('');
    expect(collected.stderr).toMatch(/chunk 0 \(\S*doomed\.ndjson, chunk 1 of 1\) is on the dead-letter list after 2 attempts: .*ENOENT/);
    const status = await runCli(['queue', 'status', batch, ...q]);
    expect(status.stdout).toMatch(/0 of 1 chunks done, 1 dead/);
  }, 120_000);

  it('says what is wrong with its arguments', async () => {
    expect(await runCli(['queue', 'collect', 'no-such-batch', '--redis', url])).toMatchObject({ code: 2, stderr: expect.stringContaining('no batch "no-such-batch"') });
    expect(await runCli(['queue', 'submit', 'samples/seed.ndjson'], {})).toMatchObject({ code: 2, stderr: expect.stringContaining('--redis URL is required') });
    expect(await runCli(['queue', 'status', 'x', '--redis', 'http://h'])).toMatchObject({ code: 2, stderr: expect.stringContaining('redis://') });
    expect((await runCli(['queue', 'work', '--help'])).stdout).toContain('--concurrency N');
  });
});
