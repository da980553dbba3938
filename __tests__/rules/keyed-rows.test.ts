import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataFile } from '../../src/rules/formats';
import { attachRowBytes, keyedRows } from '../../src/rules/keyed-rows';
import { ruleSetFromJson } from '../../src/rules/load';

// A data file declaring `rowsSortedBy` is searched where it lies (a binary search over its bytes) when the loader
// gives it its bytes; otherwise its parsed rows are indexed. Both must give the same rows, in file order, for
// key: checked on every shipped file that declares it (its rows in order; a sample of its keys, and keys that are
// not in the file), both by probing and past the 256 lookups after which a reader maps its keys to their lines.

const DATA = path.join(__dirname, '..', '..', 'rules', 'data');
const declaring = fs.readdirSync(DATA).filter((f) => f.endsWith('.json')).sort()
  .map((f) => ({ name: f, bytes: fs.readFileSync(path.join(DATA, f)) }))
  .map(({ name, bytes }) => ({ name, bytes, file: JSON.parse(bytes.toString('utf8')) as DataFile }))
  .filter(({ file }) => file.rowsSortedBy !== undefined);

function inPlace(file: DataFile, bytes: Buffer) {
  const copy = { ...file };
  attachRowBytes(copy, () => bytes);
  return keyedRows(copy);
}

describe('rows searched in place', () => {
  it('the importers declare sorted rows on the large tables a claim looks codes up in', () => {
    const names = declaring.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['icd10cm-excludes1-fy2027.json', 'ncci-mue-practitioner.json', 'ncci-mue-outpatient.json',
      'mce-v43-dx-code-set.json', 'mce-v43-pcs-code-set.json', 'x12-rarc.json']));
  });

  it.each(declaring.map((d) => [d.name, d]))('%s: rows in key order; keys give the rows the parsed file has, in order', (_name, { file, bytes }) => {
    const rows = (file.rows ?? []) as readonly (readonly unknown[])[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.findIndex((row, i) => i > 0 && String(row[0]) < String(rows[i - 1][0]))).toBe(-1);
    const searched = inPlace(file, bytes);
    const byKey = new Map<string, (readonly unknown[])[]>();
    for (const row of rows) {
      const list = byKey.get(String(row[0]));
      if (list) list.push(row); else byKey.set(String(row[0]), [row]);
    }
    const keys = [...byKey.keys()];
    const step = Math.ceil(keys.length / 2000); // every key of a small file; 2,000 spread over a large one, both ends included
    const sample = keys.filter((_, i) => i % step === 0 || i === keys.length - 1);
    const differ = sample.filter((key) => JSON.stringify(searched.at(key)) !== JSON.stringify(byKey.get(key)));
    expect(differ).toEqual([]);
    const absent = ['', ' ', '~', ...keys.filter((_, i) => i % 97 === 0).flatMap((k) => [`${k}0`, `${k}~`, k.slice(0, -1)])].filter((k) => !byKey.has(k));
    const fresh = inPlace(file, bytes); // a fresh reader: these probes search the bytes without the map of keys
    expect(absent.slice(0, 256).filter((k) => fresh.at(k).length > 0)).toEqual([]);
    expect(absent.filter((k) => searched.at(k).length > 0)).toEqual([]); // past 256 lookups on a large file: by the map of keys
  });

  it('Excludes1 FY2027: a node with several lines gives them all, and the range nodes are listed apart', () => {
    const { file, bytes } = declaring.find((d) => d.name === 'icd10cm-excludes1-fy2027.json')!;
    const m43 = inPlace(file, bytes).at('M43.1').map((r) => r[3]);
    expect(m43.length).toBeGreaterThan(1);
    const ranges = [...new Set((file.rows as unknown as string[][]).map((r) => r[0]).filter((at) => at.includes('-')))];
    expect([...(file.rangeNodes ?? [])].sort()).toEqual(ranges.sort());
  });

  it('a number key, and a key with an escaped character, are read', () => {
    const numbers = `{\n  "id": "n",\n  "columns": ["k"],\n  "rowsSortedBy": "k",\n  "rows": [\n    [10],\n    [9]\n  ]\n}\n`;
    expect(inPlace(JSON.parse(numbers) as DataFile, Buffer.from(numbers)).at('9')).toEqual([[9]]);
    const text = `{\n  "id": "t",\n  "columns": ["k", "v"],\n  "rowsSortedBy": "k",\n  "rows": [\n    ["a\\"b", 1],\n    ["a\\"b", 2],\n    ["c", 3]\n  ]\n}\n`;
    const file = JSON.parse(text) as DataFile;
    expect(inPlace(file, Buffer.from(text)).at('a"b')).toEqual([['a"b', 1], ['a"b', 2]]);
    expect(inPlace(file, Buffer.from(text)).at('c')).toEqual([['c', 3]]);
  });

  it('the rule set does not load when rowsSortedBy names another column than the first', () => {
    const loaded = ruleSetFromJson({ rules: [], data: [{ id: 'unsorted', kind: 'table', title: 'T', version: '1', effective: { from: '2020-01-01' },
      source: { title: 'S' }, columns: ['code', 'value'], rowsSortedBy: 'value', rows: [['A', '1']] }] });
    expect(loaded._tag).toBe('Left');
    expect(JSON.stringify(loaded)).toContain('rows can be sorted by the first column only');
  });
});
