import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import * as t from 'io-ts';
import { Claim, Diagnosis } from '../../src/claim/codecs';
import { decodeClaim, type DecodeProblem } from '../../src/claim/decode';
import { Severity } from '../../src/rules/formats';
import type { RuleSet } from '../../src/rules/rule-set';
import type { DrgResult, Finding, RejectedResult, ScrubbedResult, ScrubResult, SourceRef } from '../../src/scrub/result';
import { createScrubber } from '../../src/scrub/scrubber';
import { createServer } from '../../src/server/server';
import { postJson, request } from '../server/http-client';
import { codecShape, compareShapes, innerCodec, type JsonSchema, type Shape, schemaShape } from './shape';
import { shippedRuleSet } from '../helpers/rule-tester';

// schemas/*.json are for clients that are not TypeScript. They are kept equal to the io-ts codecs and
// the result types: the same shape (property names, required, enums), the same answers (a claim the
// codec accepts the schema accepts, and the other way round), and real results validate.

const ROOT = path.join(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as JsonSchema;
const claimSchema = readJson('schemas/claim.schema.json');
const resultSchema = readJson('schemas/scrub-result.schema.json');
const openapi = readJson('schemas/openapi.json');

/** RFC 3339 full-date, as ajv-formats checks "date": the day must exist in that month and year. */
function isFullDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true, allErrors: true });
ajv.addFormat('date', isFullDate);
const validateClaim: ValidateFunction = ajv.compile(claimSchema);
const validateResult: ValidateFunction = ajv.compile(resultSchema);

const codecAccepts = (value: unknown) => decodeClaim(value)._tag === 'Right';
const schemaErrors = (validate: ValidateFunction, value: unknown) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

// The codec's shape, read from the codecs themselves: Claim and Diagnosis are hand-written wrappers.
const diagnosisObject = innerCodec(Diagnosis, { code: 5 });
const opaque: Record<string, () => Shape> = {
  [Diagnosis.name]: () => ({ kind: 'union', members: [{ kind: 'string' }, codecShape(diagnosisObject)] }),
};
const claimCodecShape = (codec: t.Decoder<unknown, unknown>) => codecShape(innerCodec(codec, null), opaque);

