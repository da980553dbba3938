import * as http from 'node:http';
import fc from 'fast-check';
import type { RuleSet } from '../../src/rules/rule-set';
import { createScrubber } from '../../src/scrub/scrubber';
import type { LogEntry } from '../../src/server/access-log';
import { type ScrubServer } from '../../src/server/server';
import { postJson, rawExchange, request, type RequestSpec, SEED, startTestServer } from './http-client';

// 10,000 bad requests over keep-alive (bad JSON, wrong types, huge bodies, wrong methods and media
// types) plus a few slow bodies; every one gets the answer it should, and afterwards the server is
// still healthy and still scrubs correctly. Bounded: fixed count, 16 in flight. The request timeout is short
// for the slow bodies, yet long enough that a loaded CI machine still reads every well-formed request in time.

const VALID = SEED[0];
const MAX_BODY = 32 * 1024;
const COUNT = 10_000;

let ruleSet: RuleSet;
let server: ScrubServer;
let base: string;
const log: LogEntry[] = [];

beforeAll(async () => { ({ ruleSet, server, base } = await startTestServer({ maxBodyBytes: MAX_BODY, maxClaims: 20, requestTimeoutMs: 3000 }, log)); }, 60_000);

afterAll(async () => { await server?.close(); });

interface Case { readonly spec: RequestSpec; readonly expect: readonly number[]; readonly status?: 'rejected' | 'scrubbed' }

/** The bad requests, from a fixed seed: the same 10,000 on every run. */
function cases(agent: http.Agent): Case[] {
  const post = (body: string | readonly string[], headers: http.OutgoingHttpHeaders = {}): RequestSpec => ({ method: 'POST', path: '/v1/scrub', body, headers, agent });
  const valid = JSON.stringify(VALID);
  const json = fc.sample(fc.jsonValue({ maxDepth: 3 }), { numRuns: 3000, seed: 7 });
  const fields = ['id', 'type', 'diagnoses', 'serviceDate', 'lines', 'payer', 'patient', 'documentation', 'procedures'];
  const out: Case[] = [];
  for (let i = 0; out.length < COUNT; i++) {
    const value = json[i % json.length];
    switch (i % 10) {
      case 0: { // truncated JSON: a valid claim cut anywhere before its end
        const cut = 1 + (i * 7919) % (valid.length - 1);
        out.push({ spec: post(valid.slice(0, cut)), expect: [400] });
        break;
      }
      case 1: // garbage bytes and not-JSON text
        out.push({ spec: post(i % 20 === 1 ? `{"id": ${'['.repeat(i % 50)}` : `claim=${i}&x=<y>`), expect: [400] });
        break;
      case 2: // any JSON value as the whole body: a scalar is 400, an object or array gets results
        out.push({ spec: post(JSON.stringify(value)), expect: typeof value === 'object' && value !== null ? (Array.isArray(value) && value.length > 20 ? [413] : [200]) : [400] });
        break;
      case 3: case 4: { // the valid claim with one field of a wrong type
        const field = fields[i % fields.length];
        const wrong = value === undefined || JSON.stringify(value) === JSON.stringify(VALID[field]) ? 12345 : value;
        out.push({ spec: post(JSON.stringify({ ...VALID, [field]: wrong })), expect: [200], status: field === 'documentation' && typeof wrong === 'string' ? 'scrubbed' : undefined });
        break;
      }
      case 5: // an array of wrong-typed claims
        out.push({ spec: post(JSON.stringify([{ ...VALID, lines: [{ procedureCode: value, units: -1 }] }, value])), expect: [200] });
        break;
      case 6: // huge: declared over the limit (every 50th), or a chunked body that grows past it
        if (i % 50 === 6) out.push({ spec: post('x'.repeat(MAX_BODY + 1)), expect: [413] });
        else if (i % 50 === 16) out.push({ spec: post(Array.from({ length: 5 }, () => ' '.repeat(8 * 1024))), expect: [413] });
        else out.push({ spec: post(JSON.stringify(Array.from({ length: 21 }, () => ({})))), expect: [413] });
        break;
      case 7: // wrong method, path, or media type
        if (i % 40 === 7) out.push({ spec: post(valid, { 'content-type': 'text/csv' }), expect: [415] });
        else out.push({ spec: { method: i % 20 === 7 ? 'PUT' : 'GET', path: i % 3 === 0 ? '/v1/scrub' : `/v1/nope/${i}`, agent }, expect: [404, 405] });
        break;
      default: // valid claims in between: the server must keep answering them correctly
        out.push({ spec: post(valid), expect: [200], status: 'scrubbed' });
    }
  }
  return out;
}

it('answers 10,000 malformed requests correctly and is still healthy afterwards', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const all = cases(agent);
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < all.length) {
      const c = all[next++];
      const reply = await request(base, c.spec).catch((error: Error) => ({ status: -1, json: error.message }));
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      if (!c.expect.includes(reply.status)) failures.push(`${c.spec.method} ${c.spec.path} ${String(c.spec.body).slice(0, 60)} → ${reply.status} ${JSON.stringify(reply.json).slice(0, 200)}`);
      else if (c.status && (reply.json as { status?: string }).status !== c.status) failures.push(`${String(c.spec.body).slice(0, 60)} → ${JSON.stringify(reply.json).slice(0, 200)}`);
    }
  };

  // Slow bodies on raw sockets at the same time: each gets a 408 within the request time.
  const slow = Array.from({ length: 5 }, (_, k) => rawExchange(base, [
    { afterMs: 0, data: `POST /v1/scrub HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"id":"S${k}",` },
    { afterMs: 200, data: '"type":' },
  ], 10_000));
  await Promise.all([...Array.from({ length: 16 }, worker), ...slow.map(async (p) => {
    const { status, closedByServer } = await p;
    if (status !== 408 || !closedByServer) failures.push(`slow body → ${status} closed ${closedByServer}`);
  })]);
  agent.destroy();

  expect(failures.slice(0, 10)).toEqual([]);
  expect([...statuses.keys()].sort()).toEqual([200, 400, 404, 405, 413, 415]);
  expect(statuses.get(-1)).toBeUndefined();
  // Every request left one access-log line.
  expect(log.filter((e) => e.msg === 'request').length).toBeGreaterThanOrEqual(COUNT + 5);

  // Still healthy, and still right.
  expect(await request(base, { path: '/healthz' })).toMatchObject({ status: 200, json: { status: 'ok' } });
  const reply = await postJson(base, SEED);
  const expected = await Promise.all(SEED.map((claim, i) => createScrubber(ruleSet).scrubInput(claim, { record: i + 1 })));
  expect(reply.json).toEqual(JSON.parse(JSON.stringify(expected)));
}, 90_000);
