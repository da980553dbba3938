import { gzipSync } from 'node:zlib';
import { ruleSetFromJson } from '../../../src/rules/load';
import { createScrubber } from '../../../src/scrub/scrubber';
import { applyWhere, checkWhere } from '../../../src/rules/facts/where';
import { editionFields } from '../../../src/rules/formats';
import { claim } from '../../helpers/rule-tester';

// The general pieces the NCCI rules added to the vocabulary: where ops hasAny/hasNone and anyOf clauses, the
// groups fact, pairs with unmatched, sidecar pair tables (gzip, dictionaries) and validThrough edition fields.
// Tiny tables written here (codes are real, the rows are made up for the mechanism).

describe('where: hasAny, hasNone, anyOf', () => {
  const items = [{ path: 'a', modifiers: '59,LT', n: 0 }, { path: 'b', modifiers: '', n: 1 }, { path: 'c', modifiers: 'RT', n: 1 }];
  it('hasAny / hasNone test a comma-separated list field', () => {
    expect(applyWhere(items, [{ field: 'modifiers', op: 'hasAny', value: ['59', 'XS'] }]).map((i) => i.path)).toEqual(['a']);
    expect(applyWhere(items, [{ field: 'modifiers', op: 'hasNone', value: ['59', 'XS'] }]).map((i) => i.path)).toEqual(['b', 'c']);
  });
  it('anyOf holds when every clause of one list holds (nested too)', () => {
    const where = [{ anyOf: [[{ field: 'n', op: 'equal', value: 0 }], [{ field: 'n', op: 'equal', value: 1 }, { anyOf: [[{ field: 'modifiers', op: 'hasAny', value: ['RT'] }]] }]] }];
    expect(applyWhere(items, where).map((i) => i.path)).toEqual(['a', 'c']);
  });
  it('the loader names a bad clause inside anyOf, and a hasAny without a list', () => {
    const fields = new Set(['n', 'modifiers']);
    expect(checkWhere([{ anyOf: [[{ field: 'nope', op: 'equal', value: 1 }]] }], fields, '$.w')).toEqual([expect.objectContaining({ path: '$.w[0].anyOf[0][0].field' })]);
    expect(checkWhere([{ field: 'modifiers', op: 'hasAny', value: '59' }], fields, '$.w')).toEqual([expect.objectContaining({ path: '$.w[0].value' })]);
    expect(checkWhere([{ anyOf: [] }], fields, '$.w')).toEqual([expect.objectContaining({ path: '$.w[0].anyOf' })]);
  });
});

describe('where: differentIn and not', () => {
  const groups = [['LT', 'RT'], ['FA', 'F1', 'F2'], ['TA', 'T1']];
  const differ = { field: 'modifiers', op: 'differentIn', value: { field: 'otherModifiers', groups } };
  const items = [
    { path: 'sides', modifiers: 'LT', otherModifiers: 'RT' },
    { path: 'fingers with 26 on both', modifiers: '26,F1', otherModifiers: '26,F2' },
    { path: 'same side', modifiers: 'LT', otherModifiers: 'LT' },
    { path: 'one line only', modifiers: 'LT', otherModifiers: '' },
    { path: 'two families', modifiers: 'T1', otherModifiers: 'F1' },
    { path: 'shares RT', modifiers: 'LT,RT', otherModifiers: 'RT' },
    { path: 'none', modifiers: '', otherModifiers: '' },
  ];
  it('differentIn: both lists hold values of one group and none in common', () => {
    expect(applyWhere(items, [differ]).map((i) => i.path)).toEqual(['sides', 'fingers with 26 on both']);
  });
  it('not negates a clause (also an anyOf)', () => {
    expect(applyWhere(items, [{ not: differ }]).map((i) => i.path)).toEqual(['same side', 'one line only', 'two families', 'shares RT', 'none']);
    expect(applyWhere(items, [{ not: { anyOf: [[differ], [{ field: 'modifiers', op: 'missing' }]] } }]).map((i) => i.path)).toEqual(['same side', 'one line only', 'two families', 'shares RT']);
  });
  it('the loader names a differentIn without groups, and a bad clause inside not', () => {
    const fields = new Set(['modifiers', 'otherModifiers']);
    expect(checkWhere([differ], fields, '$.w')).toEqual([]);
    expect(checkWhere([{ field: 'modifiers', op: 'differentIn', value: { field: 'otherModifiers' } }], fields, '$.w')).toEqual([expect.objectContaining({ path: '$.w[0].value' })]);
    expect(checkWhere([{ field: 'modifiers', op: 'differentIn', value: { field: 'nope', groups } }], fields, '$.w')).toEqual([expect.objectContaining({ path: '$.w[0].value' })]);
    expect(checkWhere([{ not: { field: 'nope', op: 'equal', value: 1 } }], fields, '$.w')).toEqual([expect.objectContaining({ path: '$.w[0].not.field' })]);
    expect(checkWhere([{ not: differ, extra: 1 }], fields, '$.w')).toEqual([expect.objectContaining({ path: '$.w[0].extra' })]);
  });
});

