import * as fs from 'node:fs';
import * as path from 'node:path';
import { createScrubber } from '../../../src/scrub/scrubber';
import { shippedRuleSet } from '../../helpers/rule-tester';

// samples/spine-documentation.ndjson with the whole shipped rule set: what each note gets from the documentation rules.
const lines = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'samples', 'spine-documentation.ndjson'), 'utf8').trim().split('\n');
const byId = new Map(lines.map((l) => { const c = JSON.parse(l) as { id: string }; return [c.id, c] as const; }));

const documentationFindings = async (id: string) => {
  const result = await createScrubber(await shippedRuleSet()).scrubInput(byId.get(id));
  if (result.status !== 'scrubbed') throw new Error(JSON.stringify(result));
  return { all: result.findings, doc: result.findings.filter((f) => f.category === 'documentation').map((f) => f.ruleId).sort() };
};

describe('samples/spine-documentation.ndjson', () => {
  it('complete note: no documentation finding, and no spine coding finding either', async () => {
    const { all, doc } = await documentationFindings('DOC-COMPLETE');
    expect(doc).toEqual([]);
    expect(all.map((f) => f.ruleId)).toEqual([]);
  });
  it('incomplete note: one finding per missing element', async () => {
    expect((await documentationFindings('DOC-INCOMPLETE')).doc).toEqual([
      'documentation/spine-conservative-care', 'documentation/spine-imaging', 'documentation/spine-listhesis-status',
      'documentation/spine-neurological-findings', 'documentation/spine-pars-laterality', 'documentation/spine-symptom-duration',
    ]);
  });
  it('no chart text: one info finding', async () => {
    const { all, doc } = await documentationFindings('DOC-NO-CHART');
    expect(doc).toEqual(['documentation/spine-chart-missing']);
    expect(all.find((f) => f.ruleId === 'documentation/spine-chart-missing')?.severity).toBe('info');
  });
  it('congenital spondylolysis coded M43.03: replace by Q76.2', async () => {
    const { all, doc } = await documentationFindings('DOC-CONGENITAL');
    expect(doc).toEqual(['documentation/congenital-spondylolysis']);
    expect(all.find((f) => f.ruleId === 'documentation/congenital-spondylolysis')?.fix).toMatchObject({ action: 'replace', code: 'Q76.2' });
  });
});
