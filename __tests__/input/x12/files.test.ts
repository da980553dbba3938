import type { InputItem } from '../../../src/input';
import { tokenize, type Token } from '../../../src/input/x12';
import { body837, type Delims, file837, group, I, institutionalClaim, interchange, P, professionalClaim, STANDARD, toText, transaction } from './make-837';
import { claims, read, rejections } from './read';

const CLAIMS = [professionalClaim('C1X1'), professionalClaim('C2X2', { patient: { dob: '20100305', sex: 'M' } })];
const standard = file837(P, CLAIMS);

async function decodedClaims(text: string | Uint8Array | (string | Uint8Array)[]): Promise<unknown> {
  const { items } = await read(text);
  expect(items.every((i) => i.kind === 'claim')).toBe(true);
  return claims(items);
}

async function tokens(text: string): Promise<Token[]> {
  const out: Token[] = [];
  async function* one() { yield text; }
  for await (const t of tokenize(one())) out.push(t);
  return out;
}

describe('delimiters and text forms', () => {
  let expected: unknown;
  beforeAll(async () => { expected = await decodedClaims(standard); });

  it.each<[string, Delims]>([
    ['~ elements, ^ components, _ terminators', { element: '~', component: '^', segment: '_', repetition: '{' }],
    ['| elements, > components', { element: '|', component: '>', segment: '~', repetition: '^' }],
    ['newline-terminated (LF)', { element: '*', component: ':', segment: '\n', repetition: '^' }],
    ['CRLF after each terminator', { ...STANDARD, eol: '\r\n' }],
    ['newline-terminated CRLF', { element: '*', component: ':', segment: '\r\n', repetition: '^' }],
    ['an alphanumeric ISA11 (U) with 00501', { element: '*', component: ':', segment: '~', repetition: 'U' }],
  ])('decodes %s the same as * : ~', async (_, d) => {
    expect(await decodedClaims(file837(P, CLAIMS, d))).toEqual(expected);
  });

  it('takes ISA11 as the repetition separator only when it is not alphanumeric', async () => {
    const seg = (await tokens(file837(P, CLAIMS, { ...STANDARD, repetition: 'U' })))[0];
    expect(seg.kind === 'segment' && seg.delimiters).toEqual({ element: '*', component: ':', segment: '~' });
    const caret = (await tokens(standard))[0];
    expect(caret.kind === 'segment' && caret.delimiters).toEqual({ element: '*', component: ':', segment: '~', repetition: '^' });
  });

  it('copes with a UTF-8 BOM, CRLF, indentation, blank lines and text before the ISA', async () => {
    const indented = standard.split('~').map((s, i) => `${'  '.repeat(i % 4)}${s}`).join('~\r\n\r\n');
    expect(await decodedClaims(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`From: clearinghouse\r\nSubject: batch 7\r\n\r\n${indented}`)]))).toEqual(expected);
  });

  it('reads UTF-16 LE with a BOM and UTF-16 BE without one', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(standard, 'utf16le')]);
    expect(await decodedClaims(le)).toEqual(expected);
    const be = Buffer.from(standard, 'utf16le').swap16();
    expect(await decodedClaims(be)).toEqual(expected);
    // Streamed in odd-sized pieces, a code unit split across chunks.
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < le.length; i += 7) pieces.push(le.subarray(i, i + 7));
    expect(await decodedClaims(pieces)).toEqual(expected);
  });

  it('skips text between and after interchanges, and a DOS Ctrl-Z end mark, as it skips text before the ISA', async () => {
    const { items, stats } = await read(`${standard}\r\n=== next batch ===\r\n${file837(P, [professionalClaim('C3X3')])}\r\n-- end of transfer --\u001a`);
    expect(items.map((i) => i.kind)).toEqual(['claim', 'claim', 'claim']);
    expect(stats.ignoredCharacters).toBeGreaterThan(30);
  });

  it('reads the same whatever the chunking (one character at a time)', async () => {
    expect(await decodedClaims([...standard])).toEqual(expected);
  });

  it('reads segments wrapped at 80 columns inside a ~-terminated file', async () => {
    expect(await decodedClaims(standard.replace(/(.{80})/g, '$1\r\n'))).toEqual(expected);
  });

  it('reads a bare ST…SE with no envelope, guessing the component separator', async () => {
    const bare = toText(transaction('0001', P, body837(CLAIMS)), { element: '|', component: '>', segment: '\n', repetition: '' });
    const { items, stats } = await read(`garbage line\n${bare}`);
    expect(claims(items)).toEqual(expected);
    expect(stats).toMatchObject({ interchanges: 0, transactions: 1, claims: 2, rejections: 0 });
  });

  it('reads ISAs that are not space-padded to fixed width', async () => {
    const trimmed = standard.replace(/^ISA[^~]*~/, (isa) => isa.replace(/ +\*/g, '*'));
    expect(trimmed.indexOf('~')).toBeLessThan(106);
    expect(await decodedClaims(trimmed)).toEqual(expected);
  });

  it('rejects an empty file and a file that is not X12, once', async () => {
    expect(rejections((await read('')).items).map((r) => r.problems[0].message)).toEqual(['test.837 is empty']);
    const json = rejections((await read('{"id":"A"}\n')).items);
    expect(json).toHaveLength(1);
    expect(json[0].problems[0].message).toMatch(/has no ISA or ST\*837 segment: it is not an X12 file/);
    const binary = rejections((await read(Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 9, 10]))).items);
    expect(binary).toHaveLength(1);
  });

  it('skips an over-long segment as damage, naming it', async () => {
    const text = file837(P, [professionalClaim('C1X1', { extra: [['NTE', 'ADD', 'x'.repeat(70_000)]] }), professionalClaim('C2X2')]);
    const { items } = await read(text);
    expect(items.map((i) => i.kind)).toEqual(['rejected', 'claim']);
    expect(rejections(items)[0].problems[0].message).toMatch(/characters long \(no terminator in sight\): it was skipped/);
  });
});

