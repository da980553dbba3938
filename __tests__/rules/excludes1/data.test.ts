import { shippedRuleSet } from '../../helpers/rule-tester';
import { excludes1EditionOn } from '../../../src/rules/facts/excludes1';

// Coverage of the shipped Excludes1 data (rules/data/icd10cm-excludes1-*.json, scripts/import-excludes1.ts),
// against the counts of shared/domain/icd10cm/README.md: 5,411 FY2027 lines at 2,648 locations, 207 of them
// without a parsed reference; FY2026 verbatim for 30 nodes (92 lines) in M40-M54 and Q76.
describe('Excludes1 data', () => {
  it('FY2027: every line kept, each with how its references were read', async () => {
    const file = (await shippedRuleSet()).data.get('icd10cm-excludes1-fy2027')!;
    const rows = file.rows as unknown as [string, string, string, string, string[], string][];
    expect(rows).toHaveLength(5411);
    expect(new Set(rows.map((r) => r[1])).size).toBe(2648);
    const how = (h: string) => rows.filter((r) => r[5] === h).length;
    expect(how('parsed') + how('repaired') + how('expanded') + how('lead-in') + how('no-code') + how('unhandled')).toBe(5411);
    expect(rows.filter((r) => r[5] === 'unhandled').map((r) => r[0])).toEqual(['E87.2', 'S51', 'Z47', 'Z47.2', 'Z48.81']);
    expect(rows.filter((r) => r[1].startsWith('Block ')).length).toBe(150);
    expect(rows.filter((r) => r[1].startsWith('Chapter ')).map((r) => r[1])).toEqual(['Chapter 4 (E00-E89)', 'Chapter 15 (O00-O9A)']);
    // Lines that reference codes always carry references; lines without are headings or instructions.
    expect(rows.filter((r) => r[4].length === 0).every((r) => ['lead-in', 'no-code', 'unhandled'].includes(r[5]))).toBe(true);
  });

  it('FY2026: the verbatim nodes, with FY2027 as the stated fallback', async () => {
    const ruleSet = await shippedRuleSet();
    const file = ruleSet.data.get('icd10cm-excludes1-fy2026')!;
    expect(file.rows).toHaveLength(92);
    expect(file.coverage).toEqual(expect.arrayContaining(['M40-M54', 'Q76', 'Block M50-M54']));
    expect(file.fallback).toBe('icd10cm-excludes1-fy2027');
    const m430 = (file.rows as unknown as string[][]).filter((r) => r[0] === 'M43.0').map((r) => r[3]);
    expect(m430).toEqual(['congenital spondylolysis (Q76.2)', 'spondylolisthesis (M43.1)']);
  });

  it('picks the edition by date of service; FY2025 stands FY2027 in everywhere; none before FY2025', async () => {
    const { excludes1 } = await shippedRuleSet();
    expect(excludes1EditionOn(excludes1, '2024-09-30')).toBeUndefined();
    expect(excludes1EditionOn(excludes1, '2025-09-30')?.version).toBe('FY2025');
    expect(excludes1EditionOn(excludes1, '2025-09-30')?.fallback?.version).toBe('FY2027');
    expect(excludes1EditionOn(excludes1, '2025-10-01')?.version).toBe('FY2026');
    expect(excludes1EditionOn(excludes1, '2026-10-01')?.version).toBe('FY2027');
    expect(excludes1EditionOn(excludes1, '2027-10-01')).toBeUndefined();
  });
});
