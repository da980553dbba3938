import { body837, file837, group, I, institutionalClaim, interchange, P, professionalClaim, toText, transaction } from './make-837';
import { claims, read, rejections } from './read';

describe('837P (005010X222A1) claims', () => {
  it('reads the claim, its loops, HI diagnoses, SV1 lines and dates, with its source', async () => {
    const { items, stats } = await read(file837(P, [professionalClaim('C1X1'), professionalClaim('C2X2', {
      patient: { dob: '20100305', sex: 'M' },
      subscriber: { dob: '19700101', sex: 'F', filing: 'CI', payerId: 'AETNA01' },
      hi: [[['ABK', 'M5412'], ['ABF', 'M4303'], ['ABF', 'Z9889']]],
      lines: [
        { sv: ['SV1', ['HC', '99213', '25', '59'], '145', 'UN', '2', '11', '', ['1', '3']], date: '20260105' },
        { sv: ['SV1', ['HC', '72040'], '80.5', 'UN', '1', '', '', ['2']], date: '20260104' },
      ],
    })]));
    expect(stats).toMatchObject({ interchanges: 1, groups: 1, transactions: 1, claims: 2, rejections: 0 });
    expect(items.map((i) => i.kind)).toEqual(['claim', 'claim']);
    const [first, second] = claims(items);
    expect(first).toEqual({
      id: 'C1X1', type: 'professional', totalCharge: 1604.91, placeOfService: '21', frequency: '1',
      billingProvider: { npi: '1234567893', name: 'SPINE CLINIC', taxonomy: '207X00000X' },
      payer: { id: 'MEDICARE-JH', type: 'medicare' }, patient: { birthDate: '1961-04-02', sex: 'F' },
      serviceDate: '2026-01-15',
      diagnoses: [{ code: 'M43.03', system: 'ICD-10-CM' }, { code: 'M43.0', system: 'ICD-10-CM' }],
      lines: [{ procedureCode: '22551', charge: 1604.91, units: 1, diagnosisPointers: [1, 2], serviceDate: '2026-01-15' }],
    });
    // 2000C patient, not the subscriber; the claim's date is its earliest line's.
    expect(second.patient).toEqual({ birthDate: '2010-03-05', sex: 'M' });
    expect(second.payer).toEqual({ id: 'AETNA01', type: 'commercial' });
    expect(second.serviceDate).toBe('2026-01-04');
    expect(second.lines?.[0]).toEqual({ procedureCode: '99213', modifiers: ['25', '59'], charge: 145, units: 2, diagnosisPointers: [1, 3], serviceDate: '2026-01-05' });
    // Source: the file, ST02 and the CLM's position in the file (ISA = 1).
    const source = items[0].kind === 'claim' ? items[0].source : undefined;
    const text = file837(P, [professionalClaim('C1X1')]);
    const clmPosition = text.split('~').findIndex((s) => s.startsWith('CLM*')) + 1;
    expect(source).toEqual({ file: 'test.837', transaction: '0001', segment: clmPosition });
  });

  it('reads claims that share one subscriber loop, and ICD-9 qualifiers as ICD-9-CM', async () => {
    const { items } = await read(file837(P, [
      professionalClaim('C1X1', { hi: [[['BK', '7220'], ['BF', 'V7389']]] }),
      professionalClaim('C2X2', { hi: [[['BK', '8470'], ['BF', 'E8497']]] }),
    ], undefined, true));
    expect(claims(items).map((c) => [c.id, c.payer?.type, c.diagnoses])).toEqual([
      ['C1X1', 'medicare', [{ code: '722.0', system: 'ICD-9-CM' }, { code: 'V73.89', system: 'ICD-9-CM' }]],
      ['C2X2', 'medicare', [{ code: '847.0', system: 'ICD-9-CM' }, { code: 'E849.7', system: 'ICD-9-CM' }]],
    ]);
  });

  it('rejects a claim whose fields do not decode, naming the JSONPath and the segment', async () => {
    const text = file837(P, [professionalClaim('C1X1', {
      lines: [{ sv: ['SV1', ['HC', '22551'], 'abc', 'UN', '1', '', '', ['1', '7']], date: '20260230' }],
    })]);
    const { items } = await read(text);
    const [r] = rejections(items);
    expect(r.claimId).toBe('C1X1');
    const sv1 = text.split('~').findIndex((s) => s.startsWith('LX*')) + 1;
    expect(r.problems.map((p) => p.path).sort()).toEqual(['$.lines[0].charge', '$.lines[0].serviceDate', '$.serviceDate'].sort());
    expect(r.problems.find((p) => p.path === '$.lines[0].charge')!.message).toContain(`(segment ${sv1})`);
  });

  it('rejects a claim with no principal diagnosis, a qualifier that does not fit its code, or no CLM01', async () => {
    const { items } = await read(file837(P, [
      professionalClaim('C1X1', { hi: [[['ABF', 'M4303']]] }),
      professionalClaim('C2X2', { hi: [[['ABK', '7220']]] }),
      professionalClaim(''),
    ]));
    const [a, b, c] = rejections(items);
    expect(items).toHaveLength(3);
    expect(a.problems[0]).toMatchObject({ path: '$.diagnoses[0]', expected: 'a principal diagnosis (HI ABK/BK)' });
    expect(b.problems[0].path).toBe('$.diagnoses[0].code');
    expect(c.claimId).toBeUndefined();
    expect(c.problems.map((p) => p.path)).toContain('$.id');
  });

  it('rejects a claim with a segment that is not an 837 segment, and reads its neighbours', async () => {
    const text = file837(P, [professionalClaim('C1X1', { extra: [['S#1', 'HC', 'X']] }), professionalClaim('C2X2')]);
    const { items } = await read(text);
    expect(items.map((i) => i.kind)).toEqual(['rejected', 'claim']);
    const bad = text.split('~').findIndex((s) => s.startsWith('S#1')) + 1;
    expect(rejections(items)[0].problems[0].message).toContain(`segment ${bad} ("S#1*HC*X") is not a segment of an 837`);
  });
});

