import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import type { DecodeProblem } from '../claim/decode';
import type { RuleSet } from '../rules/rule-set';
import type { ScrubResult } from '../scrub/result';
import { createScrubber, type ScrubberOptions } from '../scrub/scrubber';
import { type AccessLogEntry, type Logger, logPath } from './access-log';
import { parseJsonBody } from './json-body';
import { describeRule, listRules } from './rules-view';
import { scrubSafely } from './safe-scrub';
import { createScrubPool, type ScrubPool, ThreadUnavailable, TimeBudgetExceeded } from './scrub-pool';

// The HTTP endpoint of DESIGN §2.3 on node:http. No framework: the hot path is one route that reads a
// bounded body, parses JSON and calls the scrubber; the bounds (body size, request time, header time)
// are a few lines each here, and the package keeps zero runtime dependencies beyond the library's own.

import { DEFAULT_LIMITS, type ServerLimits } from './limits';
import { IsoDate } from '../claim/codecs';

export { DEFAULT_LIMITS, type ServerLimits };

export interface ServerOptions {
  /** Options of the scrubber the server runs (preset, per-rule settings, asOf, thresholds). */
  readonly scrubber?: ScrubberOptions;
  readonly limits?: Partial<ServerLimits>;
  /** Receives one entry per request and the server's events; default: no logging. */
  readonly log?: Logger;
  /**
   * Scrub on worker threads (the rule set is loaded again in each, from `rulesDir`, or the shipped rules):
   * the HTTP thread then only reads and answers, so /healthz answers while a heavy request is scrubbed, and
   * a request past its time budget ends its thread. Without it, claims are scrubbed on the HTTP thread,
   * yielding to other requests between claims.
   */
  readonly threads?: { readonly count: number; readonly rulesDir?: string };
}

export interface ScrubServer {
  /** The node:http server (not listening until listen()). */
  readonly http: http.Server;
  /** The request handler, to mount the endpoint inside another node:http-compatible server. */
  readonly handle: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  /** Starts listening (port 0 = any free port); resolves with the address. */
  listen(port?: number, host?: string): Promise<{ readonly url: string; readonly host: string; readonly port: number }>;
  /** Stops accepting, lets in-flight requests finish (up to shutdownGraceMs), then resolves. */
  close(): Promise<void>;
}

/**
 * The body of every 4xx/5xx response: an RFC 9457 problem detail (`application/problem+json`) with the
 * members `code` (stable, for programs), `problems` (what was wrong in the body, by JSONPath) and `requestId`.
 */
export interface ErrorBody {
  readonly type: string; readonly title: string; readonly status: number; readonly detail: string;
  readonly code: string; readonly problems?: readonly DecodeProblem[]; readonly requestId?: string;
}

/** The `type` URI of a problem: one per code, documented in the OpenAPI document's ProblemDetails. */
export const problemType = (code: string): string => `urn:claimscrub:problem:${code}`;

// GET /v1/openapi.json: the document shipped in schemas/, found from this file in src/ or dist/src/.
function readOpenApi(): string | undefined {
  for (let dir = __dirname, i = 0; i < 5; i++, dir = path.dirname(dir)) {
    const file = path.join(dir, 'schemas', 'openapi.json');
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  }
  return undefined;
}

/** Deepest nesting of arrays and objects accepted in a body; a claim is 4 levels deep. */
export const MAX_JSON_DEPTH = 64;

/** The nesting depth of JSON text (arrays and objects, outside strings), stopping once past `limit`. */
export function jsonDepth(bytes: Uint8Array, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) { if (c === 0x5c) i++; else if (c === 0x22) inString = false; continue; }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) { if (++depth > deepest) { deepest = depth; if (deepest > limit) return deepest; } }
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

const REQUEST_ID = /^[\w.:@\/+=-]{1,128}$/;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

interface Exchange {
  readonly started: bigint;
  bytesIn: number;
  bytesOut: number;
  claims: number;
  rejected: number;
  reason?: string;
  /** A response was sent or the exchange was abandoned: nothing more may be written. */
  settled: boolean;
  phase: 'reading' | 'scrubbing';
  /** X-Request-Id: the client's (when it is a plain token of at most 128 characters) or a new UUID. */
  readonly requestId: string;
}

