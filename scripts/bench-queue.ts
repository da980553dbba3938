/**
 * The queue's throughput against one process (not part of `npm test`; needs redis-server on the PATH):
 *
 *   npm run bench:queue [-- --claims 1000000 --workers 2 --chunk-records 50000]
 *
 * Generates the bench claims (scripts/lib/bench-claims.ts) as NDJSON, then times, each in child processes
 * of the built CLI (bin/claimscrub.js): `check FILE --format ndjson` (one process), and `queue submit` +
 * N × `queue work` + `queue collect --wait --format ndjson` on a redis-server started here on a free port.
 * Prints one JSON line per figure: claims/s end to end, and the queue's parts (submit = planning the
 * chunks; work = first chunk started to last chunk done; collect = merging), and checks that both
 * outputs are the same bytes.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import IORedis from 'ioredis';
import { loadRuleSet } from '../src/index';
import { claimGenerator } from './lib/bench-claims';

const print = (figure: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(figure)}\n`);
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const BIN = path.join(__dirname, '..', '..', 'bin', 'claimscrub.js');
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const round = (x: number) => Math.round(x * 100) / 100;

function cli(args: string[]): { stdout: string; seconds: number } {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`claimscrub ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  return { stdout: child.stdout, seconds: seconds(start) };
}

const freePort = (): Promise<number> => new Promise((resolve, reject) => {
  const server = net.createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => { const { port } = server.address() as net.AddressInfo; server.close(() => resolve(port)); });
});

// `check` caps its heap at 192 MB for files of 50 MB or more (bin/claimscrub.js), but its batch state
// (every claim id, for integrity/duplicate-claim-id) outgrows that at 1,000,000 claims: give every process
// here the same, larger cap, unless one is set.
if (!/max-old-space-size/.test(process.env.NODE_OPTIONS ?? '')) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=1024`.trim();

async function main(): Promise<void> {
  const claims = arg('claims', 1_000_000);
  const workerCount = arg('workers', 2);
  const perChunk = arg('chunk-records', 50_000);
  const loaded = await loadRuleSet();
  if (loaded._tag === 'Left') throw new Error('rule set');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscrub-bench-queue-'));
  const input = path.join(dir, 'claims.ndjson');
  const generate = claimGenerator(loaded.right);
  await pipeline(Readable.from((function* () { for (let i = 0; i < claims; i++) yield `${JSON.stringify(generate(i))}\n`; })()), fs.createWriteStream(input));
  print({ name: 'queue-bench-input', claims, mb: Math.round(fs.statSync(input).size / 1e5) / 10, cores: os.availableParallelism(), cpu: os.cpus()[0]?.model });

  const single = cli(['check', input, '--format', 'ndjson', '--output', path.join(dir, 'check.ndjson'), '--fail-on', 'never', '--quiet']);
  print({ name: 'single-process', claims, seconds: round(single.seconds), claimsPerSecond: Math.round(claims / single.seconds), note: 'check, one process, includes start and rule-set load' });

  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const workers: ChildProcess[] = [];
  try {
    const client = new IORedis({ port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined); // refused while redis-server starts: retried below
    for (let i = 0; ; i++) {
      try { await client.connect(); await client.ping(); break; } catch { client.disconnect(); if (i > 100) throw new Error('redis-server did not start'); await new Promise((r) => setTimeout(r, 100)); }
    }
    client.disconnect();
    const start = process.hrtime.bigint();
    // Workers first (each loads its rule set while submit plans), as they would already be running at night.
    for (let i = 0; i < workerCount; i++) workers.push(spawn(process.execPath, [BIN, 'queue', 'work', '--redis', url], { stdio: 'ignore' }));
    const submitted = cli(['queue', 'submit', input, '--redis', url, '--chunk-records', String(perChunk), '--results', path.join(dir, 'results')]);
    const batch = submitted.stdout.trim();
    const collectStart = process.hrtime.bigint();
    cli(['queue', 'collect', batch, '--redis', url, '--wait', '--format', 'ndjson', '--output', path.join(dir, 'queue.ndjson'), '--fail-on', 'never', '--quiet']);
    const total = seconds(start);
    const collectSeconds = seconds(collectStart);
    const status = cli(['queue', 'status', batch, '--redis', url]).stdout;
    const work = /over ([\d.]+) s/.exec(status);
    const workSeconds = work ? Number(work[1]) : NaN;
    // Merging alone (every chunk done): the one sequential step after the work.
    const merge = cli(['queue', 'collect', batch, '--redis', url, '--format', 'ndjson', '--output', path.join(dir, 'queue-again.ndjson'), '--fail-on', 'never', '--quiet']);
    const same = spawnSync('cmp', ['-s', path.join(dir, 'check.ndjson'), path.join(dir, 'queue.ndjson')]).status === 0;
    print({ name: 'queue-submit', seconds: round(submitted.seconds), chunks: Math.ceil(claims / perChunk), note: 'plans the chunks (one read of the input) and enqueues them' });
    print({ name: 'queue-work', workers: workerCount, seconds: round(workSeconds), claimsPerSecond: Math.round(claims / workSeconds), perWorker: Math.round(claims / workSeconds / workerCount) });
    print({ name: 'queue-collect', seconds: round(collectSeconds), note: 'waits for the last chunk, then merges (includes the wait)' });
    print({ name: 'queue-merge', seconds: round(merge.seconds), claimsPerSecond: Math.round(claims / merge.seconds), note: 'collect again once all is done: the merge alone, one process' });
    print({ name: 'queue-end-to-end', claims, workers: workerCount, seconds: round(total), claimsPerSecond: Math.round(claims / total),
      speedup: round(single.seconds / total), sameOutputAsCheck: same, note: 'workers start + submit + work + collect' });
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    redis.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => { process.stderr.write(`${String(error)}\n`); process.exitCode = 1; });
