import { claim, testRule } from '../../helpers/rule-tester';

testRule('integrity/payer-missing', {
  valid: [{ name: 'a payer with an id', claim: claim() }],
  invalid: [{ name: 'no payer', claim: claim({ payer: undefined }), findings: [{ path: '$.payer', severity: 'error', fix: { action: 'add' }, messageIncludes: ['names no payer'] }] }],
});
