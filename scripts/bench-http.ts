/**
 * HTTP figures for `npm run bench` (DESIGN §5: single-claim p99 ≤ 5 ms at 1,000 req/s on loopback).
 *   node dist/scripts/bench-http.js [--seconds N]      (or call benchHttp() from scripts/bench.ts)
 * The server runs in its own process (`claimscrub serve --port 0 --quiet`, the shipped rules), so the
 * client does not steal its event loop. The client is a small raw-socket keep-alive loop (like
 * autocannon, without the dependency): requests are pre-serialized and responses are only framed.
 * - http-fixed-rate: an open loop at a fixed rate; p50Ms/p99Ms are measured from the time each request
 *   was due, not when it was sent, so a stalled server is not hidden (no coordinated omission); they
 *   include the client's timer granularity (~1 ms ticks), given apart as clientLagP99Ms, and
 *   fromSendP50Ms/fromSendP99Ms are measured from the write.
 * - http-saturation: a closed loop, N connections each sending the next request when the last returns.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { loadRuleSet } from '../src/rules/load';
import type { RuleSet } from '../src/rules/rule-set';
import { claimGenerator } from './lib/bench-claims';

export interface BenchHttpOptions {
  readonly seconds?: number;
  readonly rate?: number;
  readonly connections?: number;
  readonly warmupSeconds?: number;
}

/** Request bytes for single-claim bodies: the same claim mix as the other benches (lib/bench-claims). */
function claimBodies(ruleSet: RuleSet, count: number): Buffer[] {
  const generate = claimGenerator(ruleSet);
  return Array.from({ length: count }, (_, i) => {
    const body = JSON.stringify(generate(i));
    return Buffer.from(`POST /v1/scrub HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

/** One keep-alive connection that sends a request and calls back with the status when the response is complete. */
class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private pending: ((status: number) => void) | undefined;
  readonly ready: Promise<void>;

  constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    this.ready = new Promise((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
    socket.on('data', (chunk: Buffer) => { this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk; this.frame(); });
    socket.on('error', () => this.finish(-1));
    socket.on('close', () => this.finish(-1));
  }

  get busy(): boolean { return this.pending !== undefined; }

  send(request: Buffer, done: (status: number) => void): void {
    this.pending = done;
    this.socket.write(request);
  }

  close(): void { this.socket.destroy(); }

  private frame(): void {
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buffer.subarray(0, end).toString('latin1');
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffer.length < end + 4 + length) return;
    this.buffer = this.buffer.subarray(end + 4 + length);
    this.finish(Number(head.slice(9, 12)));
  }

  private finish(status: number): void {
    const done = this.pending;
    this.pending = undefined;
    done?.(status);
  }
}

const quantile = (sorted: Float64Array, q: number) => (sorted.length === 0 ? NaN : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 1000) / 1000);

function summarize(name: string, latencies: number[], errors: number, seconds: number, extra: Record<string, unknown>): Record<string, unknown> {
  const sorted = Float64Array.from(latencies).sort();
  return {
    name, unit: 'ms', ...extra, seconds, requests: latencies.length, rps: Math.round(latencies.length / seconds),
    p50Ms: quantile(sorted, 0.5), p90Ms: quantile(sorted, 0.9), p99Ms: quantile(sorted, 0.99), maxMs: quantile(sorted, 1), errors,
  };
}

async function openConnections(port: number, count: number): Promise<Connection[]> {
  const connections = Array.from({ length: count }, () => new Connection(net.connect(port, '127.0.0.1')));
  await Promise.all(connections.map((c) => c.ready));
  return connections;
}

/** Closed loop: every connection sends its next request as soon as the last one is answered. */
async function saturate(port: number, bodies: readonly Buffer[], connections: number, seconds: number): Promise<{ latencies: number[]; errors: number; seconds: number }> {
  const pool = await openConnections(port, connections);
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const stopAt = started + seconds * 1000;
  await Promise.all(pool.map((connection) => new Promise<void>((resolve) => {
    const loop = () => {
      if (performance.now() >= stopAt) { resolve(); return; }
      const sent = performance.now();
      connection.send(bodies[next++ % bodies.length], (status) => {
        latencies.push(performance.now() - sent);
        if (status !== 200) errors++;
        if (status < 0) { resolve(); return; }
        loop();
      });
    };
    loop();
  })));
  const elapsed = (performance.now() - started) / 1000;
  pool.forEach((c) => c.close());
  return { latencies, errors, seconds: elapsed };
}

/** Open loop at `rate` requests/s: requests are sent when due on any idle connection (more are opened if all are busy). */
async function fixedRate(port: number, bodies: readonly Buffer[], rate: number, seconds: number): Promise<{ latencies: number[]; errors: number; seconds: number; extra: Record<string, number> }> {
  const pool = await openConnections(port, 8);
  const latencies: number[] = [];
  const service: number[] = []; // from the moment the request was written, for comparison
  const lags: number[] = [];
  let errors = 0;
  const total = Math.round(rate * seconds);
  let sent = 0;
  let answered = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
      while (sent < due) {
        let connection = pool.find((c) => !c.busy);
        if (!connection) { connection = new Connection(net.connect(port, '127.0.0.1')); pool.push(connection); }
        const dueAt = started + (sent * 1000) / rate;
        const sentAt = performance.now();
        lags.push(sentAt - dueAt);
        connection.send(bodies[sent % bodies.length], (status) => {
          const now = performance.now();
          latencies.push(now - dueAt);
          service.push(now - sentAt);
          if (status !== 200) errors++;
          if (++answered === total) resolve();
        });
        sent++;
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  const elapsed = (performance.now() - started) / 1000;
  pool.forEach((c) => c.close());
  const sortedService = Float64Array.from(service).sort();
  return {
    latencies, errors, seconds: elapsed,
    extra: { fromSendP50Ms: quantile(sortedService, 0.5), fromSendP99Ms: quantile(sortedService, 0.99), clientLagP99Ms: quantile(Float64Array.from(lags).sort(), 0.99) },
  };
}

/** Starts `claimscrub serve` in a child process on a free loopback port. */
async function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const candidates = [path.join(__dirname, '..', 'src', 'cli', 'main.js'), path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js')];
  const main = candidates.find((file) => fs.existsSync(file));
  if (!main) throw new Error('bench-http needs the build: run `npm run build` first');
  const child = spawn(process.execPath, [main, 'serve', '--port', '0', '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (b: Buffer) => {
      err += b.toString('utf8');
      const match = /"msg":"listening","url":"http:\/\/[^:]+:(\d+)"/.exec(err);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`claimscrub serve exited ${code}: ${err}`)));
  });
  return { child, port };
}

/** The HTTP figures: [{ name: 'http-fixed-rate', rps, p50Ms, p99Ms, errors, … }, { name: 'http-saturation', … }]. */
export async function benchHttp(options: BenchHttpOptions = {}): Promise<Record<string, unknown>[]> {
  const seconds = options.seconds ?? 10;
  const rate = options.rate ?? 1000;
  const connections = options.connections ?? 16;
  const loaded = await loadRuleSet();
  if (loaded._tag === 'Left') throw new Error(`the shipped rules do not load: ${loaded.left[0]?.message}`);
  const bodies = claimBodies(loaded.right, 2000);
  const { child, port } = await startServer();
  try {
    await saturate(port, bodies, connections, options.warmupSeconds ?? 2); // JIT warm-up, not reported
    const fixed = await fixedRate(port, bodies, rate, seconds);
    const saturated = await saturate(port, bodies, connections, seconds);
    return [
      summarize('http-fixed-rate', fixed.latencies, fixed.errors, Math.round(fixed.seconds * 100) / 100, { targetRps: rate, body: 'one claim', ...fixed.extra }),
      summarize('http-saturation', saturated.latencies, saturated.errors, Math.round(saturated.seconds * 100) / 100, { connections, body: 'one claim' }),
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => { if (child.exitCode !== null) resolve(undefined); else child.once('exit', resolve); });
  }
}

if (require.main === module) {
  const i = process.argv.indexOf('--seconds');
  benchHttp(i >= 0 ? { seconds: Number(process.argv[i + 1]) } : {})
    .then((figures) => { for (const figure of figures) process.stdout.write(`${JSON.stringify(figure)}\n`); })
    .catch((error: unknown) => { process.stderr.write(`bench-http: ${error instanceof Error ? error.message : String(error)}\n`); process.exitCode = 1; });
}