describe('837I (005010X223A2) claims', () => {
  it('reads bill type, POA, statement/admission/discharge dates, CL1 status, procedures and SV2 lines', async () => {
    const { items } = await read(file837(I, [institutionalClaim('C1X1', {
      hi: [
        [['ABK', 'M4303', '', '', '', '', '', '', 'Y']],
        [['ABJ', 'M5412'], ['APR', 'M542']],
        [['BBR', '0RG10A0', 'D8', '20260113'], ['BBQ', '0RT30ZZ', 'D8', '20260113']],
        [['ABF', 'A419', '', '', '', '', '', '', 'Y'], ['ABF', 'E119', '', '', '', '', '', '', 'N'], ['ABN', 'W1830XA', '', '', '', '', '', '', 'U']],
        [['BG', '01'], ['BH', '11', 'D8', '20260110']],
      ],
    })]));
    expect(claims(items)).toEqual([{
      id: 'C1X1', type: 'institutional', totalCharge: 18250, billType: '111', frequency: '1',
      billingProvider: { npi: '1234567893', name: 'SPINE CLINIC', taxonomy: '207X00000X' },
      payer: { id: 'MEDICARE-JH', type: 'medicare' }, patient: { birthDate: '1961-04-02', sex: 'F' },
      serviceDate: '2026-01-12', admissionDate: '2026-01-12', dischargeDate: '2026-01-15', dischargeStatus: '01',
      diagnoses: [
        { code: 'M43.03', system: 'ICD-10-CM', poa: 'Y' }, { code: 'A41.9', system: 'ICD-10-CM', poa: 'Y' },
        { code: 'E11.9', system: 'ICD-10-CM', poa: 'N' }, { code: 'W18.30XA', system: 'ICD-10-CM', poa: 'U' },
      ],
      admittingDiagnosis: { code: 'M54.12', system: 'ICD-10-CM' },
      reasonForVisit: [{ code: 'M54.2', system: 'ICD-10-CM' }],
      procedures: [{ code: '0RG10A0', date: '2026-01-13' }, { code: '0RT30ZZ', date: '2026-01-13' }],
      // The room-and-board line has no HCPCS: ServiceLine needs a procedure code, so it is not a line.
      lines: [{ revenueCode: '0300', procedureCode: '85025', charge: 45, units: 1, serviceDate: '2026-01-12' }],
    }]);
  });

  it('gives an interim bill (status 30) no discharge date, and rejects a bad POA indicator', async () => {
    const { items } = await read(file837(I, [
      institutionalClaim('C1X1', { status: '30', clm05: ['11', 'A', '2'], dates: [['434', 'RD8', '20260112-20260131'], ['435', 'D8', '20260112']] }),
      institutionalClaim('C2X2', { hi: [[['ABK', 'M4303', '', '', '', '', '', '', 'X']]] }),
    ]));
    const [interim] = claims(items);
    expect(interim).toMatchObject({ billType: '112', admissionDate: '2026-01-12', serviceDate: '2026-01-12', dischargeStatus: '30' });
    expect(interim.dischargeDate).toBeUndefined();
    expect(rejections(items)[0].problems[0]).toMatchObject({ path: '$.diagnoses[0].poa', value: 'X' });
  });

  it('tells 837P from 837I by CLM05-2 when a bare transaction has no version', async () => {
    const body = body837([institutionalClaim('C1X1'), professionalClaim('C2X2')]);
    const { items } = await read(toText(transaction('0001', undefined, body)));
    expect(claims(items).map((c) => [c.id, c.type])).toEqual([['C1X1', 'institutional'], ['C2X2', 'professional']]);
  });
});

describe('several interchanges, groups and transactions', () => {
  it('reads them all, in order, with each transaction control number', async () => {
    const d = { element: '*', component: ':', segment: '~', repetition: '^' };
    const text = toText([
      ...interchange('1', d, [
        group('1', P, [transaction('0001', P, body837([professionalClaim('C1X1')])), transaction('0002', P, body837([professionalClaim('C2X2'), professionalClaim('C3X3')]))]),
        group('2', I, [transaction('0003', I, body837([institutionalClaim('C4X4')]))]),
      ]),
    ], d) + toText(interchange('2', { ...d, element: '|', component: '>' }, [group('3', P, [transaction('0004', P, body837([professionalClaim('C5X5')]))])]), { ...d, element: '|', component: '>' });
    const { items, stats } = await read(text);
    expect(stats).toMatchObject({ interchanges: 2, groups: 3, transactions: 4, claims: 5, rejections: 0 });
    expect(items.map((i) => (i.kind === 'claim' ? `${i.claim.id}@${i.source.transaction}` : 'rejected'))).toEqual(['C1X1@0001', 'C2X2@0002', 'C3X3@0002', 'C4X4@0003', 'C5X5@0004']);
  });
});