describe('claim.schema.json ⇔ the Claim codec', () => {
  it('has the same shape: every field, whether required, every enum', () => {
    expect(compareShapes(claimCodecShape(Claim), schemaShape(claimSchema, claimSchema))).toEqual([]);
  });

  it('fails when the codec gains a field the schema does not have, or a field changes', () => {
    const inner = innerCodec(Claim, null);
    const grown = t.intersection([inner as unknown as t.Mixed, t.partial({ referringProvider: t.string })]);
    expect(compareShapes(codecShape(grown, opaque), schemaShape(claimSchema, claimSchema))).toEqual(['$.referringProvider: in the codec, missing from the schema']);
    const sexless = { ...claimSchema, properties: { ...(claimSchema.properties as object), patient: { type: 'object', properties: { birthDate: { type: 'string' } } } } };
    expect(compareShapes(claimCodecShape(Claim), schemaShape(sexless, claimSchema))).toEqual(['$.patient.sex: in the codec, missing from the schema']);
  });

  it('the samples are accepted or rejected alike by both', () => {
    const samples: unknown[] = [
      ...(readJson('samples/seed.json') as unknown as unknown[]),
      ...fs.readFileSync(path.join(ROOT, 'samples', 'seed.ndjson'), 'utf8').split('\n').filter((l) => l.trim()).flatMap((l) => { try { return [JSON.parse(l) as unknown]; } catch { return []; } }),
      { id: 'README', type: 'professional', payer: { id: 'MEDICARE-JH', type: 'medicare' }, patient: { birthDate: '1961-04-02', sex: 'F' }, serviceDate: '2026-01-15',
        diagnoses: ['M43.03', 'M4303', { code: 'A41.9', poa: 'Y' }, { code: '722.0', system: 'ICD-9-CM' }], procedures: [{ code: '0RG10A0' }],
        lines: [{ procedureCode: '22551', modifiers: [], units: 1, charge: 1604.91, serviceDate: '2026-01-15', diagnosisPointers: [1, 2] }],
        documentation: [{ section: 'imaging', text: 'CT: bilateral pars defect at C7-T1 without listhesis.' }] },
      { id: 'INPT-1', type: 'institutional', admissionDate: '2026-01-12', dischargeDate: '2026-01-15', dischargeStatus: '01', diagnoses: [{ code: 'M43.03', poa: 'Y' }] },
    ];
    expect(samples.length).toBeGreaterThan(8);
    let accepted = 0;
    for (const sample of samples) {
      expect({ sample, codec: codecAccepts(sample) }).toEqual({ sample, codec: schemaErrors(validateClaim, sample).length === 0 });
      if (codecAccepts(sample)) accepted++;
    }
    expect(accepted).toBeGreaterThan(3);
    expect(accepted).toBeLessThan(samples.length);
  });

  it('generated claims, valid and broken field by field, get the same answer from both', () => {
    // Each field is usually valid and sometimes broken, so that whole claims pass often enough too.
    const pick = (valid: readonly unknown[], broken: readonly unknown[]) => fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...broken) });
    const maybe = (arb: fc.Arbitrary<unknown>) => fc.option(arb, { nil: undefined, freq: 2 });
    const date = pick(['2026-01-15', '2025-10-01', '2024-02-29', '2026-09-30'], ['2023-02-29', '2026-02-30', '2026-13-01', '2026-1-5', '20260115', 20260115, '', '2026-04-31']);
    const code = pick(['M43.03', 'M4303', 'm43.03', ' M43.03 ', 'M43.0', 'A41.9', 'Z99.89', 'M43.0312', '722.0', '7220', '72201', 'E849.7', 'E8497'],
      ['V45.81', 'MM3.03', 'M4', '', '1234.567', 'M43..03', 'M43.03123', 42, null]);
    const diagnosis = fc.oneof(code, fc.record({
      code: fc.oneof(code, fc.constantFrom('V45.81', 'V4581', 'E849', '72201')),
      poa: maybe(pick(['Y', 'N', 'U', 'W', '1'], ['X', 1])),
      system: maybe(pick(['ICD-10-CM', 'ICD-9-CM'], ['ICD-11'])),
    }, { requiredKeys: ['code'] }));
    const line = fc.record({
      procedureCode: pick(['22551', '99213', '0001F', 'G0438'], ['2255', 'W1234', 'g0438', 22551]),
      modifiers: pick([[], ['25'], ['59', 'XS']], [['x'], ['2AB'], '25']),
      units: pick([1, 2.5], [0, -1, '1']),
      charge: pick([0, 120, 1604.91], [-0.01, '120']),
      serviceDate: date,
      diagnosisPointers: pick([[1], [1, 1], []], [[0], [1.5], ['1']]),
      revenueCode: pick(['0450'], ['450', 450]),
    }, { requiredKeys: ['procedureCode'] });
    const claim = fc.record({
      id: pick(['CLM-1', ' x '], ['', '   ', 7]),
      type: pick(['professional', 'institutional'], ['dental']),
      payer: pick([{ id: 'P' }, { id: 'P', type: 'medicare' }], [{ id: 'P', type: 'va' }, { type: 'other' }, 'P']),
      patient: pick([{}, { birthDate: '1961-04-02', sex: 'F' }], [{ sex: 'X' }, { birthDate: '1961-02-29' }]),
      serviceDate: date, admissionDate: date, dischargeDate: date,
      dischargeStatus: pick(['01', '20'], ['1', 20]),
      diagnoses: fc.oneof({ weight: 8, arbitrary: fc.array(diagnosis, { minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>([], 'M43.03', null) }),
      procedures: pick([[], [{ code: '0RG10A0' }], [{ code: '0RG10A0', date: '2026-01-13' }]], [[{ code: '0RGI0A0' }], [{ code: '0rg10a0' }], [{}]]),
      lines: fc.oneof({ weight: 8, arbitrary: fc.array(line, { maxLength: 2 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>({}, null) }),
      documentation: pick(['chart text', '', [{ text: 'a' }], [{ section: 's', text: 'b' }]], [[{ section: 's' }], 5]),
      totalCharge: pick([0, 99.5], [-1, '5']),
      placeOfService: pick(['11', '22'], ['1', 11]),
      billType: pick(['111', '13A'], ['11', 'abc']),
      admittingDiagnosis: fc.oneof(code, fc.constant<unknown>({ code: 'A41.9' })),
      reasonForVisit: pick([[], ['R51.9']], [['R5'], 'R51.9']),
      extra: fc.constantFrom<unknown>('ignored', { nested: true }),
    }, { requiredKeys: [] });
    let accepted = 0;
    let total = 0;
    fc.assert(fc.property(claim, (c) => {
      total++;
      const codec = codecAccepts(c);
      if (codec) accepted++;
      const schema = schemaErrors(validateClaim, c);
      if (codec !== (schema.length === 0)) {
        throw new Error(`codec ${codec ? 'accepts' : `rejects (${JSON.stringify(decodeClaim(c))})`}, schema ${schema.length === 0 ? 'accepts' : `rejects: ${schema.join('; ')}`}`);
      }
    }), { numRuns: 3000, seed: 20261124 });
    // Both answers are exercised, not only rejections.
    expect(accepted).toBeGreaterThan(total / 50);
  });

  it('accepts a diagnosis pointer past the last diagnosis, as the codec does (integrity/pointer-unresolved reports it)', () => {
    const claim = { id: 'C', type: 'professional', serviceDate: '2026-01-15', diagnoses: ['M43.03'], lines: [{ procedureCode: '22551', diagnosisPointers: [2] }] };
    expect(codecAccepts(claim)).toBe(true);
    expect(schemaErrors(validateClaim, claim)).toEqual([]);
  });
});

describe('scrub-result.schema.json ⇔ ScrubResult', () => {
  // Compile-time lists of every key of the result types (TypeScript rejects a missing or extra key):
  // a field added to src/scrub/result.ts fails the type check here until it is added below and to the schema.
  const KEYS = {
    ScrubbedResult: { status: 1, claimId: 1, source: 1, outcome: 1, riskScore: 1, findings: 1, drg: 1, ruleSet: 1 } satisfies Record<keyof ScrubbedResult, 1>,
    RejectedResult: { status: 1, claimId: 1, source: 1, problems: 1 } satisfies Record<keyof RejectedResult, 1>,
    Finding: { ruleId: 1, severity: 1, category: 1, message: 1, evidence: 1, fix: 1, denial: 1, sources: 1 } satisfies Record<keyof Finding, 1>,
    DrgResult: { drg: 1, mdc: 1, title: 1, weight: 1, severity: 1, mccs: 1, explanation: 1, version: 1 } satisfies Record<keyof DrgResult, 1>,
    SourceRef: { file: 1, line: 1, record: 1, transaction: 1, segment: 1 } satisfies Record<keyof SourceRef, 1>,
    DecodeProblem: { path: 1, value: 1, expected: 1, message: 1 } satisfies Record<keyof DecodeProblem, 1>,
  };
  const defs = resultSchema.$defs as Record<string, { properties: Record<string, JsonSchema> }>;

  it.each(Object.entries(KEYS))('%s: the schema names exactly the fields of the type', (name, keys) => {
    expect(Object.keys(defs[name].properties).sort()).toEqual(Object.keys(keys).sort());
  });

  it('severities, categories and outcomes are those of the codecs and types', () => {
    const finding = defs.Finding.properties;
    expect([...(finding.severity.enum as string[])].sort()).toEqual(Object.keys(Severity.keys).sort());
    // Categories are open (declared in ruleset.json): the schema documents the shipped list.
    const shipped = Object.keys((JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'rules', 'ruleset.json'), 'utf8')) as { categories: object }).categories);
    expect(String(finding.category.description)).toContain(`declares: ${shipped.join(', ')}.`);
    const outcomes: Record<ScrubbedResult['outcome'], 1> = { clean: 1, review: 1, 'likely-denial': 1 };
    expect([...(defs.ScrubbedResult.properties.outcome.enum as string[])].sort()).toEqual(Object.keys(outcomes).sort());
  });

  let ruleSet: RuleSet;
  beforeAll(async () => {
    ruleSet = await shippedRuleSet();
  }, 60_000);

  it('every result of the samples and of generated claims validates (scrubbed, rejected, with a DRG)', async () => {
    const scrubber = createScrubber(ruleSet);
    const inputs: unknown[] = [
      ...(readJson('samples/seed.json') as unknown as unknown[]),
      { id: 'INPT-1', type: 'institutional', admissionDate: '2026-01-12', dischargeDate: '2026-01-15', dischargeStatus: '01', diagnoses: [{ code: 'M43.03', poa: 'Y' }, { code: 'A41.9', poa: 'Y' }] },
      { id: 'INPT-2', type: 'institutional', dischargeDate: '2026-11-15', dischargeStatus: '20', diagnoses: ['M54.12', 'M43.0'] },
      { id: 'OLD', type: 'professional', serviceDate: '2014-01-15', diagnoses: ['722.0'] },
      null, 5, [], { id: 3 },
    ];
    const codes = ['M43.03', 'M43.0', 'M54.5', 'D69.1', 'S23.420A', 'Z99.89', 'M99.99', '7220'];
    const dates = ['2025-01-15', '2026-01-15', '2026-09-30', '2026-10-01', '2027-03-01', '2030-01-01'];
    for (let i = 0; i < 200; i++) {
      inputs.push({ id: `G-${i}`, type: i % 3 === 0 ? 'institutional' : 'professional', serviceDate: dates[i % dates.length], dischargeDate: dates[(i * 7) % dates.length],
        diagnoses: [codes[i % codes.length], codes[(i * 3) % codes.length]], documentation: i % 2 ? 'Pars defect at C7-T1. No myelopathy.' : undefined,
        lines: [{ procedureCode: i % 4 ? '99213' : '22551', units: i % 17 ? 1 : 0, diagnosisPointers: [1] }], payer: { id: 'P', type: i % 2 ? 'medicare' : 'commercial' } });
    }
    const results: ScrubResult[] = [];
    for (const [i, input] of inputs.entries()) results.push(await scrubber.scrubInput(input, { record: i + 1 }));
    const seen = new Set<string>();
    for (const result of results) {
      const json = JSON.parse(JSON.stringify(result)) as unknown;
      expect({ claimId: result.claimId, errors: schemaErrors(validateResult, json) }).toEqual({ claimId: result.claimId, errors: [] });
      seen.add(result.status);
      if (result.status === 'scrubbed' && result.findings.length > 0) seen.add('findings');
      if (result.status === 'scrubbed' && result.drg) seen.add('drg');
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining(['findings', 'rejected', 'scrubbed']));
  });

  it('a result with a field the contract does not have fails', () => {
    const result = { status: 'scrubbed', claimId: 'C', outcome: 'clean', riskScore: 0, findings: [], ruleSet: { version: 'v', codeSet: 'none' } };
    expect(schemaErrors(validateResult, result)).toEqual([]);
    expect(validateResult({ ...result, score: 0.5 })).toBe(false);
    expect(validateResult({ ...result, outcome: 'denied' })).toBe(false);
  });
});

