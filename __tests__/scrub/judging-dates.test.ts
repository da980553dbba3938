import { createScrubber } from '../../src/scrub/scrubber';
import { claim, inpatientClaim, shippedRuleSet } from '../helpers/rule-tester';

// S23.420A is deleted on 2026-10-01 (shared/domain/icd10cm/fy2027-changes/deleted.csv): valid in FY2026, absent in FY2027.
const line = (serviceDate: string) => ({ procedureCode: '99213', units: 1, charge: 100, serviceDate, diagnosisPointers: [1] });

describe('each line judged on its own date of service', () => {
  it('a claim whose lines straddle 1 October: S23.420A flagged on the second line only, and the result says which code set judged what', async () => {
    const scrubber = createScrubber(await shippedRuleSet(), { only: ['validity/code-not-in-code-set'] });
    const result = await scrubber.scrubInput(claim({ serviceDate: undefined, diagnoses: ['S23.420A'], lines: [line('2026-09-30'), line('2026-10-01')] }));
    if (result.status !== 'scrubbed') throw new Error('does not decode');
    expect(result.findings.map((f) => f.evidence)).toEqual([[{ path: '$.lines[1].diagnosisPointers[0]', code: 'S23.420A' }, { path: '$.diagnoses[0]' }]]);
    expect(result.findings[0].message).toContain('ICD-10-CM FY2027, the code set in force on 2026-10-01');
    expect(result.ruleSet.codeSet).toBe('ICD-10-CM FY2026; line 2: ICD-10-CM FY2027');
  });

  it('both lines after 1 October: one finding at the diagnosis, as before', async () => {
    const scrubber = createScrubber(await shippedRuleSet(), { only: ['validity/code-not-in-code-set'] });
    const result = await scrubber.scrubInput(claim({ serviceDate: undefined, diagnoses: ['S23.420A'], lines: [line('2026-10-01'), line('2026-10-02')] }));
    expect(result.status === 'scrubbed' && result.findings.map((f) => f.evidence[0].path)).toEqual(['$.diagnoses[0]']);
  });

  it('a hospital inpatient claim is judged by its discharge date as a whole', async () => {
    const scrubber = createScrubber(await shippedRuleSet(), { only: ['validity/code-not-in-code-set'] });
    const result = await scrubber.scrubInput(inpatientClaim({ billType: '111', admissionDate: '2026-09-28', dischargeDate: '2026-09-30', diagnoses: [{ code: 'S23.420A', poa: 'Y' }], lines: [line('2026-09-28')] }));
    expect(result.status === 'scrubbed' && result.findings).toEqual([]);
  });
});

describe('inpatient by type of bill', () => {
  const outpatient = inpatientClaim({ billType: '131', admissionDate: undefined, serviceDate: '2026-01-15', dischargeDate: '2026-01-15' });
  it('a 131 outpatient bill gets no DRG, and its lines are judged on their dates', async () => {
    const result = await createScrubber(await shippedRuleSet()).scrubInput(outpatient);
    expect(result.status === 'scrubbed' && result.drg).toBeUndefined();
  });
  it('a 111 inpatient bill, and an institutional claim with no type of bill but a discharge date, are grouped', async () => {
    const scrubber = createScrubber(await shippedRuleSet());
    for (const c of [inpatientClaim({ billType: '111' }), inpatientClaim()]) {
      const result = await scrubber.scrubInput(c);
      expect(result.status === 'scrubbed' && result.drg?.drg).toBe('552');
    }
  });
});
