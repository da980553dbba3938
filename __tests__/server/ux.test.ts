import * as path from 'node:path';
import type * as Package from '../../src';
import type { RuleSet } from '../../src/rules/rule-set';
import type { LogEntry } from '../../src/server/access-log';
import { createServer, type ScrubServer } from '../../src/server/server';
import { shippedRuleSet } from '../helpers/rule-tester';
import { postJson, request, SEED, startTestServer } from './http-client';

// Issue 18 item 5 (per-request preset and as-of date, request ids, problem details, the OpenAPI document)
// and issue 14 item 4 (a server that never stops answering).

let ruleSet: RuleSet;
let server: ScrubServer;
let base: string;
const log: LogEntry[] = [];

beforeAll(async () => { ({ ruleSet, server, base } = await startTestServer({ requestTimeoutMs: 5000 }, log)); }, 60_000);
afterAll(async () => { await server?.close(); });

describe('per-request judging', () => {
  it('?asOf= judges as if on that date and the result says so; ?preset= picks the preset', async () => {
    const plain = await request(base, { method: 'POST', path: '/v1/scrub', body: JSON.stringify(SEED[1]) });
    const whatIf = await request(base, { method: 'POST', path: '/v1/scrub?asOf=2026-10-01&preset=recommended', body: JSON.stringify(SEED[1]) });
    expect(plain.json).toMatchObject({ ruleSet: { codeSet: 'ICD-10-CM FY2026' } });
    expect((plain.json as { ruleSet: { asOf?: string } }).ruleSet.asOf).toBeUndefined();
    expect(whatIf.json).toMatchObject({ ruleSet: { codeSet: 'ICD-10-CM FY2027', asOf: '2026-10-01', preset: 'recommended' } });
  });

  it.each([
    ['?asOf=soon', 'invalid-as-of'], ['?asOf=2026-02-30', 'invalid-as-of'], ['?preset=loud', 'unknown-preset'], ['?asof=2026-01-01', 'unknown-parameter'],
  ])('%s is a 400 problem', async (query, code) => {
    const reply = await request(base, { method: 'POST', path: `/v1/scrub${query}`, body: JSON.stringify(SEED[1]) });
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(reply.json).toMatchObject({ type: `urn:claimscrub:problem:${code}`, title: 'Bad Request', status: 400, code, detail: expect.any(String) });
  });
});

describe('request ids, problem details, the OpenAPI document', () => {
  it('echoes X-Request-Id, makes one when absent or unsafe, and logs it', async () => {
    const echoed = await request(base, { path: '/healthz', headers: { 'x-request-id': 'trace-42' } });
    expect(echoed.headers['x-request-id']).toBe('trace-42');
    const made = await request(base, { path: '/healthz', headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setImmediate(r));
    expect(log.some((e) => e.msg === 'request' && (e as { requestId?: string }).requestId === 'trace-42')).toBe(true);
  });

  it('a 404 names the path asked for and lists the endpoints, as a problem', async () => {
    const reply = await request(base, { path: '/v2/scrub' });
    expect(reply.status).toBe(404);
    expect(reply.json).toMatchObject({ status: 404, code: 'not-found', detail: expect.stringMatching(/^GET \/v2\/scrub is not an endpoint of this server; its endpoints are POST \/v1\/scrub/) });
  });

  it('GET /v1/openapi.json serves the OpenAPI document', async () => {
    const reply = await request(base, { path: '/v1/openapi.json' });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ openapi: expect.stringMatching(/^3\./), paths: { '/v1/scrub': expect.any(Object), '/v1/openapi.json': expect.any(Object) } });
  });
});

describe('no 500 for any body, and no prototype pollution', () => {
  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  it.each([
    ['__proto__', '{"__proto__":{"polluted":true,"serviceDate":12345},"id":"P1","type":"professional","diagnoses":["M43.03"],"serviceDate":"2026-01-15"}'],
    ['constructor', '{"constructor":{"prototype":{"polluted":true}},"id":"P2","type":"professional","diagnoses":["M43.03"],"serviceDate":"2026-01-15"}'],
    ['nested __proto__', '[{"id":"P3","type":"professional","diagnoses":[{"code":"M43.03","__proto__":{"polluted":true}}],"serviceDate":"2026-01-15"}]'],
    ['deep nesting', deep],
    ['deep object', `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`],
  ])('%s → 200 with results or a 400 problem; Object.prototype untouched', async (_name, body) => {
    const reply = await request(base, { method: 'POST', path: '/v1/scrub', body });
    expect([200, 400, 413]).toContain(reply.status);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: boolean }).polluted).toBeUndefined();
    const health = await request(base, { path: '/healthz' });
    expect(health.status).toBe(200);
  });
});