/**
 * Creates the HTTP endpoint over a rule set: POST /v1/scrub, GET /v1/rules, GET /v1/rules/:id, GET /healthz.
 * Pure until listen(): no socket, no timer, no log line before that.
 */
export function createServer(ruleSet: RuleSet, options: ServerOptions = {}): ScrubServer {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log;
  const options_ = options.scrubber ?? {};
  const scrubber = createScrubber(ruleSet, options.scrubber);
  const pool: ScrubPool | undefined = options.threads
    ? createScrubPool({ ...(options.threads.rulesDir ? { rulesDir: options.threads.rulesDir } : {}), options: options.scrubber ?? {} }, options.threads.count)
    : undefined;
  // Inline scrubbers per distinct ?preset=/?asOf= (the few most recent).
  const scrubbers = new Map<string, ReturnType<typeof createScrubber>>();
  let openApi: string | undefined; // read on the first GET /v1/openapi.json: creating a server does no I/O
  const startedAt = Date.now();
  // The rule set never changes under a server: its views are built once, not per request.
  const ruleList = listRules(ruleSet);
  const ruleDetails = new Map(ruleList.rules.map(({ id }) => [id, describeRule(ruleSet, id)!]));
  let draining = false;
  let closing: Promise<void> | undefined;

  const server = http.createServer({
    // Node's own checks back ours up: headers must arrive within the request time (slow-header clients),
    // and the whole request shortly after; checked every ≤ 1 s rather than node's default 30 s.
    headersTimeout: limits.requestTimeoutMs,
    requestTimeout: limits.requestTimeoutMs + 1000,
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.requestTimeoutMs / 4))),
    keepAliveTimeout: 5000,
  });

  function send(res: http.ServerResponse, ex: Exchange, status: number, body: unknown, close = false): void {
    if (ex.settled || res.headersSent || res.destroyed) return;
    ex.settled = true;
    const text = JSON.stringify(body);
    ex.bytesOut = Buffer.byteLength(text);
    const headers: http.OutgoingHttpHeaders = {
      'content-type': status >= 400 ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8',
      'content-length': ex.bytesOut, 'cache-control': 'no-store', 'x-request-id': ex.requestId,
    };
    if (close || draining) headers.connection = 'close';
    if (status === 405) headers.allow = res.req?.url?.startsWith('/v1/scrub') ? 'POST' : 'GET, HEAD';
    res.writeHead(status, headers);
    res.end(text);
  }

  function sendError(res: http.ServerResponse, ex: Exchange, status: number, code: string, message: string, problems?: readonly DecodeProblem[], close = false): void {
    if (status >= 400 && ex.reason === undefined) ex.reason = code;
    const body: ErrorBody = {
      type: problemType(code), title: http.STATUS_CODES[status] ?? 'Error', status, detail: message, code,
      ...(problems ? { problems } : {}), requestId: ex.requestId,
    };
    send(res, ex, status, body, close);
  }

  function logRequest(req: http.IncomingMessage, res: http.ServerResponse, ex: Exchange): void {
    if (!log) return;
    const status = res.headersSent ? res.statusCode : 0;
    const entry: AccessLogEntry = {
      time: new Date().toISOString(), level: status >= 500 || status === 0 ? 'warn' : 'info', msg: 'request',
      method: req.method ?? '', path: logPath(req.url ?? ''), status,
      ms: Math.round(Number(process.hrtime.bigint() - ex.started) / 1e4) / 100,
      bytesIn: ex.bytesIn, bytesOut: ex.bytesOut, claims: ex.claims, rejected: ex.rejected, requestId: ex.requestId,
      ...(ex.reason !== undefined ? { reason: ex.reason } : status === 0 ? { reason: 'aborted' } : {}),
    };
    log(entry);
  }

  /** ?preset= and ?asOf= of POST /v1/scrub: the scrubber options of this request, or a 400 said here. */
  function requestOptions(url: string, res: http.ServerResponse, ex: Exchange): ScrubberOptions | undefined {
    const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
    const options: { preset?: string; asOf?: string } = {};
    for (const key of new Set(query.keys())) {
      if (key !== 'preset' && key !== 'asOf') {
        sendError(res, ex, 400, 'unknown-parameter', `unknown query parameter "${key.slice(0, 40)}": POST /v1/scrub takes ?preset=NAME and ?asOf=YYYY-MM-DD`, undefined, true);
        return undefined;
      }
    }
    const preset = query.get('preset');
    if (preset !== null) {
      if (!ruleSet.presets.has(preset)) {
        sendError(res, ex, 400, 'unknown-preset', `unknown preset "${preset.slice(0, 40)}" (known: ${[...ruleSet.presets.keys()].join(', ')})`, undefined, true);
        return undefined;
      }
      options.preset = preset;
    }
    const asOf = query.get('asOf');
    if (asOf !== null) {
      if (!IsoDate.is(asOf)) { // the claim's own date codec, as the CLI's --as-of
        sendError(res, ex, 400, 'invalid-as-of', `asOf must be a date YYYY-MM-DD (got "${asOf.slice(0, 40)}")`, undefined, true);
        return undefined;
      }
      options.asOf = asOf;
    }
    return { ...options.preset ? { preset: options.preset } : {}, ...options.asOf ? { asOf: options.asOf } : {} };
  }

  function inlineScrubber(options: ScrubberOptions) {
    if (!options.preset && !options.asOf) return scrubber;
    const key = JSON.stringify(options);
    let s = scrubbers.get(key);
    if (!s) {
      s = createScrubber(ruleSet, { ...options_, ...options });
      if (scrubbers.size >= 16) scrubbers.delete(scrubbers.keys().next().value as string);
      scrubbers.set(key, s);
    }
    return s;
  }

  async function scrubClaims(claims: readonly unknown[], options: ScrubberOptions, ex: Exchange): Promise<readonly ScrubResult[]> {
    if (pool) {
      const elapsed = Number(process.hrtime.bigint() - ex.started) / 1e6;
      return pool.scrub(claims, options, Math.max(1, limits.requestTimeoutMs - elapsed));
    }
    const s = inlineScrubber(options);
    const results: ScrubResult[] = [];
    for (let i = 0; i < claims.length && !ex.settled; i++) {
      results.push(await scrubSafely(s, claims[i], i + 1));
      // Between claims, let the event loop answer other requests (/healthz) and timers.
      if (i + 1 < claims.length) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return results;
  }

  async function scrubBody(bytes: Buffer, res: http.ServerResponse, ex: Exchange, options: ScrubberOptions): Promise<void> {
    // Deep nesting is refused before parsing: neither the parser nor the decoder recurses past the bound.
    if (jsonDepth(bytes) > MAX_JSON_DEPTH) {
      sendError(res, ex, 400, 'too-deep', `the body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep; a claim needs at most 5`);
      return;
    }
    const parsed = parseJsonBody(bytes);
    if (!parsed.ok) { sendError(res, ex, 400, 'malformed-json', parsed.problems[0].message, parsed.problems); return; }
    const { json } = parsed;
    const many = Array.isArray(json);
    if (!many && (typeof json !== 'object' || json === null)) {
      sendError(res, ex, 400, 'not-a-claim', 'expected a claim object or an array of claims',
        [{ path: '$', value: json, expected: 'a claim object or an array of claims', message: `$ is ${JSON.stringify(json)}: expected a claim object or an array of claims` }]);
      return;
    }
    const claims: readonly unknown[] = many ? json : [json];
    ex.claims = claims.length;
    if (claims.length > limits.maxClaims) {
      sendError(res, ex, 413, 'too-many-claims', `at most ${limits.maxClaims} claims per request (got ${claims.length}); split the batch`);
      return;
    }
    const results = await scrubClaims(claims, options, ex);
    ex.rejected = results.filter((r) => r.status === 'rejected').length;
    send(res, ex, 200, many ? results : results[0]);
  }

  // A body we answer without reading is drained (read and dropped) when it is at most this long, so the
  // client gets to read the answer instead of a connection reset; a longer one gets its connection cut.
  const drainCap = limits.maxBodyBytes + Math.max(limits.maxBodyBytes, 1024 * 1024);

  // Requests that sent `Expect: 100-continue` and were answered before the 100: their body never comes,
  // so node must not wait to drain it; the connection closes instead.
  const unsentBodies = new WeakSet<http.IncomingMessage>();

  /** Whether answering now, with the body unread, must close the connection (the body is unbounded or too long to drain). */
  function mustClose(req: http.IncomingMessage): boolean {
    if (unsentBodies.has(req)) return true;
    const length = req.headers['content-length'];
    if (length === undefined) return req.headers['transfer-encoding'] !== undefined;
    return !(Number(length) <= drainCap);
  }

  function postScrub(req: http.IncomingMessage, res: http.ServerResponse, ex: Exchange): void {
    const scrubOptions = requestOptions(req.url ?? '', res, ex);
    if (!scrubOptions) return;
    const type = req.headers['content-type'];
    if (type !== undefined && !JSON_TYPE.test(type)) {
      sendError(res, ex, 415, 'unsupported-media-type', `send the claims as application/json (got ${logPath(type).slice(0, 60)})`, undefined, mustClose(req));
      return;
    }
    const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
    if (declared !== undefined && declared > limits.maxBodyBytes) {
      sendError(res, ex, 413, 'body-too-large', `the body may be at most ${limits.maxBodyBytes} bytes (Content-Length says ${declared})`, undefined, mustClose(req));
      return;
    }
    const chunks: Buffer[] = [];
    let overflow = false;
    const tooLarge = () => sendError(res, ex, 413, 'body-too-large', `the body may be at most ${limits.maxBodyBytes} bytes`, undefined, true);
    req.on('data', (chunk: Buffer) => {
      ex.bytesIn += chunk.length;
      if (ex.settled) return;
      if (!overflow && ex.bytesIn <= limits.maxBodyBytes) { chunks.push(chunk); return; }
      overflow = true;
      chunks.length = 0;
      if (ex.bytesIn > drainCap) { tooLarge(); req.pause(); } // read no more; the connection closes after the 413
    });
    req.on('end', () => {
      if (ex.settled) return;
      if (overflow) { tooLarge(); return; }
      ex.phase = 'scrubbing';
      scrubBody(Buffer.concat(chunks), res, ex, scrubOptions).catch((error: unknown) => {
        ex.reason = error instanceof Error ? error.name : 'error';
        if (error instanceof TimeBudgetExceeded) sendError(res, ex, 503, 'time-budget', `${error.message}; send fewer or smaller claims per request`, undefined, true);
        else if (error instanceof ThreadUnavailable) sendError(res, ex, 503, 'unavailable', 'the scrubbing thread is restarting; retry the request', undefined, true);
        else sendError(res, ex, 500, 'internal', 'the claim could not be scrubbed: internal error');
      });
    });
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    const ex: Exchange = { started: process.hrtime.bigint(), bytesIn: 0, bytesOut: 0, claims: 0, rejected: 0, settled: false, phase: 'reading', requestId };
    const timer = setTimeout(() => {
      if (ex.settled) return;
      ex.reason = 'timeout';
      if (ex.phase === 'reading') sendError(res, ex, 408, 'request-timeout', `the request was not received within ${limits.requestTimeoutMs} ms`, undefined, true);
      else sendError(res, ex, 503, 'timeout', `the claims were not scrubbed within ${limits.requestTimeoutMs} ms`, undefined, true);
      ex.settled = true;
    }, limits.requestTimeoutMs);
    res.on('close', () => {
      clearTimeout(timer);
      if (!res.writableFinished && ex.reason === undefined) ex.reason = 'aborted';
      ex.settled = true;
      logRequest(req, res, ex);
    });
    req.on('error', () => { ex.reason ??= 'aborted'; ex.settled = true; });

    try {
      const path = (req.url ?? '/').split('?')[0];
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      const closeAfter = mustClose(req);
      if (path === '/v1/scrub') {
        if (method === 'POST') { postScrub(req, res, ex); return; }
        sendError(res, ex, 405, 'method-not-allowed', 'use POST /v1/scrub', undefined, closeAfter);
        return;
      }
      if (method !== 'GET' && (path === '/healthz' || path === '/v1/rules' || path === '/v1/openapi.json' || path.startsWith('/v1/rules/'))) {
        sendError(res, ex, 405, 'method-not-allowed', `use GET ${path}`, undefined, closeAfter);
        return;
      }
      if (path === '/healthz') {
        if (draining) sendError(res, ex, 503, 'shutting-down', 'the server is shutting down');
        else send(res, ex, 200, { status: 'ok', ruleSet: ruleSet.version, rules: ruleSet.rules.length, uptimeS: Math.round((Date.now() - startedAt) / 1000) });
        return;
      }
      if (path === '/v1/rules') { send(res, ex, 200, ruleList); return; }
      if (path === '/v1/openapi.json') {
        openApi ??= readOpenApi();
        if (openApi !== undefined) { send(res, ex, 200, JSON.parse(openApi)); return; }
      }
      if (path.startsWith('/v1/rules/')) {
        let id: string;
        try { id = decodeURIComponent(path.slice('/v1/rules/'.length)); } catch { id = ''; }
        const rule = ruleDetails.get(id);
        if (rule) send(res, ex, 200, rule);
        else sendError(res, ex, 404, 'unknown-rule', `no rule "${id.slice(0, 80)}"; GET /v1/rules lists them`);
        return;
      }
      sendError(res, ex, 404, 'not-found', `${req.method ?? ''} ${path.slice(0, 80)} is not an endpoint of this server; its endpoints are POST /v1/scrub, GET /v1/rules, GET /v1/rules/{id}, GET /v1/openapi.json and GET /healthz`, undefined, closeAfter);
    } catch (error) {
      ex.reason = error instanceof Error ? error.name : 'error';
      sendError(res, ex, 500, 'internal', 'internal error', undefined, true);
    }
  }

  server.on('request', handle);
  // curl sends `Expect: 100-continue` for larger bodies: say 413 before the client sends a body we would refuse.
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (Number(req.headers['content-length'] ?? 0) > limits.maxBodyBytes) unsentBodies.add(req);
    else res.writeContinue();
    handle(req, res);
  });
  // A request node cannot parse (bad request line, huge headers, header timeout): answer it in JSON and close.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) { socket.destroy(); return; }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const code = status === 431 ? 'headers-too-large' : status === 408 ? 'request-timeout' : 'bad-request';
    const body = JSON.stringify({ type: problemType(code), title: http.STATUS_CODES[status] ?? 'Error', status, code, detail: status === 400 ? 'the request is not valid HTTP/1.1' : code.replace(/-/g, ' ') } satisfies ErrorBody);
    socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/problem+json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    log?.({ time: new Date().toISOString(), level: 'warn', msg: 'request', method: '', path: '', status, ms: 0, bytesIn: 0, bytesOut: Buffer.byteLength(body), claims: 0, rejected: 0, reason: code });
  });

  async function listen(port = 8080, host = '127.0.0.1'): Promise<{ url: string; host: string; port: number }> {
    await pool?.ready; // the scrubbing threads have loaded their rule sets: the first request is not spent waiting
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => { server.off('error', reject); resolve(); });
    });
    const address = server.address() as AddressInfo;
    const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return { url: `http://${shown}:${address.port}`, host: address.address, port: address.port };
  }

  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve) => {
      draining = true; // responses from now on carry Connection: close; /healthz says 503
      if (!server.listening) { void (pool?.close() ?? Promise.resolve()).then(() => resolve()); return; }
      const force = setTimeout(() => server.closeAllConnections(), limits.shutdownGraceMs);
      server.close(() => { clearTimeout(force); void (pool?.close() ?? Promise.resolve()).then(() => resolve()); });
      server.closeIdleConnections();
    });
    return closing;
  }

  return { http: server, handle, listen, close };
}
