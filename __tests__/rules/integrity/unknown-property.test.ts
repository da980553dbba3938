import { createScrubber } from '../../../src/scrub/scrubber';
import { decodeItem } from '../../../src/input/types';
import { readCsv, readJson, readNdjson } from '../../../src/input';
import { claim, shippedRuleSet } from '../../helpers/rule-tester';

// The decoder turns unknown JSON properties into IntakeDefects (kind json/unknown-property); this rule reports them.
describe('integrity/unknown-property', () => {
  const defect = { kind: 'json/unknown-property', path: '$.documentaton', message: 'Unknown property "documentaton": did you mean "documentation"?', fields: { property: 'documentaton', suggestion: 'documentation' } };

  it('reports each unknown-property defect as a warning at its path, with the reader\'s words', async () => {
    const scrubber = createScrubber(await shippedRuleSet(), { only: ['integrity/unknown-property'] });
    const item = decodeItem(claim(), {});
    if (item.kind !== 'claim') throw new Error('test claim does not decode');
    const result = await scrubber.scrub(item.claim, {}, { defects: [defect, { kind: 'x12/other', path: '$', message: 'not mine' }] });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toEqual(expect.objectContaining({ ruleId: 'integrity/unknown-property', severity: 'warning', message: defect.message }));
    expect(result.findings[0].evidence[0]).toEqual({ path: '$.documentaton' });
  });

  it('is silent on a claim without defects', async () => {
    const scrubber = createScrubber(await shippedRuleSet(), { only: ['integrity/unknown-property'] });
    expect(await scrubber.scrubInput(claim(), {})).toEqual(expect.objectContaining({ findings: [] }));
  });

  it('reads unknown properties at every level of a JSON claim through decodeItem, with the closest known property', async () => {
    const input = { ...claim({ documentaton: 'pars defect', patient: { birthDate: '1961-04-02', sexx: 'F' }, payer: { id: 'MEDICARE', tpye: 'medicare' },
      diagnoses: ['M43.03', { code: 'M54.13', poaa: 'Y' }], lines: [{ procedureCode: '99213', unit: 1, diagnosisPointers: [1] }], zzzqqq: 1 }) };
    const item = decodeItem(input, {});
    if (item.kind !== 'claim') throw new Error('test claim does not decode');
    expect(item.defects?.map((d) => [d.path, d.fields?.suggestion]).sort()).toEqual([
      ['$.diagnoses[1].poaa', 'poa'], ['$.documentaton', 'documentation'], ['$.lines[0].unit', 'units'], ['$.patient.sexx', 'sex'], ['$.payer.tpye', 'type'], ['$.zzzqqq', ''],
    ]);
    expect(item.defects?.find((d) => d.path === '$.documentaton')?.message).toBe('Unknown property "documentaton" at $.documentaton is not read: did you mean "documentation"?');
    const scrubber = createScrubber(await shippedRuleSet(), { only: ['integrity/unknown-property'] });
    const result = await scrubber.scrubInput(input, {});
    expect(result).toEqual(expect.objectContaining({ status: 'scrubbed' }));
    if (result.status !== 'scrubbed') return;
    expect(result.findings.map((f) => f.evidence[0].path)).toEqual(expect.arrayContaining(['$.documentaton', '$.lines[0].unit', '$.zzzqqq']));
    expect(result.findings.find((f) => f.evidence[0].path === '$.lines[0].unit')?.message).toContain('did you mean "units"?');
  });

  it('carries the defects from the JSON and NDJSON readers, and a __proto__ key cannot smuggle a field', async () => {
    const text = JSON.stringify(claim({ documentaton: 'x' }));
    for (const reader of [readJson, readNdjson]) {
      const items = [];
      for await (const item of reader([text])) items.push(item);
      expect(items).toHaveLength(1);
      expect(items[0].kind === 'claim' && items[0].defects?.[0].path).toBe('$.documentaton');
    }
    const smuggled = `{"id":"P","type":"professional","diagnoses":["M43.03"],"__proto__":{"serviceDate":12345}}`;
    const items = [];
    for await (const item of readNdjson([smuggled])) items.push(item);
    expect(items[0].kind).toBe('rejected'); // no serviceDate: the __proto__ object is not read
    expect(({} as Record<string, unknown>).serviceDate).toBeUndefined();
    const csv = [];
    for await (const item of readCsv(['claim_id,claim_type,service_date,diagnosis_codes,procedure_code\nC1,professional,2026-01-15,M43.03,99213\n'])) csv.push(item);
    expect(csv[0].kind).toBe('claim');
  });
});
