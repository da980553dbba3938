import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataFile } from '../../src/rules/formats';
import { indexValueSet } from '../../src/rules/value-sets';

// An exact-match value set whose rows are sorted by code (`rowsSortedBy`: the NCCI MUE tables) is searched by
// code (keyed-rows.ts) instead of indexed row by row with its ranges. Both ways must give the same row for every
// code and date: checked on the shipped MUE table against the same rows out of order, not declared sorted.

const DATA = path.join(__dirname, '..', '..', 'rules', 'data');
const mue = JSON.parse(fs.readFileSync(path.join(DATA, 'ncci-mue-practitioner.json'), 'utf8')) as DataFile;

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
});
