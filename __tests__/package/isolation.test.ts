import * as path from 'node:path';
import { createScrubber, createServer, decodeClaim, loadRuleSet, ruleSetFromJson, type RuleSet, type ScrubbedResult, type ScrubResult } from '../../src/index';

// The library's promises (DESIGN §1): no global state — scrubbers over different rule sets, or with
// different settings, live side by side in one process and answer differently, interleaved — and no
// I/O unless asked: after the rule set is loaded, scrubbing and building a server touch no file,
// socket or console.

// The modules themselves (not esModuleInterop's frozen copies), so that spies see the library's calls.
const fs = require('node:fs') as typeof import('node:fs');
const fsp = require('node:fs/promises') as typeof import('node:fs/promises');
const net = require('node:net') as typeof import('node:net');

const RULES = path.join(__dirname, '..', '..', 'rules');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

let full: RuleSet;
let mini: RuleSet;

beforeAll(async () => {
  // Preloaded: every sidecar read now, so that scrubbing touches no file (by default each is read when first needed).
  const loaded = await loadRuleSet(undefined, { preload: true });
  if (loaded._tag === 'Left') throw new Error(JSON.stringify(loaded.left));
  full = loaded.right;
  // A second rule set from parsed JSON: one rule, the same data, the code sets' sidecars given as bytes.
  const data = fs.readdirSync(path.join(RULES, 'data')).filter((f) => f.endsWith('.json')).map((f) => readJson(path.join(RULES, 'data', f)));
  const sidecars = Object.fromEntries(fs.readdirSync(path.join(RULES, 'data')).filter((f) => f.endsWith('.tsv') || f.endsWith('.tsv.gz')).map((f) => [f, fs.readFileSync(path.join(RULES, 'data', f))]));
  const built = ruleSetFromJson({ version: 'mini-1', rules: [readJson(path.join(RULES, 'validity', 'code-not-in-code-set.json'))], data, sidecars });
  if (built._tag === 'Left') throw new Error(JSON.stringify(built.left));
  mini = built.right;
}, 120_000);

const claim = (id: string, diagnoses: readonly string[]) => ({ id, type: 'professional', serviceDate: '2026-01-15', diagnoses, lines: [{ procedureCode: '99213', units: 1, diagnosisPointers: [1] }] });
const ruleIds = (r: ScrubResult) => (r as ScrubbedResult).findings.map((f) => f.ruleId);

describe('no global state', () => {
  it('two scrubbers over different rule sets give different answers, interleaved in one process', async () => {
    const a = createScrubber(full);
    const b = createScrubber(mini);
    const claims = Array.from({ length: 40 }, (_, i) => claim(`C-${i}`, i % 2 ? ['M43.0'] : ['M99.99']));
    const [fromA, fromB] = await Promise.all([Promise.all(claims.map((c) => a.scrubInput(c))), Promise.all(claims.map((c) => b.scrubInput(c)))]);
    for (const [i, c] of claims.entries()) {
      expect(fromA[i]).toMatchObject({ claimId: c.id, ruleSet: { version: full.version } });
      expect(fromB[i]).toMatchObject({ claimId: c.id, ruleSet: { version: 'mini-1' } });
      if (c.diagnoses[0] === 'M43.0') {
        expect(ruleIds(fromA[i])).toContain('validity/header-code'); // a header: only the full set knows the rule
        expect(ruleIds(fromB[i])).toEqual([]);
      } else {
        expect(ruleIds(fromA[i])).toContain('validity/code-not-in-code-set'); // not a code: both sets say so
        expect(ruleIds(fromB[i])).toEqual(['validity/code-not-in-code-set']);
      }
    }
    // The first scrubber is unchanged by the second's existence.
    expect(await a.scrubInput(claims[1])).toEqual(fromA[1]);
  });

  it('two scrubbers over one rule set with different presets and settings keep their own', async () => {
    const recommended = createScrubber(full);
    const medicare = createScrubber(full, { preset: 'medicare' });
    const off = createScrubber(full, { rules: { 'validity/header-code': 'off' } });
    const c = claim('P-1', ['M43.0']);
    const [r, m, o] = await Promise.all([recommended.scrubInput(c), medicare.scrubInput(c), off.scrubInput(c)]);
    const risk = (x: ScrubResult, id: string) => (x as ScrubbedResult).findings.find((f) => f.ruleId === id)?.denial.risk;
    expect(risk(m, 'validity/header-code')).toBeGreaterThan(risk(r, 'validity/header-code')!);
    expect(ruleIds(o)).not.toContain('validity/header-code');
    expect(await recommended.scrubInput(c)).toEqual(r);
  });
});

