import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatOf, readClaims, type InputItem } from '../../../src/input';
import { emptyX12Stats } from '../../../src/input/x12';
import { claims } from './read';

// Published fixtures of other X12 projects (origins and licences in __tests__/fixtures/x12/README.md).
const FIXTURES = path.join(__dirname, '../../fixtures/x12');
const SAMPLES = path.join(__dirname, '../../../samples');

async function readFile(file: string) {
  const stats = emptyX12Stats();
  const items: InputItem[] = [];
  for await (const item of readClaims(fs.createReadStream(file, { highWaterMark: 97 }), formatOf(file)!, { file: path.basename(file), stats })) items.push(item);
  return { items, stats };
}

describe('real 837 files', () => {
  it('stupidedi X222A1 commercial health insurance: 2000C patient, ICD-9, four SV1 lines', async () => {
    const { items, stats } = await readFile(path.join(FIXTURES, 'stupidedi__X222A1_commercial-health-insurance.edi'));
    expect(stats).toMatchObject({ interchanges: 1, transactions: 1, claims: 1, rejections: 0 });
    const [claim] = claims(items);
    expect(claim).toMatchObject({
      id: '26463774', type: 'professional', placeOfService: '11', patient: { birthDate: '1973-05-01', sex: 'M' },
      payer: { id: '999996666', type: 'commercial' }, serviceDate: '2006-10-03',
      diagnoses: [{ code: '034.0', system: 'ICD-9-CM' }, { code: 'V73.89', system: 'ICD-9-CM' }],
    });
    expect(claim.lines?.map((l) => [l.procedureCode, l.charge, l.diagnosisPointers, l.serviceDate])).toEqual([
      ['99213', 40, [1], '2006-10-03'], ['87070', 15, [1], '2006-10-03'], ['99214', 35, [2], '2006-10-10'], ['86663', 10, [2], '2006-10-10'],
    ]);
    expect(items[0].kind === 'claim' && items[0].source).toEqual({ file: 'stupidedi__X222A1_commercial-health-insurance.edi', transaction: '0021', segment: 29 });
  });

  it('stupidedi X223A2 two claims for the same provider: SV2 lines, CL1, statement dates', async () => {
    const { items, stats } = await readFile(path.join(FIXTURES, 'stupidedi__X223A2_two-claims-for-the-same-provider.edi'));
    expect(stats).toMatchObject({ claims: 2, rejections: 0 });
    expect(claims(items).map((c) => [c.id, c.type, c.billType, c.dischargeStatus, c.serviceDate, c.diagnoses.map((d) => d.code), c.lines?.map((l) => [l.revenueCode, l.procedureCode, l.units])])).toEqual([
      ['756048Q', 'institutional', '131', '01', '2005-03-15', ['366.9', '401.9', '794.31'], [['0305', '85025', 1], ['0730', '93010', 3]]],
      ['756049Q', 'institutional', '131', '01', '2005-04-01', ['300.00'], [['0300', '85087', 1]]],
    ]);
  });

  it('staedi sample837: newline-terminated, indented, > components, ISA11 ` with ISA12 00402', async () => {
    const { items, stats } = await readFile(path.join(FIXTURES, 'staedi__sample837-original.edi'));
    expect(stats).toMatchObject({ claims: 1, rejections: 0 });
    expect(claims(items)[0]).toMatchObject({
      id: '945405', totalCharge: 5332.54, patient: { birthDate: '1994-09-21', sex: 'M' }, diagnoses: [{ code: '253.3', system: 'ICD-9-CM' }],
      lines: [{ procedureCode: 'J2941', units: 84, charge: 5332.54, diagnosisPointers: [1], serviceDate: '2011-05-11' }],
    });
  });

  it('UHIN 837: ICD-10 ABK, subscriber is the patient', async () => {
    const { items } = await readFile(path.join(FIXTURES, 'uhin__837.edi'));
    expect(claims(items)).toEqual([expect.objectContaining({
      id: '1606', patient: { birthDate: '1946-11-11', sex: 'F' }, diagnoses: [{ code: 'R69', system: 'ICD-10-CM' }], serviceDate: '2024-08-15',
    })]);
  });

  it('the shipped samples: seed-837p.837 and seed-837i.837', async () => {
    const p = await readFile(path.join(SAMPLES, 'seed-837p.837'));
    expect(p.stats).toMatchObject({ interchanges: 1, transactions: 1, claims: 2, rejections: 0 });
    expect(claims(p.items)[0]).toMatchObject({
      id: 'CLM-1001', type: 'professional', payer: { type: 'medicare' }, serviceDate: '2026-01-15',
      diagnoses: [{ code: 'M43.03' }, { code: 'M43.0' }], lines: [{ procedureCode: '22551', diagnosisPointers: [1, 2], serviceDate: '2026-01-15' }],
    });
    const i = await readFile(path.join(SAMPLES, 'seed-837i.837'));
    expect(i.stats).toMatchObject({ claims: 1, rejections: 0 });
    expect(claims(i.items)[0]).toMatchObject({
      type: 'institutional', billType: '111', admissionDate: '2026-01-12', dischargeDate: '2026-01-15', dischargeStatus: '01',
      payer: { type: 'medicare' }, diagnoses: [{ code: 'M43.03', poa: 'Y' }, { code: 'A41.9', poa: 'Y' }],
    });
  });

  it('maps .x12 .837 .edi .txt to the X12 reader', () => {
    expect(['a.x12', 'b.837', 'c.EDI', 'd.txt'].map(formatOf)).toEqual(['x12', 'x12', 'x12', 'x12']);
  });
});
