import { claim, inpatientClaim, testRule } from '../../helpers/rule-tester';

const line = [{ procedureCode: '99223', units: 1, charge: 500, revenueCode: '0450' }];
testRule('integrity/bill-type-missing', {
  valid: [
    { name: 'an institutional claim with type of bill 111', claim: inpatientClaim({ billType: '111', lines: line }) },
    { name: 'a professional claim has none', claim: claim() },
  ],
  invalid: [{ name: 'institutional without type of bill', claim: inpatientClaim({ lines: line }), findings: [{ path: '$.billType', messageIncludes: ['form locator 4'] }] }],
});
