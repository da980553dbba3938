import { inpatientClaim, testRule } from '../../helpers/rule-tester';

testRule('drg/ungroupable', {
  valid: [
    { name: 'valid PDX, POA on every code', claim: inpatientClaim({ diagnoses: [{ code: 'M43.03', poa: 'Y' }, { code: 'L89.154', poa: 'N' }] }) },
    { name: 'a non-HAC secondary code without POA', claim: inpatientClaim({ diagnoses: [{ code: 'M43.03', poa: 'Y' }, 'A41.9'] }) },
    { name: 'Part 2 MCC with a discharge status', claim: inpatientClaim({ diagnoses: ['M43.03', 'I46.9'], dischargeStatus: '20' }) },
    { name: 'FY2027 discharge: grouper not loaded, nothing judged', claim: inpatientClaim({ dischargeDate: '2026-10-02', diagnoses: ['M43.0'] }) },
  ],
  invalid: [
    {
      name: 'header PDX M43.0',
      claim: inpatientClaim({ diagnoses: [{ code: 'M43.0', poa: 'Y' }] }),
      findings: [{ path: '$.diagnoses[0]', code: 'M43.0', severity: 'error', messageIncludes: ['DRG 999', 'M43.0 is a header'] }],
    },
    {
      name: 'HAC code (stage 4 pressure ulcer) without POA',
      claim: inpatientClaim({ diagnoses: [{ code: 'M43.03', poa: 'Y' }, 'L89.154'] }),
      findings: [{ path: '$.diagnoses[1]', code: 'L89.154', messageIncludes: ['hospital-acquired-condition code', 'without a POA indicator'] }],
    },
    {
      name: 'Part 2 MCC and no discharge status',
      claim: inpatientClaim({ diagnoses: ['M43.03', 'I46.9'], dischargeStatus: undefined }),
      findings: [{ path: '$.dischargeStatus', code: 'I46.9', messageIncludes: ['Appendix C Part 2'] }],
    },
  ],
});
