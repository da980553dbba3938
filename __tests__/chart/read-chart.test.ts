import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileChartLexicon } from '../../src/chart/lexicon';
import { analyzeChart, type MentionStatus, readChart, readTerms, sentences } from '../../src/chart/read-chart';
import { compileTerms, type WorkCounter } from '../../src/chart/terms';
import type { DataFile } from '../../src/rules/formats';

const dataDir = path.join(__dirname, '..', '..', 'rules', 'data');
const load = (id: string) => JSON.parse(fs.readFileSync(path.join(dataDir, `${id}.json`), 'utf8')) as DataFile;
const files = ['spine-region-lexicon', 'chart-condition-terms', 'chart-negation-triggers'].map(load);
const { lexicon, problems } = compileChartLexicon(new Map(files.map((f) => [f.id, f])));
const triggers = (files[2].rows ?? []) as [string, string, string][];

const read = (text: string) => readChart(lexicon!, text).mentions;
const statusOf = (text: string, condition: string): MentionStatus | undefined => read(text).find((m) => m.condition === condition)?.status;

describe('chart lexicon', () => {
  it('compiles without problems', () => {
    expect(problems).toEqual([]);
    expect(lexicon).toBeDefined();
  });
  it('reports unknown trigger types and bad scopes', () => {
    const bad = { ...files[2], rows: [['maybe', 'pre-xyz', ''], ['none', 'post-neg', 'wide']] };
    const { problems: p } = compileChartLexicon(new Map([[bad.id, bad as DataFile]]));
    expect(p.join('\n')).toMatch(/unknown type "pre-xyz"/);
    expect(p.join('\n')).toMatch(/scope "wide"/);
  });
});

describe('sentences', () => {
  const texts = (text: string) => sentences(text, ['vs.']).map((s) => s.text);
  it('splits at . ; ! ? and line ends, not at decimals', () => {
    expect(texts('Slip 2.5 mm at L4-L5. No myelopathy; radicular pain\nOK')).toEqual(['Slip 2.5 mm at L4-L5', 'No myelopathy', 'radicular pain', 'OK']);
  });
  it('keeps a numbered item wrapped over lines together, and splits the items', () => {
    const note = 'Assessment:\n1. Bilateral C7-T1 pars defect\n   without listhesis.\n2. C8 radiculopathy,\nleft worse than right\n\nPlan: ACDF';
    expect(texts(note)).toEqual(['Assessment:', '1. Bilateral C7-T1 pars defect\n   without listhesis', '2. C8 radiculopathy,\nleft worse than right', 'Plan: ACDF']);
  });
  it('a line that starts in lower case goes on; a capitalised line at the same indent does not', () => {
    expect(texts('Listhesis:\nnone')).toEqual(['Listhesis:\nnone']);
    expect(texts('  No listhesis\n  Pars defect at C7-T1')).toEqual(['No listhesis', 'Pars defect at C7-T1']);
  });
  it('does not end at an abbreviation of the lexicon, a list number or a glued period', () => {
    expect(texts('Fracture vs. pars defect. Next')).toEqual(['Fracture vs. pars defect', 'Next']);
    expect(texts('1. Pars defect.\n2. No slip')).toEqual(['1. Pars defect', '2. No slip']);
    expect(texts('Seen at C7-T1 (i.e.C8 root). Next')).toEqual(['Seen at C7-T1 (i.e.C8 root)', 'Next']);
  });
});

