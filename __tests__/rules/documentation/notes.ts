import { claim } from '../../helpers/rule-tester';

// Chart notes for the documentation rules (rules/documentation/spine-*): a complete note, the same note with
// one element taken out, and the claim they travel on (22551 + M43.03 + M54.13, Medicare, the seed's case).
export const PARTS = {
  symptoms: 'HPI: right arm pain in a C8 distribution for 6 months, VAS 7/10, limiting work.',
  conservative: 'Failed 12 weeks of physical therapy and NSAIDs, and a C7-T1 epidural steroid injection without relief.',
  exam: 'Exam: strength 4/5 in the right finger flexors, decreased sensation in the C8 dermatome, Spurling positive on the right; no myelopathy.',
  imaging: 'CT C-spine: bilateral pars interarticularis defect at C7-T1.',
  listhesis: 'Alignment: no listhesis on flexion-extension views.',
  assessment: 'Assessment:\n1. Bilateral C7-T1 spondylolysis.\n2. C8 radiculopathy, right.',
} as const;

export const note = (replace: Partial<Record<keyof typeof PARTS, string>> = {}): string =>
  (Object.keys(PARTS) as (keyof typeof PARTS)[]).map((k) => replace[k] ?? PARTS[k]).filter((s) => s !== '').join('\n');

export const COMPLETE = note();

export const fusionClaim = (documentation: string | undefined, overrides: Record<string, unknown> = {}): Record<string, unknown> => claim({
  id: 'DOC-1', payer: { id: 'MEDICARE-JH', type: 'medicare' }, patient: { birthDate: '1961-04-02', sex: 'F' },
  diagnoses: ['M43.03', 'M54.13'],
  lines: [{ procedureCode: '22551', units: 1, charge: 1604.91, diagnosisPointers: [1, 2] }],
  ...(documentation === undefined ? {} : { documentation }),
  ...overrides,
});
