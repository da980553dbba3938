import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHARACTER_ORDER, indexTabularOrder } from '../../src/rules/tabular-order';

// Placements read from rules/data/icd10cm-tabular-order.json (the FY2021 tabular's node order).
const order = indexTabularOrder(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'rules', 'data', 'icd10cm-tabular-order.json'), 'utf8')));

describe('ICD-10-CM ranges in tabular order', () => {
  it.each([
    ['D37', 'D48', 'D3A.00', false, 'D3A sits before D37 (block D3A), although "D3A" > "D37" as strings'],
    ['D37', 'D48', 'D37.1', true, 'the first category of the block'],
    ['D37', 'D48', 'D48.9', true, 'the last one'],
    ['D37', 'D48', 'D49.0', false, 'after the block'],
    ['C43', 'C44', 'C4A.0', true, 'C4A sits between C43 and C44'],
    ['Y93.0', 'Y93.A', 'Y93.89', false, 'Y93.8 comes after Y93.K'],
    ['Y93.0', 'Y93.A', 'Y93.9', false, 'Y93.9 comes last'],
    ['Y93.0', 'Y93.A', 'Y93.A1', true, 'Y93.A is the end of the range'],
    ['Y93.0', 'Y93.A', 'Y93.71', true, 'inside'],
    ['M43.3', 'M43.5X9', 'M43.4', true, 'ends compared on their printed length'],
    ['I10', 'I16', 'I1A.0', false, 'I1A (added after FY2021) sits after I16'],
    ['I10', 'I1A', 'I16.9', true, 'and a range to it holds I16'],
  ])('%s-%s holds %s: %s (%s)', (from, to, code, holds) => {
    expect(order.inRange(from, to, code)).toBe(holds);
  });

  it('differs from character order exactly where the tabular does', () => {
    expect(CHARACTER_ORDER.inRange('D37', 'D48', 'D3A.00')).toBe(true);
    expect(CHARACTER_ORDER.inRange('Y93.0', 'Y93.A', 'Y93.89')).toBe(true);
  });
});
