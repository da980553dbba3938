import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileChartLexicon } from '../../src/chart/lexicon';
import { type MentionStatus, readChart, sentences } from '../../src/chart/read-chart';
import type { DataFile } from '../../src/rules/formats';

const dataDir = path.join(__dirname, '..', '..', 'rules', 'data');
const load = (id: string) => JSON.parse(fs.readFileSync(path.join(dataDir, `${id}.json`), 'utf8')) as DataFile;
const files = ['spine-region-lexicon', 'chart-condition-terms', 'chart-negation-triggers'].map(load);
const { lexicon, problems } = compileChartLexicon(new Map(files.map((f) => [f.id, f])));
const triggers = (files[2].rows ?? []) as [string, string][];

const read = (text: string) => readChart(lexicon!, text).mentions;
const statusOf = (text: string, condition: string): MentionStatus | undefined => read(text).find((m) => m.condition === condition)?.status;

describe('chart lexicon', () => {
  it('compiles without problems', () => {
    expect(problems).toEqual([]);
    expect(lexicon).toBeDefined();
  });
});

describe('sentences', () => {
  it('splits at . ; ! ? and line ends, not at decimals', () => {
    expect(sentences('Slip 2.5 mm at L4-L5. No myelopathy; radicular pain\nOK').map((s) => s.text.trim()))
      .toEqual(['Slip 2.5 mm at L4-L5', 'No myelopathy', 'radicular pain', 'OK']);
  });
});

describe('levels and regions (rules/data/spine-region-lexicon.json)', () => {
  const regionOf = (text: string) => read(text)[0]?.region;
  it.each([
    ['pars defect at C7-T1', '3'], ['pars defect at C7–T1', '3'], ['pars defect at C7/T1', '3'], ['anterolisthesis C7 on T1', '3'],
    ['spondylolysis at the cervicothoracic junction', '3'], ['radicular pain C8 distribution', '3'],
    ['stenosis L5-S1', '7'], ['lumbosacral radiculopathy', '7'], ['stenosis L4-5', '6'], ['myelopathy C1-C2', '1'],
    ['stenosis T12-L1', '5'], ['stenosis T11-T12', '4'], ['radiculopathy S1-S2', '8'],
    ['pars defects at L4-L5 and C7-T1', '9'], ['cervical radiculopathy', '2'], ['cervical radiculopathy C8', '3'],
  ])('%s -> region %s', (text, region) => expect(regionOf(text)).toBe(region));
  it('an MRI sequence is not a level ("T2 signal", "T1-weighted")', () => {
    expect(regionOf('myelopathy with T2 signal change')).toBeUndefined();
    expect(regionOf('myelopathy on T1-weighted images')).toBeUndefined();
  });
  it('cervical levels give the M50 suffix', () => {
    expect(read('radiculopathy C5-C6')[0].cervicalLevel).toBe('22');
    expect(read('radiculopathy C7-T1')[0].cervicalLevel).toBe('3');
  });
  it('quotes the exact words and their span', () => {
    const text = 'CT: bilateral pars defect at C7-T1 without listhesis.';
    const m = read(text)[0];
    expect(m.quote.text).toBe('pars defect at C7-T1');
    expect(text.slice(m.quote.start, m.quote.end)).toBe('pars defect at C7-T1');
    expect(m.path).toBe('$.documentation');
  });
});

describe('condition terms (rules/data/chart-condition-terms.json)', () => {
  it.each((load('chart-condition-terms').rows ?? []) as [string, string][])('"%s" -> %s', (term, condition) => {
    const found = read(`Imaging shows ${term} at L4-L5.`);
    if (condition === 'none') expect(found).toEqual([]);
    else expect(found.map((m) => m.condition)).toContain(condition);
  });
});

// NegEx: every trigger is tested on both sides (a term before it and a term after it).
describe('negation and uncertainty triggers (rules/data/chart-negation-triggers.json)', () => {
  const effect = (type: string): MentionStatus => (type.endsWith('-neg') ? 'negated' : 'uncertain');
  for (const [trigger, type] of triggers) {
    if (type === 'pseudo') {
      it(`pseudo "${trigger}" does not negate`, () => expect(statusOf(`${trigger} myelopathy`, 'myelopathy')).toBe('affirmed'));
      continue;
    }
    if (type === 'term') {
      it(`termination "${trigger}" ends the scope of a trigger`, () => {
        expect(statusOf(`no myelopathy ${trigger} radiculopathy`, 'radiculopathy')).toBe('affirmed');
        expect(statusOf(`no myelopathy ${trigger} radiculopathy`, 'myelopathy')).toBe('negated');
      });
      continue;
    }
    const before = type.startsWith('pre') ? 'affirmed' : effect(type);
    const after = type.startsWith('post') ? 'affirmed' : effect(type);
    it(`${type} "${trigger}": term before -> ${before}, term after -> ${after}`, () => {
      const text = `stenosis ${trigger} myelopathy`;
      expect(statusOf(text, 'stenosis')).toBe(before);
      expect(statusOf(text, 'myelopathy')).toBe(after);
    });
    it(`${type} "${trigger}" stays in its sentence`, () => {
      expect(statusOf(`Radiculopathy. Stenosis ${trigger} noted. Myelopathy.`, 'radiculopathy')).toBe('affirmed');
      expect(statusOf(`Radiculopathy. Stenosis ${trigger} noted. Myelopathy.`, 'myelopathy')).toBe('affirmed');
    });
  }
  it('seed sentences', () => {
    const m = read('CT: bilateral pars defect at C7-T1 without listhesis. Radicular pain C8 distribution.');
    expect(m.map((x) => [x.condition, x.status])).toEqual([['spondylolysis', 'affirmed'], ['spondylolisthesis', 'negated'], ['radiculopathy', 'affirmed']]);
    expect(statusOf('No myelopathy.', 'myelopathy')).toBe('negated');
    expect(statusOf('Myelopathy cannot be ruled out.', 'myelopathy')).toBe('uncertain');
  });
  it('no documentation', () => {
    expect(readChart(lexicon!, undefined)).toEqual({ documented: false, mentions: [] });
  });
});
