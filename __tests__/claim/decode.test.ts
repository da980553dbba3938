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

  // Properties whose codecs keep what they accept are checked with is() first: that must neither skip a
  // normalization nor lose a problem's path deep inside them.
  it('normalizes the admitting diagnosis and reasons for visit too, beside properties valid as they are', () => {
    const result = decodeClaim({ id: 'A', type: 'institutional', dischargeDate: '2026-01-15', diagnoses: ['M4303'], admittingDiagnosis: { code: 'm4303' },
      reasonForVisit: [{ code: 'M5412' }], patient: { sex: 'F' }, lines: [{ procedureCode: '22551', modifiers: ['59'] }] });
    expect(result._tag === 'Right' && [result.right.admittingDiagnosis, result.right.reasonForVisit]).toEqual([
      { code: 'M43.03', system: 'ICD-10-CM' }, [{ code: 'M54.12', system: 'ICD-10-CM' }],
    ]);
  });
  it('finds a problem deep inside a property of plain values, at its path', () => {
    const result = decodeClaim({ id: 'A', type: 'professional', serviceDate: '2026-01-15', diagnoses: ['M43.03'], patient: { sex: 'X' },
      lines: [{ procedureCode: '22551' }, { procedureCode: '22551', modifiers: ['59', 'X'], diagnosisPointers: [1, 0] }] });
    expect(result._tag === 'Left' && result.left.map((p) => p.path)).toEqual(['$.patient.sex', '$.lines[1].modifiers[1]', '$.lines[1].diagnosisPointers[1]']);
  });
});
