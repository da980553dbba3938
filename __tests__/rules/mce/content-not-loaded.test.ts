import { inpatientClaim, testRule } from '../../helpers/rule-tester';

// The loaded MCE v43.1 terminates on 2026-09-30 (mce.bin terminationDate).
testRule('mce/content-not-loaded', {
  valid: [
    { name: 'discharged on 2026-09-30, the last day of MCE v43.1', claim: inpatientClaim({ billType: '111', admissionDate: '2026-09-27', dischargeDate: '2026-09-30' }) },
    { name: 'an outpatient bill after it', claim: inpatientClaim({ billType: '131', admissionDate: undefined, dischargeDate: undefined, serviceDate: '2026-10-02' }) },
  ],
  invalid: [
    { name: 'discharged on 2026-10-01: the MCE content for that date is not loaded', claim: inpatientClaim({ billType: '111', admissionDate: '2026-09-28', dischargeDate: '2026-10-01' }),
      findings: [{ path: '$.dischargeDate', severity: 'warning', messageIncludes: ['2026-10-01', 'not applied'] }] },
  ],
});
