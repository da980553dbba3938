import { createScrubber } from '../../../src/scrub/scrubber';
import { shippedRuleSet } from '../../helpers/rule-tester';
import type { ScrubResult } from '../../../src/scrub/result';
import { decodeItem } from '../../../src/input/types';

// A complete, consistent claim of each type: no integrity/* rule speaks.
const professional = {
  id: 'CLEAN-P', type: 'professional', payer: { id: 'MEDICARE-JH', type: 'medicare' }, patient: { birthDate: '1961-04-02', sex: 'F' },
  serviceDate: '2026-01-15', diagnoses: ['M43.03', 'M54.13'], totalCharge: 2400.01,
  lines: [{ procedureCode: '22551', units: 1, charge: 1604.91, diagnosisPointers: [1, 2] }, { procedureCode: '22845', units: 1, charge: 795.1, diagnosisPointers: [1] }],
};
const institutional = {
  id: 'CLEAN-I', type: 'institutional', billType: '111', payer: { id: 'MEDICARE-JH', type: 'medicare' }, patient: { birthDate: '1958-03-02', sex: 'M' },
  admissionDate: '2026-01-12', dischargeDate: '2026-01-15', dischargeStatus: '01', diagnoses: [{ code: 'M43.03', poa: 'Y' }], totalCharge: 1200,
  lines: [{ procedureCode: '99223', units: 1, charge: 700, serviceDate: '2026-01-12', revenueCode: '0450' }, { procedureCode: '99233', units: 1, charge: 500, serviceDate: '2026-01-13', revenueCode: '0450' }],
};

it('a complete claim of each type gets no integrity finding', async () => {
  const ruleSet = await shippedRuleSet();
  const scrubber = createScrubber(ruleSet, { only: ruleSet.rules.filter((r) => r.meta.category === 'integrity').map((r) => r.id), now: '2026-12-04' });
  const results: ScrubResult[] = [];
  for await (const r of scrubber.scrubAll([professional, institutional].map((c, i) => decodeItem(c, { record: i + 1 })))) results.push(r);
  expect(results.map((r) => (r.status === 'scrubbed' ? r.findings.map((f) => f.ruleId) : r.problems))).toEqual([[], []]);
});
