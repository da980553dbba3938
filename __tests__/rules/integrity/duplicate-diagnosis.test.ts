import { claim, testRule } from '../../helpers/rule-tester';

testRule('integrity/duplicate-diagnosis', {
  valid: [{ name: 'distinct codes', claim: claim({ diagnoses: ['M43.03', 'M43.13'] }) }],
  invalid: [
    { name: 'M43.03 twice, dotted and undotted (normalized alike)', claim: claim({ diagnoses: ['M43.03', 'M54.13', 'M4303'] }),
      findings: [{ path: '$.diagnoses[2]', code: 'M43.03', severity: 'warning', fix: { action: 'remove' }, messageIncludes: ['listed 2 times', '$.diagnoses[0]'] }] },
  ],
});
