import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pairIndex } from '../../../src/rules/pair-table';
import { shippedRuleSet } from '../../helpers/rule-tester';

// The committed NCCI data against the rows of shared/domain/ncci (README "Spot checks" and counts), read from
// rules/data only (tests never read ../shared).
const DATA = path.join(__dirname, '..', '..', '..', 'rules', 'data');
const json = (name: string) => JSON.parse(fs.readFileSync(path.join(DATA, `${name}.json`), 'utf8')) as Record<string, unknown> & { rows?: unknown[][]; counts: Record<string, number> };

describe('NCCI data files', () => {
  it('PTP: the undeleted row counts of the source README, sorted sidecars', () => {
    expect(json('ncci-ptp-practitioner').counts).toEqual({ sourceRows: 2546017, rows: 1669820, modifierIndicator0: 508947, modifierIndicator1: 1160873 });
    expect(json('ncci-ptp-outpatient').counts).toEqual({ sourceRows: 1775818, rows: 1335857, modifierIndicator0: 46741, modifierIndicator1: 1289116 });
    const lines = gunzipSync(fs.readFileSync(path.join(DATA, 'ncci-ptp-outpatient.tsv.gz'))).toString('latin1').split('\n').filter(Boolean);
    expect(lines.length).toBe(1335857);
    const keys = lines.map((l) => l.split('\t', 2).join('\t'));
    expect(keys.every((k, i) => i === 0 || keys[i - 1] < k)).toBe(true);
  });

  it('PTP spot checks (README): 22551/63075 and 22551/22554 indicator 1; no row for the add-on codes', async () => {
    const ruleSet = await shippedRuleSet();
    for (const id of ['ncci-ptp-practitioner', 'ncci-ptp-outpatient']) {
      const index = pairIndex(ruleSet.data.get(id)!);
      const sources = [{ title: expect.stringContaining('CMS Medicare NCCI PTP Edits'), version: '2024Q3' }];
      expect(index.partners('22551')?.get('63075')).toEqual([{ from: '', to: '', fields: { modifierIndicator: 1, rationale: 'Mutually exclusive procedures', sources } }]);
      expect(index.partners('63075')?.get('22551')).toBeUndefined();
      expect(index.partners('22551')?.get('22554')?.[0].fields).toMatchObject({ modifierIndicator: 1, rationale: 'CPT Manual or CMS manual coding instruction' });
      for (const addon of ['22552', '22845', '20930']) expect(index.partners('22551')?.get(addon)).toBeUndefined();
      // Codes around 22551 in byte order, and codes no row has on the left, find nothing.
      expect(index.partners('2255')).toBeUndefined();
      expect(index.partners('225510')).toBeUndefined();
      expect(index.partners('22551')?.get('6307')).toBeUndefined();
      expect(index.partners('22551')?.get('630750')).toBeUndefined();
    }
  });

  it('MUE spot checks and counts (README)', () => {
    const row = (id: string, code: string) => json(id).rows!.find((r) => r[0] === code);
    expect(row('ncci-mue-practitioner', '22551')).toEqual(['22551', 1, 2, 'Code Descriptor / CPT Instruction']);
    expect(row('ncci-mue-practitioner', '22552')).toEqual(['22552', 5, 3, 'Clinical: Data']);
    expect(row('ncci-mue-practitioner', '20930')).toEqual(['20930', 0, 3, 'CMS Policy']);
    expect(row('ncci-mue-outpatient', '20930')).toEqual(['20930', 1, 3, 'Clinical: Data']);
    expect(json('ncci-mue-practitioner').counts).toEqual({ rows: 15095, mai1: 41, mai2: 5417, mai3: 9637 });
    expect(json('ncci-mue-outpatient').counts).toEqual({ rows: 14628, mai1: 42, mai2: 5802, mai3: 8784 });
    expect(json('ncci-mue-dme').counts).toEqual({ rows: 2928, mai1: 23, mai2: 1256, mai3: 1649 });
    expect(json('ncci-mue-practitioner')).toMatchObject({ version: '2026Q2', effective: { from: '2026-04-01' }, validThrough: '2026-06-30' });
  });

  it('AOC spot checks and counts (README)', () => {
    const aoc = json('ncci-aoc');
    expect(aoc.counts).toEqual({ rows: 7743, addons: 723, type1: 7130, type2: 42, type3: 571 });
    expect(aoc.rows!.filter((r) => r[0] === '22552')).toEqual([['22552', '22551', '2013-04-01', '', 1, '']]);
    expect(aoc.rows!.filter((r) => r[0] === '22845').length).toBe(112);
    expect(aoc.rows!.filter((r) => r[0] === '20930').length).toBe(23);
    expect(json('ncci-aoc-addons').rows!.find((r) => r[0] === '22552')).toEqual(['22552', '2013-04-01', 1, 1]);
  });
});
