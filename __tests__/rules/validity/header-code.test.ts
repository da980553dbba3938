import { claim, testRule } from '../../helpers/rule-tester';

// Values from shared/domain/icd10cm/codes-fy2026.tsv and -fy2027.tsv: M43.0 and M54.1 are headers;
// M54.5 is a header since FY2022 (split into M54.50/M54.51/M54.59); D69.1 is billable in FY2026 and
// a header in FY2027 (fy2027-changes/billable-status-changes.csv), with children D69.11 and D69.19.
testRule('validity/header-code', {
  valid: [
    { name: 'billable codes', claim: claim({ diagnoses: ['M43.03', 'M54.12', 'M54.50'] }) },
    { name: 'D69.1 on 2026-09-30, still billable in FY2026', claim: claim({ serviceDate: '2026-09-30', diagnoses: ['D69.1'] }) },
    { name: 'a code absent from the code set is not a header', claim: claim({ diagnoses: ['M43.99'] }) },
  ],
  invalid: [
    {
      name: 'M43.0 (the seed claim): fix lists its ten billable children',
      claim: claim({ diagnoses: ['M43.03', 'M43.0'] }),
      findings: [{ path: '$.diagnoses[1]', code: 'M43.0', severity: 'error',
        fix: { action: 'replace', replaces: 'M43.0', includes: 'M43.03 (Spondylolysis, cervicothoracic region)' },
        messageIncludes: ["'Spondylolysis'", 'ICD-10-CM FY2026'] }],
    },
    {
      name: 'M43.0 with its child M43.03 already on the claim: the fix says to remove the header instead',
      claim: claim({ diagnoses: ['M43.03', 'M43.0'] }),
      findings: [{ path: '$.diagnoses[1]', code: 'M43.0', fix: { includes: 'M43.03, under M43.0, is already on the claim: if the chart supports it, remove M43.0 instead.' } }],
    },
    {
      name: 'M54.5 on 2026-01-15: billable only through FY2021',
      claim: claim({ diagnoses: ['M54.5'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'M54.5', fix: { includes: 'M54.50 (Low back pain, unspecified), M54.51 (Vertebrogenic low back pain), M54.59 (Other low back pain)' },
        messageIncludes: ['billable FY2016 to FY2021'] }],
    },
    {
      name: 'D69.1 on 2026-10-01, a header from FY2027',
      claim: claim({ serviceDate: '2026-10-01', diagnoses: ['D69.1'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'D69.1', fix: { includes: 'D69.11 (Glanzmann thrombasthenia), D69.19' }, messageIncludes: ['ICD-10-CM FY2027', 'through 2026-09-30'] }],
    },
    {
      name: 'a 3-character category with many children lists 12 and counts the rest',
      claim: claim({ diagnoses: ['M43'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'M43', fix: { includes: 'and ' } }],
    },
  ],
});
