import { decodeClaim } from '../../src/claim/decode';
import { normalizeDiagnosisCode } from '../../src/claim/codecs';

describe('normalizeDiagnosisCode', () => {
  it.each([
    ['M4303', 'M43.03', 'ICD-10-CM'], ['m43.03', 'M43.03', 'ICD-10-CM'], ['M43', 'M43', 'ICD-10-CM'], ['S301XXA', 'S30.1XXA', 'ICD-10-CM'],
    ['7220', '722.0', 'ICD-9-CM'], ['722.10', '722.10', 'ICD-9-CM'], ['E849.7', 'E849.7', 'ICD-9-CM'],
  ])('%s → %s (%s)', (raw, code, system) => {
    expect(normalizeDiagnosisCode(raw)).toEqual({ code, system });
  });
  it('takes an explicit ICD-9-CM system for V-codes', () => {
    expect(normalizeDiagnosisCode('V7231', 'ICD-9-CM')).toEqual({ code: 'V72.31', system: 'ICD-9-CM' });
  });
  it('refuses shapes that are neither', () => {
    expect(normalizeDiagnosisCode('X1')).toBeNull(); // too short for any code; XYZ is a code shape now (QA0 has a letter second) and the code set says it does not exist
    expect(normalizeDiagnosisCode('M43.03.1')).toBeNull();
  });
});

describe('decodeClaim', () => {
  it('gathers every problem of a record, each with its JSONPath, value and expectation', () => {
    const result = decodeClaim({ id: '', type: 'dental', serviceDate: '2026-02-30', diagnoses: ['XX', 5], lines: [{ procedureCode: '2255', units: 0 }], documentation: 5 });
    expect(result._tag).toBe('Left');
    if (result._tag !== 'Left') return;
    expect(result.left.map((p) => p.path)).toEqual(['$.id', '$.type', '$.diagnoses[0].code', '$.diagnoses[1]', '$.serviceDate', '$.lines[0].procedureCode', '$.lines[0].units', '$.documentation']);
    expect(result.left.find((p) => p.path === '$.serviceDate')).toEqual({ path: '$.serviceDate', value: '2026-02-30', expected: 'IsoDate (a calendar date, YYYY-MM-DD)', message: '$.serviceDate is "2026-02-30": expected IsoDate (a calendar date, YYYY-MM-DD)' });
  });

  it('checks claim-level rules: a date to judge by, diagnoses (a pointer past the diagnoses is a finding, not a rejection)', () => {
    const result = decodeClaim({ id: 'A', type: 'professional', diagnoses: ['M43.03'], lines: [{ procedureCode: '22551', diagnosisPointers: [2] }] });
    expect(result._tag === 'Left' && result.left.map((p) => p.path)).toEqual(['$.serviceDate']);
    const missing = decodeClaim({ id: 'A', type: 'institutional', diagnoses: [] });
    expect(missing._tag === 'Left' && missing.left.map((p) => p.path)).toEqual(['$.dischargeDate', '$.diagnoses']);
  });

  it('normalizes diagnoses to dotted objects and keeps POA', () => {
    const result = decodeClaim({ id: 'A', type: 'institutional', dischargeDate: '2026-01-15', diagnoses: ['M4303', { code: 'a419', poa: 'Y' }] });
    expect(result._tag === 'Right' && result.right.diagnoses).toEqual([
      { code: 'M43.03', system: 'ICD-10-CM' }, { code: 'A41.9', system: 'ICD-10-CM', poa: 'Y' },
    ]);
  });
});
