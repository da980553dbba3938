import { inpatientClaim, testRule } from '../../helpers/rule-tester';

// Dates from the MCE v43.1 procedure master (shared/domain/mce-v43/i10sg-master.tsv): XW0DXT5 valid until
// 2024-09-30 (then deleted); 0RG10A0 valid throughout.
testRule('validity/procedure-not-in-code-set', {
  valid: [
    { name: '0RG10A0 (cervical fusion) in FY2026', claim: inpatientClaim({ procedures: [{ code: '0RG10A0' }] }) },
    { name: 'XW0DXT5 on 2024-09-30, its last day', claim: inpatientClaim({ admissionDate: '2024-09-28', dischargeDate: '2024-09-30', procedures: [{ code: 'XW0DXT5' }] }) },
  ],
  invalid: [
    { name: 'XW0DXT5 on 2026-01-15, deleted after 2024-09-30', claim: inpatientClaim({ procedures: [{ code: '0RG10A0' }, { code: 'XW0DXT5' }] }), findings: [{ path: '$.procedures[1]', code: 'XW0DXT5' }] },
  ],
});