describe('envelope problems are defects on every claim they touch, named with their segment; no extra records', () => {
  const segmentOf = (text: string, prefix: string): number => text.split('~').findIndex((s) => s.startsWith(prefix)) + 1;
  const defectsOf = (items: readonly InputItem[], kind?: string) => items.flatMap((i) => (i.kind === 'claim' ? (i.defects ?? []).filter((d) => !kind || d.kind === kind).map((d) => ({ id: i.claim.id, ...d })) : []));

  it('a wrong SE01 segment count: both claims scrubbed, each with the count defect (999 IK5 code 4)', async () => {
    const text = standard.replace(/SE\*(\d+)\*/, 'SE*99*');
    const { items, stats } = await read(text);
    expect(items.map((i) => i.kind)).toEqual(['claim', 'claim']);
    const ds = defectsOf(items);
    expect(ds.map((d) => d.id)).toEqual(['C1X1', 'C2X2']);
    expect(ds[0]).toMatchObject({ kind: 'x12/envelope-count', path: '$', fields: { segment: segmentOf(text, 'SE*'), element: 'SE01', snip: 1, found: '99' } });
    expect(ds[0].message).toMatch(/^a receiver rejects transaction 0001: SE01 at segment \d+ says "99" segments, it has \d+/);
    expect(String(ds[0].fields?.ack)).toContain('IK5 code 4');
    expect(stats).toMatchObject({ claims: 2, rejections: 0, envelopeProblems: 0 });
  });

  it('GE01 and IEA01 counts, and SE02/GE02/IEA02 control numbers that do not match: defects on every claim', async () => {
    const text = standard.replace(/SE\*(\d+)\*0001/, 'SE*$1*0002').replace('GE*1*1', 'GE*3*7').replace('IEA*1*000000001', 'IEA*2*000000009');
    const { items } = await read(text);
    expect(items.map((i) => i.kind)).toEqual(['claim', 'claim']);
    expect(defectsOf(items).filter((d) => d.id === 'C1X1').map((d) => `${d.fields?.element}: ${d.message.replace(/ at segment \d+/, '')}`)).toEqual([
      'SE02: a receiver rejects transaction 0001: SE02 is "0002" but the transaction\'s ST02 (segment 3) is "0001"',
      'GE01: a receiver rejects functional group 1: GE01 says "3" transactions, it has 1 (GS at segment 2)',
      'GE02: a receiver rejects functional group 1: GE02 is "7" but the group\'s GS06 (segment 2) is "1"',
      'IEA01: a receiver rejects interchange 000000001: IEA01 says "2" functional groups, it has 1 (ISA at segment 1)',
      'IEA02: a receiver rejects interchange 000000001: IEA02 is "000000009" but the interchange\'s ISA13 (segment 1) is "000000001"',
    ]);
    expect(defectsOf(items).filter((d) => d.id === 'C2X2')).toHaveLength(5);
  });

  it('a truncated last transaction: the intact claim scrubbed with the missing trailers, the cut claim rejected', async () => {
    const text = standard.slice(0, standard.lastIndexOf('SV1*'));
    const { items, stats } = await read(text);
    expect(items.map((i) => i.kind)).toEqual(['claim', 'rejected']);
    const [cut] = rejections(items);
    expect(cut.claimId).toBe('C2X2');
    expect(cut.problems.map((p) => p.message).join()).toMatch(/transaction 0001 \(ST at segment 3\) has no SE: the file ends at segment \d+; it looks truncated; the claim read up to segment \d+ may be incomplete/);
    expect(defectsOf(items, 'x12/envelope-trailer').map((d) => d.fields?.element)).toEqual(['SE', 'GE', 'IEA']);
    expect(stats).toMatchObject({ claims: 2, rejections: 1 });
  });

  it('a transaction with no SE before the next ST: its claims scrubbed with the missing-SE defect, the next transaction read', async () => {
    const t1 = transaction('0001', P, body837([professionalClaim('C1X1'), professionalClaim('C2X2')])).slice(0, -1);
    const t2 = transaction('0002', P, body837([professionalClaim('C3X3')]));
    const { items } = await read(toText(interchange('1', STANDARD, [[...group('1', P, [t1, t2])]])));
    expect(items.map((i) => `${i.kind}:${i.kind === 'claim' ? i.claim.id : i.result.claimId ?? '-'}`)).toEqual(['claim:C1X1', 'claim:C2X2', 'claim:C3X3']);
    expect(defectsOf(items).map((d) => `${d.id} ${d.kind}`)).toEqual(['C1X1 x12/envelope-trailer', 'C2X2 x12/envelope-trailer']);
    expect(defectsOf(items)[0].message).toMatch(/transaction 0001 \(ST at segment 3\) has no SE: the ST at segment \d+ starts the next transaction first/);
  });

  it('a transaction, or a file, with no claim: one result that says so', async () => {
    const text = toText(interchange('1', STANDARD, [group('1', P, [transaction('0001', P, body837([])), transaction('0002', P, body837([professionalClaim('C1X1')]))])]));
    const { items } = await read(text);
    expect(items.map((i) => i.kind)).toEqual(['rejected', 'claim']);
    expect(rejections(items)[0].problems[0].message).toMatch(/^transaction 0001 \(ST at segment 3\) has no claim/);
    const empty = await read(toText(interchange('1', STANDARD, [])));
    expect(empty.items).toHaveLength(1);
    expect(rejections(empty.items)[0].problems[0].message).toMatch(/has no claim/);
  });

  it('a 4010 file: every claim rejected by id, saying why', async () => {
    const v = '004010X098A1';
    const text = toText(interchange('1', { ...STANDARD, repetition: 'U' }, [group('1', v, [transaction('0001', undefined, body837(CLAIMS))])], '00401'));
    const { items, stats } = await read(text);
    expect(rejections(items).map((r) => r.claimId)).toEqual(['C1X1', 'C2X2']);
    expect(rejections(items)[0].problems[0].message).toMatch(/transaction 0001 is version 4010 \(004010X098A1\); claimscrub reads 5010/);
    expect(stats).toMatchObject({ claims: 2, rejections: 2 });
  });

  it('a transaction that is not an 837, or an unsupported guide: one rejection naming it', async () => {
    const text = toText(interchange('1', STANDARD, [group('1', P, [
      transaction('0001', '005010X221A1', [['BPR', 'I', '100']], '835'),
      transaction('0002', '005010X224A2', body837([professionalClaim('C1X1')])),
      transaction('0003', P, body837([professionalClaim('C2X2')])),
    ])]));
    const { items } = await read(text);
    expect(items.map((i) => (i.kind === 'claim' ? i.claim.id : `${i.result.claimId ?? '-'}:${i.result.problems[0].message.slice(0, 50)}`))).toEqual([
      '-:transaction 0001 is a 835 transaction set, not an ',
      'C1X1:transaction 0002 follows implementation guide 0050',
      'C2X2',
    ]);
  });

  it('duplicate transaction control numbers in a group, and a CLM outside any transaction', async () => {
    const t = transaction('0001', P, body837([professionalClaim('C1X1')]));
    const u = transaction('0001', P, body837([professionalClaim('C2X2')]));
    const text = toText(interchange('1', STANDARD, [group('1', P, [t, u])])).replace('GE*', 'CLM*STRAY1*10***11:B:1~HL*9**20*1~GE*');
    const { items, stats } = await read(text);
    const rs = rejections(items);
    expect(claims(items).map((c) => c.id)).toEqual(['C1X1', 'C2X2']);
    expect(rs.map((r) => r.claimId ?? '-')).toEqual(['STRAY1', '-']);
    expect(defectsOf(items).map((d) => `${d.id} ${d.kind} ${d.fields?.element}`)).toEqual(['C2X2 x12/envelope-control ST02']);
    expect(defectsOf(items)[0].message).toMatch(/its control number \(ST02 at segment \d+\) repeats the one at segment 3 in group 1/);
    expect(rs[0].problems[0].message).toMatch(/CLM at segment \d+ is outside any transaction/);
    expect(rs[1].problems[0].message).toMatch(/^2 segments outside any transaction \(segments \d+–\d+: CLM, HL\)/);
    expect(stats.claims).toBe(3);
  });

  it('an unreadable ISA: named, and the transaction after it still read from its ST', async () => {
    const text = standard.replace(/^ISA(\*[^*]*){15}\*:~/, 'ISA*00*broken~');
    const { items } = await read(text);
    expect(claims(items).map((c) => c.id)).toEqual(['C1X1', 'C2X2']);
    expect(rejections(items)[0].problems[0].message).toMatch(/^segment 1 starts with ISA but is not a readable interchange header/);
  });

  it('an 837I file with a wrong SE count still decodes POA and discharge status', async () => {
    const text = file837(I, [institutionalClaim('C1X1')]).replace(/SE\*\d+\*/, 'SE*3*');
    const { items } = await read(text);
    expect(claims(items)[0]).toMatchObject({ dischargeStatus: '01', diagnoses: [{ code: 'M43.03', poa: 'Y' }, { code: 'A41.9', poa: 'Y' }] });
    expect(rejections(items)).toHaveLength(0);
    expect(items[0].kind === 'claim' && items[0].defects?.map((d) => d.kind)).toEqual(['x12/envelope-count']);
  });
});