describe('scrubbing off the HTTP thread', () => {
  // A claim that costs the scrubber real work: many diagnoses (Excludes1 pairs) and a long chart.
  const heavy = (n: number) => Array.from({ length: n }, (_, i) => ({
    id: `H${i}`, type: 'professional', serviceDate: '2026-01-15', payer: { id: 'MEDICARE-JH', type: 'medicare' },
    lines: [{ procedureCode: '22551', charge: 1604.91, diagnosisPointers: [1] }],
    diagnoses: Array.from({ length: 100 }, (_x, j) => ['M43.0', 'M54.12', 'M50.121', 'M43.13', 'M43.03'][j % 5]),
    documentation: 'pars defect at C7-T1 no radicular pain but anterolisthesis C7 on T1 '.repeat(40),
  }));

  it('/healthz answers while a heavy request is scrubbed; a request past its time budget is a 503 and the next one is served', async () => {
    // The built package (dist/, kept up to date by the tests' globalSetup), as a user embeds it: its scrubbing
    // threads start as they do for a user, not through ts-node (two of them here: the first one is ended).
    const built = require(path.join(__dirname, '..', '..', 'dist', 'src')) as typeof Package;
    const loaded = await built.loadRuleSetOrThrow();
    const threaded = built.createServer(loaded, { threads: { count: 1 }, limits: { requestTimeoutMs: 1500, maxBodyBytes: 8 * 1024 * 1024 } });
    const { url } = await threaded.listen(0);
    try {
      // Warm up: the thread has loaded its rule set.
      expect((await postJson(url, SEED[1])).status).toBe(200);
      let heavyDone = false;
      // 1,000 heavy claims are ~15 s of scrubbing on this machine, ten times the 1.5 s budget: a faster
      // machine still runs past it (the thread is ended at the budget, so the test does not wait for them).
      const slow = postJson(url, heavy(1000)).then((r) => { heavyDone = true; return r; });
      const probes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = process.hrtime.bigint();
        const health = await request(url, { path: '/healthz' });
        probes.push(Number(process.hrtime.bigint() - started) / 1e6);
        expect(health.status).toBe(200);
      }
      expect(heavyDone).toBe(false); // the probes were answered while the heavy request was still being scrubbed
      const reply = await slow;
      expect(reply.status).toBe(503);
      expect(reply.json).toMatchObject({ status: 503, code: expect.stringMatching(/^(time-budget|timeout)$/) });
      // The thread that ran past the budget was replaced: the next request is scrubbed.
      // (Its replacement loads the rule set first: until then the answer is a 503 to retry, never a 500.)
      let next = await postJson(url, SEED[1]);
      for (let i = 0; i < 20 && next.status === 503; i++) next = await postJson(url, SEED[1]);
      expect(next).toMatchObject({ status: 200, json: { status: 'scrubbed' } });
      // eslint-disable-next-line no-console
      if (process.env.SHOW_PROBES) console.log('healthz ms while scrubbing', probes);
    } finally {
      await threaded.close();
    }
  }, 60_000);

  it('without threads, claims of one request are scrubbed with the event loop yielding between them', async () => {
    const inline = createServer(ruleSet, { limits: { requestTimeoutMs: 60_000 } });
    const { url } = await inline.listen(0);
    try {
      let heavyDone = false;
      // ~1 s of scrubbing, twenty times the pause before the probe: the probe lands while claims are scrubbed.
      const slow = postJson(url, heavy(60)).then((r) => { heavyDone = true; return r; });
      await new Promise((r) => setTimeout(r, 50));
      expect((await request(url, { path: '/healthz' })).status).toBe(200);
      expect(heavyDone).toBe(false);
      expect((await slow).status).toBe(200);
    } finally {
      await inline.close();
    }
  }, 120_000);
});

void shippedRuleSet;
