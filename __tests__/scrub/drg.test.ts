import { createFormatter } from '../../src/report/formatters';
import { grouperVersionOn } from '../../src/scrub/drg';
import type { DrgResult, ScrubbedResult } from '../../src/scrub/result';
import { createScrubber } from '../../src/scrub/scrubber';
import { claim, inpatientClaim, shippedRuleSet } from '../helpers/rule-tester';

// DESIGN §4.5; expectations are the CMS grouper results quoted in shared/domain/msdrg-v43/README.md.
async function scrub(raw: Record<string, unknown>): Promise<ScrubbedResult> {
  const result = await createScrubber(await shippedRuleSet()).scrubInput(raw);
  if (result.status !== 'scrubbed') throw new Error(JSON.stringify(result.problems));
  return result;
}
async function drgOf(overrides: Record<string, unknown>): Promise<DrgResult> {
  const { drg } = await scrub(inpatientClaim(overrides));
  if (!drg) throw new Error('no drg');
  return drg;
}
const dx = (...codes: string[]) => codes.map((c) => { const [code, poa] = c.split(':'); return { code, poa: poa ?? 'Y' }; });

describe('DRG 551/552 calculator', () => {
  it('M43.03 alone → 552 with weight and the PDX rule', async () => {
    const drg = await drgOf({ diagnoses: dx('M43.03') });
    expect(drg).toMatchObject({ drg: '552', mdc: '08', title: 'Medical Back Problems without MCC', weight: 0.9613, severity: 'none', mccs: [], version: 'MS-DRG v43.0' });
    expect(drg.explanation).toContain('PDX M43.03 (Spondylolysis, cervicothoracic region) is on the MS-DRG v43.0 DRG 551/552 principal-diagnosis list');
    expect(drg.explanation).toContain('GMLOS 2.9');
  });

  it('M43.03 + A41.9 → 551, naming the MCC and its path', async () => {
    const drg = await drgOf({ diagnoses: dx('M43.03', 'A41.9') });
    expect(drg).toMatchObject({ drg: '551', weight: 1.6761, severity: 'MCC', mccs: [{ code: 'A41.9', path: '$.diagnoses[1]' }] });
    expect(drg.explanation).toContain('MCC counted: A41.9 at $.diagnoses[1]');
  });

  it('a CC does not matter: M54.16 + N17.9 → 552 with severity CC', async () => {
    expect(await drgOf({ diagnoses: dx('M54.16', 'N17.9') })).toMatchObject({ drg: '552', severity: 'CC' });
  });

  it('M54.12 as PDX → not 551/552 (not on the PDX list)', async () => {
    const drg = await drgOf({ diagnoses: dx('M54.12', 'A41.9') });
    expect(drg).toMatchObject({ drg: null, mdc: null, title: 'Not DRG 551/552' });
    expect(drg.explanation).toContain('M54.12 (Radiculopathy, cervical region) is not on the MS-DRG v43.0 DRG 551/552 principal-diagnosis list');
  });

  it('an MCC in the PDX exclusion collection does not count (S32.009A + S32.009B → 552), but counts with another PDX', async () => {
    const excluded = await drgOf({ diagnoses: dx('S32.009A', 'S32.009B') });
    expect(excluded).toMatchObject({ drg: '552', mccs: [] });
    expect(excluded.explanation).toContain('S32.009B at $.diagnoses[1] (excluded by the PDX: S32.009A is in S32.009B\'s PDX-exclusion collection 1661');
    expect(await drgOf({ diagnoses: dx('M43.03', 'S32.009B') })).toMatchObject({ drg: '551' });
  });

  it('a Part 2 MCC counts only if the patient is discharged alive (I46.9)', async () => {
    expect(await drgOf({ diagnoses: dx('M43.03', 'I46.9'), dischargeStatus: '01' })).toMatchObject({ drg: '551' });
    const died = await drgOf({ diagnoses: dx('M43.03', 'I46.9'), dischargeStatus: '20' });
    expect(died).toMatchObject({ drg: '552', mccs: [] });
    expect(died.explanation).toContain('discharge status is 20');
  });

  it('a Part 2 MCC without a discharge status is ungroupable (999)', async () => {
    expect(await drgOf({ diagnoses: dx('M43.03', 'I46.9'), dischargeStatus: undefined })).toMatchObject({ drg: '999' });
  });

  it('a HAC MCC with POA N or U does not count; with Y or W it does; without POA the claim is ungroupable', async () => {
    expect(await drgOf({ diagnoses: dx('M43.03', 'L89.154:N') })).toMatchObject({ drg: '552' });
    expect(await drgOf({ diagnoses: dx('M43.03', 'L89.154:U') })).toMatchObject({ drg: '552' });
    expect(await drgOf({ diagnoses: dx('M43.03', 'L89.154:Y') })).toMatchObject({ drg: '551' });
    expect(await drgOf({ diagnoses: dx('M43.03', 'L89.154:W') })).toMatchObject({ drg: '551' });
    expect(await drgOf({ diagnoses: [{ code: 'M43.03', poa: 'Y' }, 'L89.154'] })).toMatchObject({ drg: '999', title: 'Ungroupable' });
  });

  it('HAC 10 (I26.99:N) needs its procedure; HAC 06 companions need a catheter code not present on admission', async () => {
    expect(await drgOf({ diagnoses: dx('M43.03', 'I26.99:N') })).toMatchObject({ drg: '551' });
    expect(await drgOf({ diagnoses: dx('M43.03', 'N15.1:N') })).toMatchObject({ drg: '551' });
    expect(await drgOf({ diagnoses: dx('M43.03', 'T83.511A:Y', 'N15.1:N') })).toMatchObject({ drg: '551' });
    expect(await drgOf({ diagnoses: dx('M43.03', 'T83.511A:N', 'N15.1:N') })).toMatchObject({ drg: '552' });
  });

  it('multiple significant trauma moves the claim to MDC 24', async () => {
    expect(await drgOf({ diagnoses: dx('S32.10XA', 'S72.001A') })).toMatchObject({ drg: null, mdc: '24' });
    expect(await drgOf({ diagnoses: dx('S32.009A', 'S72.001A') })).toMatchObject({ drg: '551' });
    expect(await drgOf({ diagnoses: dx('S32.009A', 'S72.001A', 'S27.0XXA') })).toMatchObject({ drg: null, mdc: '24' });
    expect(await drgOf({ diagnoses: dx('M43.03', 'S72.001A', 'S27.0XXA') })).toMatchObject({ drg: '551' });
  });

  it('an O.R. procedure takes the claim out of 551/552 and says so; a non-O.R. cluster keeps it', async () => {
    const fusion = await drgOf({ procedures: [{ code: '0SG00A0' }] });
    expect(fusion).toMatchObject({ drg: null, mdc: '08', title: 'Not DRG 551/552' });
    expect(fusion.explanation).toContain('0SG00A0 at $.procedures[0] is an MDC 08 O.R. procedure');
    expect(fusion.explanation).toContain('CMS grouper');
    expect(await drgOf({ procedures: [{ code: '0FHB7DZ' }] })).toMatchObject({ drg: null });
    expect(await drgOf({ procedures: [{ code: '0FHB7DZ' }, { code: '0FPB7DZ' }] })).toMatchObject({ drg: '552' });
  });

  it('v43.1 procedures apply from 2026-04-01', async () => {
    expect(await drgOf({ procedures: [{ code: 'X2723CB' }], dischargeDate: '2026-03-31' })).toMatchObject({ drg: '552', version: 'MS-DRG v43.0' });
    expect(await drgOf({ procedures: [{ code: 'X2723CB' }], dischargeDate: '2026-04-01' })).toMatchObject({ drg: null, version: 'MS-DRG v43.1' });
  });

  it('a header or unknown PDX is ungroupable (999)', async () => {
    expect(await drgOf({ diagnoses: dx('M43.0') })).toMatchObject({ drg: '999' });
  });

  it('FY2027 discharges: "MS-DRG v44 tables not loaded"; FY2025: v42', async () => {
    expect(await drgOf({ dischargeDate: '2026-10-01' })).toMatchObject({ drg: null, title: 'MS-DRG v44 tables not loaded', version: 'MS-DRG v44' });
    expect(await drgOf({ dischargeDate: '2026-09-30' })).toMatchObject({ drg: '552' });
    expect(grouperVersionOn('2025-09-30')).toBe(42);
  });

  it('only institutional inpatient results carry a DRG', async () => {
    expect((await scrub(claim({ diagnoses: ['M43.03'] }))).drg).toBeUndefined();
    expect((await scrub(inpatientClaim({ dischargeDate: undefined, admissionDate: undefined, serviceDate: '2026-01-15' }))).drg).toBeUndefined();
  });

  it('the stylish formatter prints the DRG line with the explanation', async () => {
    const out = createFormatter('stylish').result(await scrub(inpatientClaim()));
    expect(out).toContain('DRG 552 Medical Back Problems without MCC (weight 0.9613) — PDX M43.03');
  });
});
