import * as fs from 'node:fs';
import * as path from 'node:path';
import { importMcdArticle } from '../../../scripts/import-mcd-article';
import { ruleSetFromJson } from '../../../src/rules/load';
import { createScrubber } from '../../../src/scrub/scrubber';
import { claim } from '../../helpers/rule-tester';

// The generic MCD export importer on a fixture in the export's format (__tests__/fixtures/mcd).
const fixture = path.join(__dirname, '..', '..', 'fixtures', 'mcd');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'rules', file), 'utf8'));

describe('scripts/import-mcd-article.ts', () => {
  const { header, rows } = importMcdArticle(fixture, { article: 'A99901', contractor: 'Test MAC' });

  it('takes the latest version, its dates, its LCD and its groups', () => {
    expect(header).toMatchObject({
      id: 'mcd-article-a99901-v2', kind: 'table', effective: { from: '2024-08-11' },
      article: {
        id: 'A99901', version: 2, title: 'Billing and Coding: Test Cervical Procedure', derived: false, payerTypes: ['medicare'], contractor: 'Test MAC',
        lcd: { id: 'L39901', version: 12 },
        groups: [
          { kind: 'diagnosis', group: '1', title: 'Group 1 Paragraph: Radiculopathy, cervical.', paragraph: 'Group 1 Paragraph: Radiculopathy, cervical. Report the level.' },
          { kind: 'diagnosis', group: '2', title: 'Group 2 Paragraph: Myelopathy & stenosis.' },
        ],
      },
    });
  });

  it('keeps only that article and version, dots the codes, and copies no CPT descriptors', () => {
    expect(rows).toEqual([
      ['diagnosis', '1', 'M54.12', 'Radiculopathy, cervical region', 'official'],
      ['diagnosis', '1', 'M54.13', 'Radiculopathy, cervicothoracic region', 'official'],
      ['diagnosis', '2', 'M47.13', 'Other spondylosis with myelopathy, cervicothoracic region', 'official'],
      ['diagnosis-noncovered', '1', 'M54.2', 'Cervicalgia', 'official'],
      ['procedure', '1', '22551', '', 'official'],
      ['procedure', '1', '22552', '', 'official'],
    ]);
  });

  it('an earlier version carries its end date', () => {
    expect(importMcdArticle(fixture, { article: '99901', version: 1 }).header).toMatchObject({ effective: { from: '2024-07-07', to: '2024-08-10' } });
  });

  it('refuses an article that is not in the export', () => {
    expect(() => importMcdArticle(fixture, { article: '12345' })).toThrow('not in the export');
  });

  it('the imported file drives medical-necessity/lcd-diagnosis-support', async () => {
    const loaded = ruleSetFromJson({
      rules: [readJson('medical-necessity/lcd-diagnosis-support.json')],
      data: [readJson('data/x12-denial-mappings.json'), { ...header, rows }],
    });
    if (loaded._tag === 'Left') throw new Error(JSON.stringify(loaded.left));
    const scrubber = createScrubber(loaded.right);
    const scrub = async (diagnoses: string[], serviceDate = '2026-01-15') => {
      const r = await scrubber.scrubInput(claim({ serviceDate, diagnoses, lines: [{ procedureCode: '22551', diagnosisPointers: diagnoses.map((_, i) => i + 1) }] }));
      if (r.status !== 'scrubbed') throw new Error('rejected');
      return r.findings;
    };
    const [finding] = await scrub(['M43.03']);
    expect(finding.message).toContain('A99901 v2');
    expect(finding.message).toContain('LCD L39901 v12');
    expect(finding.message).not.toContain('DERIVED');
    expect(await scrub(['M43.03', 'M54.13'])).toEqual([]);
    expect(await scrub(['M43.03'], '2024-08-10')).toEqual([]);
  });
});