describe('no I/O unless asked', () => {
  it('without preload, a claim looks its codes up in place in its fiscal year\'s code set; a batch reads the file once', async () => {
    const loaded = await loadRuleSet();
    if (loaded._tag === 'Left') throw new Error('load');
    const opened = jest.spyOn(fs, 'openSync');
    const read = jest.spyOn(fs, 'readFileSync');
    const closed = jest.spyOn(fs, 'closeSync');
    const names = (spy: jest.SpyInstance) => spy.mock.calls.map((c) => path.basename(String(c[0]))).filter((n) => n.endsWith('.tsv'));
    try {
      const scrubber = createScrubber(loaded.right, { only: ['validity/code-not-in-code-set'] });
      expect(ruleIds(await scrubber.scrubInput(claim('A', ['M43.03'])))).toEqual([]);
      expect(names(opened)).toEqual(['icd10cm-fy2026.tsv']); // the claim's fiscal year, opened once
      // M43.99 is in no code set: its history looks in the fiscal years around FY2026 too.
      expect(ruleIds(await scrubber.scrubInput(claim('B', ['M43.06', 'M43.99'])))).toEqual(['validity/code-not-in-code-set']);
      expect(names(opened).sort()).toEqual(['icd10cm-fy2025.tsv', 'icd10cm-fy2026.tsv', 'icd10cm-fy2027.tsv']);
      expect(names(read)).toEqual([]); // not read whole for a few codes
      const fy2026 = loaded.right.codeSets.find((s) => s.version === 'FY2026')!;
      for (let i = 0; i < 100; i++) fy2026.get(`Z99.${i}`);
      expect(fy2026.get('M43.03')?.title).toBe('Spondylolysis, cervicothoracic region');
      expect(names(read)).toEqual(['icd10cm-fy2026.tsv']); // a batch: read whole, once
      expect(closed).toHaveBeenCalled();
    } finally {
      opened.mockRestore();
      read.mockRestore();
      closed.mockRestore();
    }
  });

  it('decoding, scrubbing and creating a server read no file, open no socket and print nothing', async () => {
    const spies = [
      jest.spyOn(fs, 'readFileSync'), jest.spyOn(fs, 'readFile'), jest.spyOn(fs, 'createReadStream'), jest.spyOn(fs, 'writeFileSync'),
      jest.spyOn(fs, 'createWriteStream'), jest.spyOn(fsp, 'readFile'), jest.spyOn(fsp, 'readdir'), jest.spyOn(fsp, 'writeFile'),
      jest.spyOn(net.Server.prototype, 'listen'), jest.spyOn(net, 'connect'),
      jest.spyOn(process.stdout, 'write'), jest.spyOn(process.stderr, 'write'), jest.spyOn(console, 'log'), jest.spyOn(console, 'error'), jest.spyOn(console, 'warn'),
    ];
    try {
      const scrubber = createScrubber(full, { preset: 'medicare' });
      const decoded = decodeClaim(claim('IO-1', ['M43.03']));
      if (decoded._tag === 'Left') throw new Error('decode');
      await scrubber.scrub(decoded.right);
      await scrubber.scrubInput({ nonsense: true });
      for await (const result of scrubber.scrubAll([{ kind: 'claim', claim: decoded.right, source: { record: 1 } }])) expect(result.status).toBe('scrubbed');
      const server = createServer(full, { limits: { maxClaims: 5 } });
      expect(server.http.listening).toBe(false);
      await server.close();
      for (const spy of spies) expect({ name: spy.getMockName(), calls: spy.mock.calls.length }).toEqual({ name: spy.getMockName(), calls: 0 });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
