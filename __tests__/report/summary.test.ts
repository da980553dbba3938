import * as fc from 'fast-check';
import { decodeClaim } from '../../src/claim/decode';
import { addToSummary, claimCharge, emptySummary, mergeSummary, PART_OF_BATCH, rejectionReason, riskBin, summaryLine, summaryText, topRejections, topRules } from '../../src/report/summary';
import { finding, rejected, scrubbed } from './fixtures';

const claim = (raw: Record<string, unknown>) => {
  const decoded = decodeClaim({ id: 'C1', type: 'professional', serviceDate: '2026-01-15', diagnoses: ['I10'], ...raw });
  if (decoded._tag === 'Left') throw new Error(JSON.stringify(decoded.left));
  return decoded.right;
};

describe('claimCharge', () => {
  it('sums the line charges in cents, so 0.1 + 0.2 is 0.30', () => {
    expect(claimCharge(claim({ lines: [{ procedureCode: '99213', charge: 0.1 }, { procedureCode: '99214', charge: 0.2 }] }))).toBe(0.3);
  });
  it('falls back to totalCharge when no line has a charge, and to 0 when neither does', () => {
    expect(claimCharge(claim({ totalCharge: 250, lines: [{ procedureCode: '99213' }] }))).toBe(250);
    expect(claimCharge(claim({ lines: [{ procedureCode: '99213' }] }))).toBe(0);
  });
  it('prefers the claim total: an 837I total (CLM02) includes revenue-code-only lines the model does not carry', () => {
    // samples/seed-837i.837: CLM02 18250; of its three SV2 lines only HC:85025 (45) has a HCPCS code.
    expect(claimCharge(claim({ type: 'institutional', totalCharge: 18250, lines: [{ procedureCode: '85025', charge: 45 }] }))).toBe(18250);
  });
});

describe('the summary', () => {
  const header = finding();
  const radiculopathy = finding({ ruleId: 'companion/radiculopathy-code', severity: 'warning', denial: { risk: 0.3 } });
  const results = [
    { result: scrubbed('A', 0.85, [header]), charge: 1604.91 },
    { result: scrubbed('B', 0, []), charge: 145 },
    { result: scrubbed('C', 0.9, [header, header, radiculopathy]), charge: 210 },
    { result: scrubbed('D', 0.3, [radiculopathy]), charge: 80 },
    { result: rejected(5), charge: undefined },
    { result: rejected(6, '$.lines[3].units'), charge: undefined },
    { result: rejected(7, '$', 'a JSON object on one line'), charge: undefined },
  ];
  const s = emptySummary();
  for (const { result, charge } of results) addToSummary(s, result, charge);

  it('adds up: inputs = scrubbed + rejected; outcomes, histogram and reasons sum to their parts', () => {
    expect(s).toMatchObject({ inputs: 7, scrubbed: 4, rejected: 3, outcomes: { clean: 1, review: 1, 'likely-denial': 2 } });
    expect(s.riskHistogram.reduce((a, b) => a + b, 0)).toBe(s.scrubbed);
    expect(s.riskHistogram[0]).toBe(1);
    expect(s.riskHistogram[8]).toBe(1);
    expect(s.riskHistogram[9]).toBe(1);
    expect(Object.values(s.rejections).reduce((a, b) => a + b, 0)).toBe(s.rejected);
  });

  it('counts findings by rule and severity, and claims affected once per claim', () => {
    expect(s.findings).toEqual({ error: 3, warning: 2, info: 0 });
    expect(s.byRule).toEqual({ 'validity/header-code': 3, 'companion/radiculopathy-code': 2 });
    expect(s.rules['validity/header-code']).toMatchObject({ findings: 3, claims: 2, severity: { error: 3, warning: 0, info: 0 } });
    expect(topRules(s).map((r) => r.ruleId)).toEqual(['validity/header-code', 'companion/radiculopathy-code']);
  });

  it('sums charges by outcome', () => {
    expect(s.charges).toEqual({ 'likely-denial': 1814.91, review: 80, clean: 145 });
  });

  it('groups rejections by the first problem, indexes and values left out', () => {
    expect(topRejections(s)).toEqual([{ reason: '$.lines[*].units: positive number', count: 2 }, { reason: '$: a JSON object on one line', count: 1 }]);
    expect(rejectionReason(rejected(9, '$.serviceDate', '"2026-01-15" as on line 5'))).toBe('$.serviceDate: "…" as on line N');
  });

  it('keeps the first line scripts parse, and adds charges, top rules and rejections below it', () => {
    const text = summaryText(s);
    expect(text.split('\n')[0]).toBe(summaryLine(s));
    expect(text).toMatch(/^7 inputs = 4 scrubbed \+ 3 rejected \| outcomes: 1 clean, 1 review, 2 likely-denial/);
    expect(text).toContain('charges: $1,814.91 likely-denial, $80.00 review, $145.00 clean');
    expect(text).toContain('top rules by claims: validity/header-code 2, companion/radiculopathy-code 2');
    expect(text).toContain('rejections: 2 × $.lines[*].units: positive number, 1 × $: a JSON object on one line');
  });

  it('an empty batch says so in one line', () => {
    expect(summaryText(emptySummary())).toBe('0 inputs = 0 scrubbed + 0 rejected | outcomes: 0 clean, 0 review, 0 likely-denial | findings: 0 errors, 0 warnings, 0 info\n');
  });

  it('every score in 0..1 falls in a bin', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (score) => {
      const bin = riskBin(score);
      return Number.isInteger(bin) && bin >= 0 && bin <= 9;
    }));
  });
});

