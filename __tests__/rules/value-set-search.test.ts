import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataFile } from '../../src/rules/formats';
import { attachRowBytes } from '../../src/rules/keyed-rows';
import { ruleSetFromJson } from '../../src/rules/load';
import { indexValueSet } from '../../src/rules/value-sets';

// An exact-match value set searched in place (a shipped file sorted by code, `rowsSortedBy`: the NCCI MUE tables)
// is searched by code (keyed-rows.ts) instead of indexed row by row with its ranges. Both ways must give the same
// row for every code and date: checked on the shipped MUE table against the same rows out of order, not declared
// sorted. A value set of another folder is indexed with its ranges, whatever it declares.

const DATA = path.join(__dirname, '..', '..', 'rules', 'data');
const bytes = fs.readFileSync(path.join(DATA, 'ncci-mue-practitioner.json'));
const mue = JSON.parse(bytes.toString('utf8')) as DataFile;
attachRowBytes(mue, () => bytes); // as the loader does for the shipped rules

describe('value sets searched in place', () => {
  it('give the indexed answer for every MUE code, neighbours and absent codes, on dates in and out of effect', () => {
    const rows = mue.rows as readonly (readonly unknown[])[];
    const searched = indexValueSet(mue).valueSet;
    const { rowsSortedBy: _sorted, ...undeclared } = mue;
    const indexed = indexValueSet({ ...undeclared, rows: [rows[rows.length - 1], ...rows.slice(0, -1)] }).valueSet; // out of order: indexed
    expect(mue.rowsSortedBy).toBe('code');
    const codes = rows.map((r) => String(r[0]));
    expect(codes.length).toBeGreaterThan(10_000);
    const probes = [...codes, ...codes.filter((_, i) => i % 50 === 0).flatMap((c) => [`${c}0`, c.slice(0, -1)]), '', 'ZZZZZ', '00000'];
    const differ: string[] = [];
    for (const date of ['2026-05-01', '2020-01-01']) {
      for (const code of probes) if (JSON.stringify(searched.match(code, date)) !== JSON.stringify(indexed.match(code, date))) differ.push(`${code}@${date}`);
    }
    expect(differ).toEqual([]);
    expect(searched.match('22551', '2026-05-01')?.fields).toEqual(indexed.match('22551', '2026-05-01')?.fields);
    expect(searched.match('22551', '2026-05-01')).toBeDefined();
  });

  it('a value set of another rule folder declaring sorted rows still matches its range rows', () => {
    const loaded = ruleSetFromJson({ rules: [], data: [{ id: 'my-codes', kind: 'value-set', title: 'Mine', version: '1', effective: { from: '2020-01-01' },
      source: { title: 'Mine' }, system: 'HCPCS', match: 'exact', columns: ['code'], rowsSortedBy: 'code', rows: [['22551'], ['63001-63048']] }] });
    expect(loaded._tag).toBe('Right');
    const set = loaded._tag === 'Right' ? loaded.right.valueSets.get('my-codes')! : undefined;
    expect(set?.match('22551', '2026-05-01')?.code).toBe('22551');
    expect(set?.match('63020', '2026-05-01')?.code).toBe('63001-63048');
    expect(set?.match('63050', '2026-05-01')).toBeUndefined();
  });

  it('no shipped value set searched by code has range rows (they would not be matched)', () => {
    const ranged = fs.readdirSync(DATA).filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(DATA, f), 'utf8')) as DataFile)
      .filter((f) => f.kind === 'value-set' && f.rowsSortedBy === 'code')
      .filter((f) => (f.rows ?? []).some((row) => String((row as unknown[])[0]).indexOf('-', 1) > 0))
      .map((f) => f.id);
    expect(ranged).toEqual([]);
  });
});