describe('openapi.json', () => {
  const oas = new Ajv2020({ strict: false, allowUnionTypes: true });
  oas.addFormat('date', isFullDate);
  oas.addSchema(claimSchema);
  oas.addSchema(resultSchema);
  const base = String(claimSchema.$id).replace(/[^/]+$/, '');
  oas.addSchema({ ...openapi, $id: `${base}openapi.json` });
  const pointer = (...keys: string[]) => `${base}openapi.json#/${keys.map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
  const responseSchema = (route: string, method: string, status: string) => {
    const media = Number(status) >= 400 ? 'application/problem+json' : 'application/json';
    const validate = oas.getSchema(pointer('paths', route, method, 'responses', status, 'content', media, 'schema'));
    if (!validate) throw new Error(`no schema for ${method} ${route} ${status}`);
    return validate;
  };

  it('describes the four endpoints, and its references resolve', () => {
    expect(Object.keys(openapi.paths as object).sort()).toEqual(['/healthz', '/v1/openapi.json', '/v1/rules', '/v1/rules/{id}', '/v1/scrub']);
    expect(oas.getSchema(pointer('paths', '/v1/scrub', 'post', 'requestBody', 'content', 'application/json', 'schema'))).toBeDefined();
  });

  it('real answers of the server validate against the documented responses', async () => {
    const server = createServer(await shippedRuleSet());
    const { url } = await server.listen(0);
    try {
      const seed = readJson('samples/seed.json') as unknown as unknown[];
      const check = (validate: ValidateFunction, json: unknown) => { expect({ ok: validate(json), errors: validate.errors ?? null }).toEqual({ ok: true, errors: null }); };
      check(responseSchema('/v1/scrub', 'post', '200'), (await postJson(url, seed[0])).json);
      check(responseSchema('/v1/scrub', 'post', '200'), (await postJson(url, seed)).json);
      check(responseSchema('/v1/scrub', 'post', '400'), (await postJson(url, '{"id": ')).json);
      check(responseSchema('/v1/scrub', 'post', '415'), (await request(url, { method: 'POST', path: '/v1/scrub', headers: { 'content-type': 'text/plain' }, body: 'x' })).json);
      check(responseSchema('/v1/rules', 'get', '200'), (await request(url, { path: '/v1/rules' })).json);
      check(responseSchema('/v1/rules/{id}', 'get', '200'), (await request(url, { path: '/v1/rules/validity/header-code' })).json);
      check(responseSchema('/v1/rules/{id}', 'get', '404'), (await request(url, { path: '/v1/rules/nope/nope' })).json);
      check(responseSchema('/healthz', 'get', '200'), (await request(url, { path: '/healthz' })).json);
    } finally {
      await server.close();
    }
  }, 60_000);
});