describe('claims not fully judged', () => {
  it('counts scrubbed claims with a finding of category data apart, and says so', async () => {
    const { createScrubber } = await import('../../src/scrub/scrubber');
    const { shippedRuleSet, claim } = await import('../helpers/rule-tester');
    const scrubber = createScrubber(await shippedRuleSet());
    const s = emptySummary();
    for (const serviceDate of ['2024-09-01', '2026-01-15', '2023-05-05']) addToSummary(s, await scrubber.scrubInput(claim({ serviceDate })));
    expect(s.notFullyJudged).toBe(2);
    expect(summaryText(s)).toContain('not fully judged: 2 claims');
  });
});

describe('a batch summed in parts (check --jobs: each worker sums its chunks)', () => {
  it('merged in input order equals the summary of every result added in order, past every limit', () => {
    // 260 payers (the summary names 200), 30 code-set wordings (it keeps 20), rejections, unpaid claims, and
    // charges in cents; cut into parts at arbitrary places.
    const codeSet = (i: number) => `ICD-10-CM FY2026; line ${i % 30}: ICD-10-CM FY2027`;
    const radiculopathy = finding({ ruleId: 'companion/radiculopathy-code', severity: 'warning', category: 'companion', denial: { risk: 0.3 } });
    const dataGap = finding({ ruleId: 'data/code-set-missing', severity: 'info', category: 'data', denial: { risk: 0 } });
    const rows = Array.from({ length: 900 }, (_, i) => {
      const result = i % 41 === 0 ? rejected(i + 1, i % 2 ? '$' : '$.lines[0].units')
        : { ...scrubbed(`C${i}`, (i % 11) / 10, i % 3 ? [finding(), radiculopathy] : i % 5 ? [] : [dataGap], i + 1), ruleSet: { version: '2026.11', codeSet: codeSet(i), ...(i % 7 ? {} : { preset: `p${i % 23}` }) } };
      return { result, charge: (i * 1234.57) % 9000 + 0.01 * (i % 100), payer: i % 13 === 0 ? undefined : `PAYER-${(i * 7) % 260}` };
    });
    const whole = emptySummary();
    for (const r of rows) addToSummary(whole, r.result, r.charge, r.payer);
    const cuts = [0, 1, 57, 58, 300, 301, 640, 899, 900];
    const merged = emptySummary();
    for (let c = 0; c + 1 < cuts.length; c++) {
      const part = emptySummary();
      for (const r of rows.slice(cuts[c], cuts[c + 1])) addToSummary(part, r.result, r.charge, r.payer, PART_OF_BATCH);
      mergeSummary(merged, part);
    }
    expect(Object.keys(whole.payers)).toHaveLength(201); // 200 named and the others
    expect(whole.judging.codeSets).toHaveLength(20);
    // JSON text, so the order of every key (first seen) is compared too.
    expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
  });
});
