import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleSet } from '../../src/rules/rule-set';
import type { LogEntry } from '../../src/server/access-log';
import { createServer, type ScrubServer, type ServerLimits } from '../../src/server/server';
import { shippedRuleSet } from '../helpers/rule-tester';
import * as http from 'node:http';
import * as net from 'node:net';

// A tiny loopback HTTP client for the server tests: node:http for normal requests (keep-alive through an
// agent), raw sockets for what a normal client will not send (slow bodies, broken request lines).

export interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  readonly json: unknown;
}

export interface RequestSpec {
  readonly method?: string;
  readonly path: string;
  readonly headers?: http.OutgoingHttpHeaders;
  readonly body?: string | Buffer | readonly (string | Buffer)[];
  readonly agent?: http.Agent;
}

export function request(base: string, spec: RequestSpec): Promise<Reply> {
  const url = new URL(spec.path, base);
  const chunked = Array.isArray(spec.body);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: spec.method ?? 'GET',
      agent: spec.agent ?? false,
      headers: {
        ...(spec.body !== undefined && !spec.headers?.['content-type'] ? { 'content-type': 'application/json' } : {}),
        ...(spec.body !== undefined && !chunked ? { 'content-length': Buffer.byteLength(spec.body as string | Buffer) } : {}),
        ...spec.headers,
      },
    }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (b: Buffer) => parts.push(b));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let json: unknown;
        try { json = JSON.parse(text); } catch { json = undefined; }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (chunked) for (const piece of spec.body as readonly (string | Buffer)[]) req.write(piece);
    else if (spec.body !== undefined) req.write(spec.body);
    req.end();
  });
}

export const postJson = (base: string, body: unknown, agent?: http.Agent): Promise<Reply> =>
  request(base, { method: 'POST', path: '/v1/scrub', body: typeof body === 'string' ? body : JSON.stringify(body), ...(agent ? { agent } : {}) });

/**
 * Writes `head` (and optionally more pieces later) on a raw socket and collects everything until the
 * server closes it or `waitMs` passes. Resolves with the status of the first response line (0 if none).
 */
export function rawExchange(base: string, pieces: readonly { readonly afterMs: number; readonly data: string }[], waitMs: number): Promise<{ status: number; text: string; closedByServer: boolean }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    const received: Buffer[] = [];
    const timers: NodeJS.Timeout[] = [];
    let closedByServer = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      timers.forEach(clearTimeout);
      const text = Buffer.concat(received).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      socket.destroy();
      resolve({ status, text, closedByServer });
    };
    socket.on('data', (b: Buffer) => received.push(b));
    socket.on('error', () => undefined);
    socket.on('close', () => { if (!done) closedByServer = true; finish(); });
    socket.on('connect', () => {
      for (const piece of pieces) timers.push(setTimeout(() => { if (!socket.destroyed) socket.write(piece.data); }, piece.afterMs));
      timers.push(setTimeout(finish, waitMs));
    });
  });
}

/** The seed claims of samples/seed.json: valid and invalid records the server tests send. */
export const SEED = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'samples', 'seed.json'), 'utf8')) as Record<string, unknown>[];

/** Starts a server over the shipped rules on an ephemeral loopback port, logging into `log`. */
export async function startTestServer(limits: Partial<ServerLimits>, log: LogEntry[]): Promise<{ ruleSet: RuleSet; server: ScrubServer; base: string }> {
  const ruleSet = await shippedRuleSet();
  const server = createServer(ruleSet, { limits, log: (e) => log.push(e) });
  const { url: base } = await server.listen(0, '127.0.0.1');
  return { ruleSet, server, base };
}