describe('levels and regions (rules/data/spine-region-lexicon.json)', () => {
  const regionOf = (text: string) => read(text)[0]?.region;
  it.each([
    ['pars defect at C7-T1', '3'], ['pars defect at C7–T1', '3'], ['pars defect at C7—T1', '3'], ['pars defect at C7/T1', '3'],
    ['pars defect at C7 T1', '3'], ['pars defect at C7T1', '3'], ['anterolisthesis C7 on T1', '3'],
    ['spondylolysis at the cervicothoracic junction', '3'], ['radicular pain C8 distribution', '3'],
    ['stenosis L5-S1', '7'], ['lumbosacral radiculopathy', '7'], ['stenosis L4-5', '6'], ['myelopathy C1-C2', '1'],
    ['stenosis T12-L1', '5'], ['stenosis T11-T12', '4'], ['radiculopathy S1-S2', '8'], ['myelopathy atlanto–axial', '1'],
    ['pars defects at L4-L5 and C7-T1', '9'], ['cervical radiculopathy', '2'], ['cervical radiculopathy C8', '3'],
    ['BILATERAL PARS DEFECT AT C7-T1', '3'],
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
  it('reads documentation sections with their paths', () => {
    const m = readChart(lexicon!, [{ section: 'hpi', text: 'Neck pain.' }, { section: 'imaging', text: 'Pars defect C7-T1.' }]).mentions;
    expect(m.map((x) => [x.path, x.condition, x.region])).toEqual([['$.documentation[1].text', 'spondylolysis', '3']]);
  });
});

describe('condition terms (rules/data/chart-condition-terms.json)', () => {
  it.each((load('chart-condition-terms').rows ?? []) as [string, string][])('"%s" -> %s', (term, condition) => {
    const found = read(`Imaging shows ${term} at L4-L5.`);
    if (condition === 'none') expect(found).toEqual([]);
    else expect(found.map((m) => m.condition)).toContain(condition);
  });
  it.each([
    'CT: pars interarticularis fracture at C7-T1.', 'CT: C7-T1 pars fx, bilateral.', 'Isthmic defect at C7/T1 on CT.',
    'Spondylolytic defect at the cervicothoracic junction.', 'Bilateral pars-defect C7T1.',
  ])('wording: %s -> spondylolysis at the cervicothoracic region, affirmed', (text) => {
    const m = read(text).find((x) => x.condition === 'spondylolysis');
    expect([m?.status, m?.region]).toEqual(['affirmed', '3']);
  });
  it.each(['CT: no pars interarticularis fracture at C7-T1.', 'No pars fx.', 'Isthmic defect: none.'])('wording negated: %s', (text) => {
    expect(statusOf(text, 'spondylolysis')).toBe('negated');
  });
});

// ConText: every trigger of the data file is tested on both sides (a term before it and a term after it).
describe('ConText triggers (rules/data/chart-negation-triggers.json)', () => {
  const STATUS: Record<string, MentionStatus> = { neg: 'negated', unc: 'uncertain', hist: 'historical', fam: 'family', hyp: 'hypothetical' };
  for (const [trigger, type, scope] of triggers) {
    if (type === 'pseudo') {
      it(`pseudo "${trigger}" is no trigger`, () => expect(statusOf(`${trigger} myelopathy`, 'myelopathy')).toBe('affirmed'));
      continue;
    }
    if (type === 'term') {
      it(`termination "${trigger}" ends the scope of a trigger`, () => {
        expect(statusOf(`no myelopathy ${trigger} radiculopathy`, 'radiculopathy')).toBe('affirmed');
        expect(statusOf(`no myelopathy ${trigger} radiculopathy`, 'myelopathy')).toBe('negated');
      });
      continue;
    }
    const [direction, category] = type.split('-');
    if (direction === 'term') {
      it(`termination "${trigger}" ends only the scope of ${category} triggers`, () => {
        const opener = ({ fam: 'mother', hist: 'history of', cong: 'congenital' } as Record<string, string>)[category];
        const condition = category === 'cong' ? 'spondylolysis' : 'radiculopathy';
        expect(read(`${opener} ${condition}`)[0]).toMatchObject(category === 'cong' ? { condition: `congenital-${condition}` } : { status: category === 'fam' ? 'family' : 'historical' });
        expect(read(`${opener} ${trigger} ${condition}`)[0]).toMatchObject({ status: 'affirmed', condition });
        expect(statusOf(`no ${trigger} ${condition}`, condition)).toBe('negated');
      });
      continue;
    }
    if (category === 'cong') {
      it(`${type} "${trigger}" makes the mention congenital`, () => {
        const pre = read(`${trigger} spondylolysis`)[0];
        const post = read(`spondylolysis ${trigger}`)[0];
        expect(pre).toMatchObject({ condition: direction === 'post' ? 'spondylolysis' : 'congenital-spondylolysis', status: 'affirmed' });
        expect(post).toMatchObject({ condition: direction === 'pre' ? 'spondylolysis' : 'congenital-spondylolysis', status: 'affirmed' });
        expect(read(`${trigger} spondylolysis`)[0].congenital ?? false).toBe(direction !== 'post');
      });
      continue;
    }
    if (scope === 'structured') {
      it(`structured "${trigger}": "Myelopathy: ${trigger}." is negated, "${trigger} myelopathy" and "myelopathy with ${trigger} Spurling" are not`, () => {
        expect(statusOf(`Myelopathy: ${trigger}.`, 'myelopathy')).toBe(STATUS[category]);
        expect(statusOf(`Myelopathy — ${trigger}`, 'myelopathy')).toBe(STATUS[category]);
        expect(statusOf(`Listhesis at C7-T1: ${trigger}`, 'spondylolisthesis')).toBe(STATUS[category]);
        expect(statusOf(`${trigger} myelopathy`, 'myelopathy')).toBe('affirmed');
        expect(statusOf(`myelopathy with ${trigger} Spurling test`, 'myelopathy')).toBe('affirmed');
      });
      continue;
    }
    const effect = STATUS[category];
    const before = direction === 'pre' ? 'affirmed' : effect;
    const after = direction === 'post' ? 'affirmed' : effect;
    it(`${type} "${trigger}": term before -> ${before}, term after -> ${after}`, () => {
      const text = `stenosis ${trigger} myelopathy`;
      expect(statusOf(text, 'stenosis')).toBe(before);
      expect(statusOf(text, 'myelopathy')).toBe(after);
    });
    it(`${type} "${trigger}" stays in its sentence`, () => {
      expect(statusOf(`Radiculopathy. Stenosis ${trigger} noted. Myelopathy.`, 'radiculopathy')).toBe('affirmed');
      expect(statusOf(`Radiculopathy. Stenosis ${trigger} noted. Myelopathy.`, 'myelopathy')).toBe('affirmed');
    });
    const window = scope === '' ? 6 : Number(scope);
    it(`${type} "${trigger}" reaches ${window} words, not ${window + 1}`, () => {
      const words = (k: number) => Array.from({ length: k }, (_, i) => ['mild', 'severe', 'left', 'sided', 'chronic', 'neck', 'arm', 'pain'][i % 8]).join(' ');
      if (direction !== 'post') {
        expect(statusOf(`${trigger} ${words(window)} myelopathy`, 'myelopathy')).toBe(effect);
        expect(statusOf(`${trigger} ${words(window + 1)} myelopathy`, 'myelopathy')).toBe('affirmed');
      } else {
        expect(statusOf(`myelopathy ${words(window)} ${trigger}`, 'myelopathy')).toBe(effect);
        expect(statusOf(`myelopathy ${words(window + 1)} ${trigger}`, 'myelopathy')).toBe('affirmed');
      }
    });
  }
});

// The forms of issue 15, each in real chart wording, on both sides.
describe('chart forms a coder reads (issue 15)', () => {
  it.each<[string, string, MentionStatus]>([
    // structured negation after the term
    ['Listhesis: none.', 'spondylolisthesis', 'negated'],
    ['Listhesis: grade 1 anterolisthesis at C7-T1.', 'spondylolisthesis', 'affirmed'],
    ['Alignment: no listhesis.', 'spondylolisthesis', 'negated'],
    ['Alignment: 3 mm anterolisthesis of C7 on T1.', 'spondylolisthesis', 'affirmed'],
    ['Myelopathy — absent', 'myelopathy', 'negated'],
    ['Myelopathy — present, with hyperreflexia', 'myelopathy', 'affirmed'],
    ['Myelopathy: negative.', 'myelopathy', 'negated'],
    ['C8 radiculopathy with negative Spurling test on the right.', 'radiculopathy', 'affirmed'],
    ['Cervical myelopathy is absent on exam.', 'myelopathy', 'negated'],
    // experiencer
    ['Family history of spondylolisthesis in her father.', 'spondylolisthesis', 'family'],
    ['Mother has cervical myelopathy.', 'myelopathy', 'family'],
    ['Mother reports that the patient has cervical myelopathy.', 'myelopathy', 'affirmed'],
    ['Grade 1 spondylolisthesis at C7-T1; family history of scoliosis.', 'spondylolisthesis', 'affirmed'],
    ['Spondylolisthesis runs in the family.', 'spondylolisthesis', 'family'],
    // historical / resolved
    ['History of C8 radiculopathy, fully resolved.', 'radiculopathy', 'historical'],
    ['C8 radiculopathy in 2019, resolved with physical therapy.', 'radiculopathy', 'historical'],
    ['Chronic C8 radiculopathy, worse over 6 months.', 'radiculopathy', 'affirmed'],
    ['No history of myelopathy.', 'myelopathy', 'negated'],
    ['History of present illness: progressive C8 radiculopathy.', 'radiculopathy', 'affirmed'],
    ['Compared with prior, stable bilateral pars defect at C7-T1.', 'spondylolysis', 'affirmed'],
    ['Status post C5-C6 ACDF with residual C8 radiculopathy.', 'radiculopathy', 'affirmed'],
    ['Status post C5-C6 ACDF for radiculopathy.', 'radiculopathy', 'historical'],
    // hypothetical
    ['Return if symptoms of myelopathy develop.', 'myelopathy', 'hypothetical'],
    ['Call if new radicular pain or weakness.', 'radiculopathy', 'hypothetical'],
    ['Symptoms of myelopathy developed over 6 months.', 'myelopathy', 'affirmed'],
    // uncertainty (ICD-10-CM guideline IV.H)
    ['Possible pars defect at C7-T1.', 'spondylolysis', 'uncertain'],
    ['Pars defect at C7-T1 cannot be ruled out.', 'spondylolysis', 'uncertain'],
    // all-caps impression
    ['IMPRESSION: BILATERAL PARS DEFECT AT C7-T1 WITHOUT LISTHESIS.', 'spondylolysis', 'affirmed'],
    ['IMPRESSION: BILATERAL PARS DEFECT AT C7-T1 WITHOUT LISTHESIS.', 'spondylolisthesis', 'negated'],
    ['IMPRESSION:\nNO LISTHESIS\nPARS DEFECT AT C7-T1', 'spondylolysis', 'affirmed'],
  ])('%s -> %s %s', (text, condition, status) => expect(statusOf(text, condition)).toBe(status));

  it('a numbered assessment list split over lines', () => {
    const note = 'ASSESSMENT:\n1. Bilateral C7-T1 pars defect\n   without listhesis.\n2. Chronic C8 radiculopathy,\nright arm.\n3. No myelopathy.';
    expect(read(note).map((m) => [m.condition, m.status, m.region])).toEqual([
      ['spondylolysis', 'affirmed', '3'], ['spondylolisthesis', 'negated', '3'], ['radiculopathy', 'affirmed', '3'], ['myelopathy', 'negated', undefined],
    ]);
  });

  it('congenital spondylolysis is its own concept, so the M43.0 rules do not read it as acquired', () => {
    const m = read('CT: congenital spondylolysis at C7-T1.')[0];
    expect(m).toMatchObject({ condition: 'congenital-spondylolysis', status: 'affirmed', congenital: true, region: '3' });
    expect(m.quote.text).toBe('congenital spondylolysis at C7-T1');
    expect(read('Spondylolysis at C7-T1, congenital.')[0].condition).toBe('congenital-spondylolysis');
    expect(read('Acquired spondylolysis at C7-T1; no congenital anomaly.')[0].condition).toBe('spondylolysis');
    expect(read('Congenital fusion of C2-C3 vertebrae and bilateral pars defect at C7-T1.')[0].condition).toBe('spondylolysis');
    expect(read('No congenital spondylolysis.')[0]).toMatchObject({ condition: 'congenital-spondylolysis', status: 'negated' });
  });

  it('seed sentences', () => {
    const m = read('CT: bilateral pars defect at C7-T1 without listhesis. Radicular pain C8 distribution.');
    expect(m.map((x) => [x.condition, x.status])).toEqual([['spondylolysis', 'affirmed'], ['spondylolisthesis', 'negated'], ['radiculopathy', 'affirmed']]);
    expect(m[1].trigger).toMatchObject({ text: 'without', type: 'pre-neg' });
    expect(statusOf('No myelopathy.', 'myelopathy')).toBe('negated');
    expect(statusOf('Myelopathy cannot be ruled out.', 'myelopathy')).toBe('uncertain');
  });

  it('no documentation', () => {
    expect(readChart(lexicon!, undefined)).toEqual({ documented: false, mentions: [] });
    expect(readChart(lexicon!, '   ')).toEqual({ documented: false, mentions: [] });
  });
});

describe('other term lists with the same reader (readTerms)', () => {
  const { terms, problems: p } = compileTerms('test-terms', [['physical therapy', 'conservative-pt'], ['PT', 'conservative-pt'], ['CT', 'imaging-ct'], ['MRI', 'imaging-mri']]);
  it('compiles and reads with ConText status and regions, sharing one tokenization', () => {
    expect(p).toEqual([]);
    const chart = analyzeChart('CT C-spine: pars defect at C7-T1. No MRI. Failed 8 weeks of physical therapy.');
    expect(readTerms(lexicon!, chart, terms).map((m) => [m.condition, m.status])).toEqual([['imaging-ct', 'affirmed'], ['imaging-mri', 'negated'], ['conservative-pt', 'affirmed']]);
    expect(readTerms(lexicon!, chart, lexicon!.conditionTerms).map((m) => m.condition)).toEqual(['spondylolysis']);
  });
  it('a congenital trigger relabels only condition lists', () => {
    const chart = analyzeChart('CT C-spine: congenital spondylolysis at C7-T1.');
    expect(readTerms(lexicon!, chart, terms).map((m) => m.condition)).toEqual(['imaging-ct']);
    expect(readTerms(lexicon!, chart, lexicon!.conditionTerms).map((m) => m.condition)).toEqual(['congenital-spondylolysis']);
  });
  it('reports bad rows', () => {
    expect(compileTerms('bad', [['', 'x'], ['ct', 'imaging'], ['CT', 'imaging']]).problems).toEqual(['bad: row 0 must be [term, concept] with both non-empty', 'bad: term "CT" is listed twice']);
  });
});

// Issue 14 item 3: reading is linear in the text. The reader counts its steps (tokens visited, trie steps,
// window scans); the bound is structural (each token is visited a bounded number of times), so the test
// counts work instead of timing it, and checks that twice the text costs twice the work.
describe('linear reading (work counted, not timed)', () => {
  const adversarial: Record<string, (n: number) => string> = {
    'no pars defect but': (n) => 'no pars defect but '.repeat(n),
    'one sentence of levels and terms': (n) => 'pars defect C7-T1 C7/T1 C7 T1 L4-5 cervicothoracic junction no listhesis, '.repeat(n),
    'triggers without terms': (n) => 'no denies without possible history of mother if '.repeat(n),
    'terms without triggers': (n) => 'myelopathy radiculopathy stenosis '.repeat(n),
    'punctuation runs': (n) => `myelopathy${',;:-'.repeat(n)}no`,
    'one long line of levels': (n) => 'C7-T1 '.repeat(n * 4),
  };
  for (const [name, make] of Object.entries(adversarial)) {
    it(`${name}: work per character bounded, and doubling the text doubles the work`, () => {
      const count = (text: string) => { const w: WorkCounter = { steps: 0 }; const r = readChart(lexicon!, text, w); return { steps: w.steps, r }; };
      const small = make(1000);
      const big = make(2000);
      const a = count(small);
      const b = count(big);
      expect(a.steps / small.length).toBeLessThan(30);
      expect(b.steps / big.length).toBeLessThan(30);
      expect(b.steps / a.steps).toBeLessThan(2.2);
      for (const m of b.r.mentions.slice(0, 50)) expect(m.regions.length).toBeLessThanOrEqual(16);
    });
  }
  it('100 KB of "no pars defect but" in one call reads every mention, without overflowing the stack', () => {
    const text = 'no pars defect but '.repeat(Math.ceil(100_000 / 19));
    const { mentions } = readChart(lexicon!, text);
    expect(mentions.length).toBe(Math.ceil(100_000 / 19));
    expect(mentions[0].status).toBe('negated');
  });
});

describe('documentation terms (rules/data/chart-documentation-terms.json)', () => {
  const file = load('chart-documentation-terms');
  const { terms, problems: p } = compileTerms(file.id, file.rows ?? []);
  it('compiles without problems', () => expect(p).toEqual([]));
  it.each((file.rows ?? []) as [string, string][])('"%s" -> %s', (term, concept) => {
    const found = readTerms(lexicon!, analyzeChart(`Seen today; ${term} noted.`), terms);
    expect(found.map((m) => [m.condition, m.status])).toContainEqual([concept, 'affirmed']);
  });
});