describe('editionFields', () => {
  const q3 = { version: '2024Q3', effective: { from: '2024-07-01' }, validThrough: '2024-09-30' };
  it('says stale after validThrough, with a sentence for messages', () => {
    expect(editionFields(q3, '2024-09-30')).toEqual({ edition: '2024Q3', stale: false, staleNote: '' });
    expect(editionFields(q3, '2024-07-01')).toEqual({ edition: '2024Q3', stale: false, staleNote: '' });
    expect(editionFields(q3, '2024-10-01')).toMatchObject({ stale: true, staleNote: ' The 2024Q3 table covers dates of service through 2024-09-30; it may be stale for 2024-10-01.' });
    expect(editionFields({ version: 'FY2026', effective: { from: '2025-10-01' } }, '2026-01-01')).toEqual({});
  });
  it('says stale before effective.from: the nearest edition judged a date no loaded edition covers', () => {
    expect(editionFields(q3, '2024-06-30')).toEqual({
      edition: '2024Q3', stale: true,
      staleNote: ' The 2024Q3 table is in effect from 2024-07-01; no table in force on 2024-06-30 is loaded, so the nearest edition (2024Q3) judged it, and the table in force then may differ.',
    });
  });
  it('makes one frozen object per file and date', () => {
    expect(editionFields(q3, '2024-10-01')).toBe(editionFields(q3, '2024-10-01'));
    expect(Object.isFrozen(editionFields(q3, '2024-10-01'))).toBe(true);
  });
});

const header = (id: string, kind: string, extra: object) => ({ id, kind, title: id, version: 'Q1', effective: { from: '2026-01-01' }, validThrough: '2026-03-31', source: { title: id }, ...extra });
const rule = (id: string, condition: object, message: string) => ({
  id, meta: { category: 'ncci', severity: 'error', description: 'test', messages: { m: message }, denial: { risk: 0.5, rationale: 'test rule' }, sources: [{ title: 't' }], effective: { from: '2020-01-01' } },
  conditions: { all: [condition] }, event: { type: 'finding', params: { messageId: 'm' } },
});

async function findings(rules: object[], data: object[], sidecars: Record<string, Uint8Array>, lines: object[], serviceDate = '2026-02-10') {
  const loaded = ruleSetFromJson({ rules, data, sidecars, categories: { ncci: 'NCCI' } });
  if (loaded._tag === 'Left') throw new Error(JSON.stringify(loaded.left));
  const result = await createScrubber(loaded.right).scrubInput(claim({ serviceDate, lines }));
  if (result.status !== 'scrubbed') throw new Error(JSON.stringify(result.problems));
  return result.findings.map((f) => f.message);
}
const line = (procedureCode: string, units = 1, modifiers: string[] = []) => ({ procedureCode, units, charge: 1, diagnosisPointers: [1], modifiers });

