import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeClaim } from '../../src/claim/decode';
import { normalizeDiagnosisCode } from '../../src/claim/codecs';

// The whole-code-set sweep: every code of every shipped ICD-10-CM code set (headers and billable codes),
// dotted and undotted, decodes to itself. Whether a code exists on a date is the code set's answer
// (validity/*), never the decoder's pattern: FY2026 QA0.* and FY2027 QA1.* have a letter in second place.
const DATA = path.join(__dirname, '..', '..', 'rules', 'data');
const codeSets = fs.readdirSync(DATA).filter((f) => /^icd10cm-fy\d{4}\.tsv$/.test(f));

describe.each(codeSets)('%s', (file) => {
  const codes = fs.readFileSync(path.join(DATA, file), 'utf8').split('\n').filter(Boolean).map((line) => line.split('\t')[0]);

  it('every code, dotted and undotted, normalizes to itself as ICD-10-CM', () => {
    const lost = codes.filter((code) => {
      const dotted = normalizeDiagnosisCode(code);
      const undotted = normalizeDiagnosisCode(code.replace('.', ''));
      return dotted?.code !== code || undotted?.code !== code || dotted.system !== 'ICD-10-CM' || undotted.system !== 'ICD-10-CM';
    });
    expect(lost).toEqual([]);
    expect(codes.length).toBeGreaterThan(97000);
  });

  it('a claim with one of its codes in every 1,000 decodes (the full claim codec, not only the pattern)', () => {
    const rejected = codes.filter((_, i) => i % 1000 === 0).filter((code) =>
      decodeClaim({ id: code, type: 'professional', serviceDate: '2026-01-15', diagnoses: [code.replace('.', '')] })._tag === 'Left');
    expect(rejected).toEqual([]);
  });
});

it('QA0.0101 (FY2026) and QA1 codes (FY2027) are codes, not malformed input', () => {
  expect(normalizeDiagnosisCode('QA00101')).toEqual({ code: 'QA0.0101', system: 'ICD-10-CM' });
  expect(decodeClaim({ id: 'Q', type: 'professional', serviceDate: '2026-01-15', diagnoses: ['QA0.0101'] })._tag).toBe('Right');
});
