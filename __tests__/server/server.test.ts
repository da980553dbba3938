import * as http from 'node:http';
import * as path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { run, type CliIo } from '../../src/cli/run';
import type { RuleSet } from '../../src/rules/rule-set';
import { createScrubber } from '../../src/scrub/scrubber';
import type { LogEntry } from '../../src/server/access-log';
import { createServer, type ScrubServer } from '../../src/server/server';
import { postJson, rawExchange, request, SEED, startTestServer } from './http-client';

const ROOT = path.join(__dirname, '..', '..');

let ruleSet: RuleSet;
let server: ScrubServer;
let base: string;
const log: LogEntry[] = [];

beforeAll(async () => { ({ ruleSet, server, base } = await startTestServer({ maxBodyBytes: 64 * 1024, maxClaims: 50, requestTimeoutMs: 800 }, log)); }, 60_000);

afterAll(async () => { await server?.close(); });

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
// Errors are RFC 9457 problem details: status, code, detail and problems are top-level members.
const errorOf = (json: unknown) => json as { status: number; code: string; detail: string; problems?: { path: string; message: string }[] };

describe('POST /v1/scrub', () => {
  it('answers one claim with the DESIGN §2.2 result the library gives', async () => {
    const reply = await postJson(base, SEED[0]);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.json).toEqual(asJson(await createScrubber(ruleSet).scrubInput(SEED[0], { record: 1 })));
    expect(reply.json).toMatchObject({ status: 'scrubbed', claimId: 'CLM-2001', outcome: 'likely-denial', source: { record: 1 } });
  });

  it('answers an array with one result per claim, in order; a claim that does not decode is rejected with paths', async () => {
    const reply = await postJson(base, [...SEED, 42]);
    expect(reply.status).toBe(200);
    const results = reply.json as { status: string; claimId?: string; source: { record: number }; problems?: { path: string }[] }[];
    expect(results.map((r) => r.source.record)).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => r.claimId)).toEqual(['CLM-2001', 'CLM-2002', 'CLM-2003', 'CLM-2004', undefined]);
    expect(results[3]).toMatchObject({ status: 'rejected', claimId: 'CLM-2004' });
    expect(results[3].problems!.map((p) => p.path)).toContain('$.lines[0].units');
    expect(results[4]).toMatchObject({ status: 'rejected', problems: [{ path: '$' }] });
    expect(await postJson(base, [])).toMatchObject({ status: 200, json: [] });
  });

  it('a single claim that does not decode is a rejected result, not an error', async () => {
    const reply = await postJson(base, { id: 'BAD-1', type: 'dental', diagnoses: 'M43.03' });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ status: 'rejected', claimId: 'BAD-1', source: { record: 1 } });
    expect((reply.json as { problems: { path: string }[] }).problems.map((p) => p.path)).toEqual(expect.arrayContaining(['$.type', '$.diagnoses']));
  });

  it.each([
    ['{"id":"x","lines":[{"units": }]}', '$.lines[0].units', /line 1, column 30/],
    ['[{"id":"a"},\n {"id": "b", "diagnoses": ["M43.03",]}]', '$[1].diagnoses[1]', /line 2/],
    ['{"id":"x"', '$', /end of JSON|Expected/],
    ['{"id":"x"} trailing', '$', /JSON/],
  ])('malformed JSON → 400 with the path where it broke: %s', async (body, where, message) => {
    const reply = await postJson(base, body);
    expect(reply.status).toBe(400);
    const error = errorOf(reply.json);
    expect(error).toMatchObject({ status: 400, code: 'malformed-json' });
    expect(error.problems![0].path).toBe(where);
    expect(error.problems![0].message).toMatch(message);
  });

  it.each([['""', 'not-a-claim'], ['12', 'not-a-claim'], ['null', 'not-a-claim'], ['', 'malformed-json'], ['  \n', 'malformed-json']])('body %j → 400 %s', async (body, code) => {
    const reply = await postJson(base, body);
    expect(reply.status).toBe(400);
    expect(errorOf(reply.json)).toMatchObject({ code, problems: [{ path: '$' }] });
  });

  it('a body that is not UTF-8 → 400', async () => {
    const reply = await request(base, { method: 'POST', path: '/v1/scrub', body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) });
    expect(reply.status).toBe(400);
    expect(errorOf(reply.json).problems![0].message).toMatch(/UTF-8/);
  });

  it('bounds the body: by Content-Length before reading, and while reading a chunked body', async () => {
    const declared = await request(base, { method: 'POST', path: '/v1/scrub', body: 'x'.repeat(70 * 1024) });
    expect(declared.status).toBe(413);
    expect(errorOf(declared.json).code).toBe('body-too-large');
    const chunked = await request(base, { method: 'POST', path: '/v1/scrub', body: Array.from({ length: 20 }, () => 'x'.repeat(8 * 1024)) });
    expect(chunked.status).toBe(413);
    // Far past the limit (beyond what the server drains): a 413 or a cut connection, and the server lives on.
    const endless = await request(base, { method: 'POST', path: '/v1/scrub', body: Array.from({ length: 48 }, () => 'x'.repeat(32 * 1024)) })
      .then((r) => String(r.status), (e: Error) => e.message);
    expect(endless).toMatch(/^413$|EPIPE|ECONNRESET|hang up/);
    expect((await request(base, { path: '/healthz' })).status).toBe(200);
    const many = await postJson(base, Array.from({ length: 51 }, () => SEED[1]));
    expect(many.status).toBe(413);
    expect(errorOf(many.json).code).toBe('too-many-claims');
  });

  it('Expect: 100-continue: a body over the limit is refused before it is sent; one within it is read', async () => {
    const refused = await rawExchange(base, [{ afterMs: 0, data: 'POST /v1/scrub HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\nExpect: 100-continue\r\n\r\n' }], 3000);
    expect(refused).toMatchObject({ status: 413, closedByServer: true });
    const body = JSON.stringify(SEED[1]);
    const accepted = await rawExchange(base, [
      { afterMs: 0, data: `POST /v1/scrub HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n` },
      { afterMs: 100, data: body },
    ], 3000);
    expect(accepted.text).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK/);
    expect(accepted.text).toContain('"claimId":"CLM-2002"');
  });

  it('415 for a body that is not JSON; application/json with a charset and +json types are fine', async () => {
    expect((await request(base, { method: 'POST', path: '/v1/scrub', headers: { 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await request(base, { method: 'POST', path: '/v1/scrub', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(SEED[1]) })).status).toBe(200);
    expect((await request(base, { method: 'POST', path: '/v1/scrub', headers: { 'content-type': 'application/claim+json' }, body: JSON.stringify(SEED[1]) })).status).toBe(200);
  });

  it('a body that arrives too slowly → 408 within the request time, and the connection is closed', async () => {
    // The server's own 408 (it names its 800 ms limit) before the client gives up: content, not wall-clock time.
    const { status, closedByServer, text } = await rawExchange(base, [
      { afterMs: 0, data: 'POST /v1/scrub HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"id":' },
    ], 5000);
    expect(status).toBe(408);
    expect(closedByServer).toBe(true);
    expect(text).toContain('within 800 ms');
  });

  it('a connection that sends nothing, headers that never end, and a request line that is not HTTP are answered and closed', async () => {
    const [idle, slow] = await Promise.all([
      rawExchange(base, [], 5000),
      rawExchange(base, [{ afterMs: 0, data: 'GET /healthz HTTP/1.1\r\nHost: x\r\n' }], 5000),
    ]);
    for (const exchange of [idle, slow]) {
      expect(exchange).toMatchObject({ status: 408, closedByServer: true });
      expect(JSON.parse(exchange.text.slice(exchange.text.indexOf('\r\n\r\n') + 4))).toMatchObject({ code: 'request-timeout', status: 408 });
    }
    const garbage = await rawExchange(base, [{ afterMs: 0, data: '\x00\x01 hello\r\n\r\n' }], 3000);
    expect(garbage.status).toBe(400);
    expect(garbage.closedByServer).toBe(true);
  });
});

describe('GET endpoints', () => {
  it('GET /v1/rules lists ids, categories, sources and effective dates', async () => {
    const reply = await request(base, { path: '/v1/rules' });
    expect(reply.status).toBe(200);
    const list = reply.json as { version: string; rules: { id: string; category: string; sources: unknown[]; effective: { from: string } }[] };
    expect(list.version).toBe(ruleSet.version);
    expect(list.rules.map((r) => r.id).sort()).toEqual(ruleSet.rules.map((r) => r.id).sort());
    for (const rule of list.rules) {
      expect(rule.category).toEqual(expect.any(String));
      expect(rule.sources.length).toBeGreaterThan(0);
      expect(rule.effective.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('GET /v1/rules/:id with the slash raw or encoded; 404 for an unknown id', async () => {
    const raw = await request(base, { path: '/v1/rules/validity/header-code' });
    expect(raw.status).toBe(200);
    expect(raw.json).toMatchObject({ id: 'validity/header-code', category: 'validity', denial: { carc: '16' } });
    expect((await request(base, { path: '/v1/rules/validity%2Fheader-code' })).json).toEqual(raw.json);
    const unknown = await request(base, { path: '/v1/rules/validity/nope' });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.json).code).toBe('unknown-rule');
  });

  it('GET /healthz; HEAD works; wrong method → 405 with Allow; unknown path → 404', async () => {
    expect(await request(base, { path: '/healthz' })).toMatchObject({ status: 200, json: { status: 'ok', ruleSet: ruleSet.version } });
    expect((await request(base, { method: 'HEAD', path: '/healthz' })).status).toBe(200);
    const wrong = await request(base, { method: 'GET', path: '/v1/scrub' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
    expect((await request(base, { method: 'DELETE', path: '/v1/rules' })).headers.allow).toBe('GET, HEAD');
    expect((await request(base, { path: '/v2/anything?x=1' })).status).toBe(404);
  });
});

describe('access log', () => {
  it('one entry per request with method, path, status, time, bytes and claim counts — never claim content', async () => {
    log.length = 0;
    const phi = { ...SEED[0], id: 'PHI-CLAIM-ID-77', documentation: 'SECRET chart words about the patient' };
    await postJson(base, [phi, { ...phi, lines: [{ procedureCode: 'nope' }] }]);
    await postJson(base, '{"id":"PHI-CLAIM-ID-77", "documentation": "SECRET"');
    await request(base, { path: '/healthz?token=SECRET' });
    expect(log).toHaveLength(3);
    expect(log[0]).toMatchObject({ msg: 'request', method: 'POST', path: '/v1/scrub', status: 200, claims: 2, rejected: 1 });
    expect(log[0]).toEqual(expect.objectContaining({ ms: expect.any(Number), bytesIn: expect.any(Number), bytesOut: expect.any(Number), time: expect.any(String) }));
    expect(log[1]).toMatchObject({ status: 400, reason: 'malformed-json' });
    expect(log[2]).toMatchObject({ path: '/healthz', status: 200 });
    const text = JSON.stringify(log);
    for (const secret of ['PHI-CLAIM-ID-77', 'SECRET', 'M43', 'CLM-', 'token']) expect(text).not.toContain(secret);
  });
});

describe('graceful shutdown', () => {
  it('close() lets an in-flight request finish, answers it with Connection: close, then refuses new connections', async () => {
    const own = createServer(ruleSet, { limits: { requestTimeoutMs: 5000, shutdownGraceMs: 3000 } });
    const { url } = await own.listen(0);
    const agent = new http.Agent({ keepAlive: true });
    const body = JSON.stringify(SEED[1]);
    // In order, by events rather than sleeps: the server has the request (half its body), close() is
    // called, then the rest of the body arrives.
    const arrived = new Promise<void>((resolve) => own.http.once('request', () => resolve()));
    let req!: http.ClientRequest;
    const inFlight = new Promise<{ status: number; connection?: string; json: unknown }>((resolve, reject) => {
      req = http.request(new URL('/v1/scrub', url), { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (b: Buffer) => parts.push(b));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, json: JSON.parse(Buffer.concat(parts).toString('utf8')) }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
    });
    await arrived;
    const closed = own.close();
    req.end(body.slice(10));
    const reply = await inFlight;
    expect(reply).toMatchObject({ status: 200, connection: 'close', json: { status: 'scrubbed', claimId: 'CLM-2002' } });
    await closed;
    await expect(request(url, { path: '/healthz' })).rejects.toThrow(/ECONNREFUSED/);
    agent.destroy();
  });
});

describe('claimscrub serve', () => {
  const io = () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let err = '';
    let out = '';
    stderr.on('data', (b: Buffer) => { err += b.toString('utf8'); });
    stdout.on('data', (b: Buffer) => { out += b.toString('utf8'); });
    const cli: CliIo = { stdout, stderr, stdin: Readable.from(['']), stderrIsTTY: false, cwd: ROOT };
    return { cli, stderr: () => err, stdout: () => out };
  };

  it('serves until SIGTERM, then drains and exits 0; --quiet leaves only the start and stop lines', async () => {
    const { cli, stderr } = io();
    const exit = run(['serve', '--port', '0', '--quiet', '--preset', 'medicare'], cli);
    let url: string | undefined;
    for (let i = 0; i < 300 && !url; i++) {
      await new Promise((r) => setTimeout(r, 50));
      url = (/"msg":"listening","url":"([^"]+)"/.exec(stderr()) ?? [])[1];
    }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await request(url!, { path: '/healthz' })).toMatchObject({ status: 200 });
    expect((await postJson(url!, SEED[0])).json).toMatchObject({ status: 'scrubbed', claimId: 'CLM-2001' });
    process.emit('SIGTERM');
    expect(await exit).toBe(0);
    const lines = stderr().trim().split('\n').map((l) => JSON.parse(l) as { msg: string });
    expect(lines.map((l) => l.msg)).toEqual(['listening', 'shutting down', 'stopped']);
  }, 30_000);

  it('--help prints the endpoints; a bad option is a usage error (exit 2)', async () => {
    const help = io();
    expect(await run(['serve', '--help'], help.cli)).toBe(0);
    expect(help.stdout()).toMatch(/POST \/v1\/scrub/);
    const bad = io();
    expect(await run(['serve', '--port', 'eighty'], bad.cli)).toBe(2);
    expect(bad.stderr()).toMatch(/--port must be a whole number/);
  });
});
