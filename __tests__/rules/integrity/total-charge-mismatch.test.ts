import { claim, testRule } from '../../helpers/rule-tester';

const lines = [{ procedureCode: '22551', units: 1, charge: 1604.91 }, { procedureCode: '22845', units: 1, charge: 795.1 }];
testRule('integrity/total-charge-mismatch', {
  valid: [
    { name: 'the total equals the sum to the cent', claim: claim({ lines, totalCharge: 2400.01 }) },
    { name: 'no total given', claim: claim({ lines }) },
  ],
  invalid: [{ name: 'a total one dollar short', claim: claim({ lines, totalCharge: 2399.01 }), findings: [{ path: '$.totalCharge', messageIncludes: ['2399.01', '2400.01', '-1.00'] }] }],
});