describe('pairs over a gzip sidecar table with a dictionary column', () => {
  // Sorted by left<TAB>right; rationale cells index the dictionary.
  const tsv = '22551\t22554\t\t\t1\t0\n22551\t63075\t\t\t1\t1\n29881\t29877\t\t2026-01-31\t0\t1\n';
  const table = header('t-ptp', 'table', { columns: ['left', 'right', 'from', 'to', 'modifierIndicator', 'rationale'], dictionaries: { rationale: ['CPT Manual', 'Mutually exclusive'] }, rowsFile: 't-ptp.tsv.gz' });
  const ptp = rule('ncci/t', { fact: 'pairs', params: { left: { fact: 'lines' }, relation: 't-ptp', sameField: 'date' }, operator: 'notEmpty', value: true },
    '{{code}}/{{other}} {{modifierIndicator}} {{rationale}} {{edition}} {{stale}}{{staleNote}}');
  const sidecars = { 't-ptp.tsv.gz': gzipSync(Buffer.from(tsv)) };
  it('finds a pair in either order, decodes the dictionary, and adds the edition fields', async () => {
    expect(await findings([ptp], [table], sidecars, [line('63075'), line('22551')])).toEqual(['22551/63075 1 Mutually exclusive Q1 false']);
    expect(await findings([ptp], [table], sidecars, [line('22551'), line('22554')])).toEqual(['22551/22554 1 CPT Manual Q1 false']);
  });
  it('honours a row\'s to date, and marks dates after validThrough stale', async () => {
    expect(await findings([ptp], [table], sidecars, [line('29881'), line('29877')], '2026-02-10')).toEqual([]);
    expect(await findings([ptp], [table], sidecars, [line('22551'), line('63075')], '2026-04-01')).toEqual([
      '22551/63075 1 Mutually exclusive Q1 true The Q1 table covers dates of service through 2026-03-31; it may be stale for 2026-04-01.',
    ]);
  });
  it('judges a date before the edition as the nearest edition, and says so; a row\'s own dates still hold', async () => {
    expect(await findings([ptp], [table], sidecars, [line('22551'), line('63075')], '2025-11-03')).toEqual([
      '22551/63075 1 Mutually exclusive Q1 true The Q1 table is in effect from 2026-01-01; no table in force on 2025-11-03 is loaded, so the nearest edition (Q1) judged it, and the table in force then may differ.',
    ]);
    expect(await findings([ptp], [table], sidecars, [line('29881'), line('29877')], '2025-11-03')).toEqual([expect.stringContaining('29881/29877 0')]);
  });
  it('refuses a table whose sidecar is not given', () => {
    const loaded = ruleSetFromJson({ rules: [], data: [table], categories: { ncci: 'NCCI' } });
    expect(loaded._tag === 'Left' && loaded.left[0]).toMatchObject({ file: 't-ptp', path: '$.rowsFile' });
  });
});

describe('groups and pairs unmatched', () => {
  const mue = header('t-mue', 'value-set', { system: 'https://www.cms.gov/hcpcs', columns: ['code', 'mue'], rows: [['97110', 6], ['22551', 1]] });
  const groups = rule('ncci/g', {
    fact: 'groups', params: { of: { fact: 'lines', params: { inValueSet: 't-mue' } }, by: ['code', 'date'], sum: 'units', where: [{ field: 'sum', op: 'greaterThan', value: { field: 'mue' } }] },
    operator: 'notEmpty', value: true,
  }, '{{code}} {{sum}}>{{mue}} over {{count}} lines');
  it('sums a field per group and filters on the sum', async () => {
    expect(await findings([groups], [mue], {}, [line('97110', 4), line('22551'), line('97110', 3)])).toEqual(['97110 7>6 over 2 lines']);
    expect(await findings([groups], [mue], {}, [line('97110', 4), line('97110', 2)])).toEqual([]);
  });
  const aoc = header('t-aoc', 'table', { columns: ['left', 'right'], rows: [['22552', '22551'], ['22845', '22551'], ['22845', '22554']] });
  const addons = header('t-addons', 'value-set', { system: 'https://www.cms.gov/hcpcs', columns: ['code'], rows: [['22552'], ['22845']] });
  const unmatched = rule('ncci/u', {
    fact: 'pairs', params: { left: { fact: 'lines', params: { inValueSet: 't-addons' } }, right: { fact: 'lines' }, relation: 't-aoc', sameField: 'date', unmatched: true },
    operator: 'notEmpty', value: true,
  }, '{{code}} line {{line}} alone');
  it('gives the left items with no partner, in the table\'s direction', async () => {
    expect(await findings([unmatched], [aoc, addons], {}, [line('22552')])).toEqual(['22552 line 1 alone']);
    expect(await findings([unmatched], [aoc, addons], {}, [line('22551'), line('22552'), line('22845')])).toEqual([]);
    expect(await findings([unmatched], [aoc, addons], {}, [line('22554'), line('22845'), line('22552')])).toEqual(['22552 line 3 alone']);
  });
});
