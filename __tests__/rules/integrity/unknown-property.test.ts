import { createScrubber } from '../../../src/scrub/scrubber';
import { decodeItem } from '../../../src/input/types';
import { claim, shippedRuleSet } from '../../helpers/rule-tester';

// The decoder turns unknown JSON properties into IntakeDefects (kind json/unknown-property); this rule reports them.
describe('integrity/unknown-property', () => {
  const defect = { kind: 'json/unknown-property', path: '$.documentaton', message: 'Unknown property "documentaton": did you mean "documentation"?', fields: { property: 'documentaton', suggestion: 'documentation' } };

  it('reports each unknown-property defect as a warning at its path, with the reader\'s words', async () => {
    const scrubber = createScrubber(await shippedRuleSet(), { only: ['integrity/unknown-property'] });
    const item = decodeItem(claim(), {});
    if (item.kind !== 'claim') throw new Error('test claim does not decode');
    const result = await scrubber.scrub(item.claim, {}, { defects: [defect, { kind: 'x12/other', path: '$', message: 'not mine' }] });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toEqual(expect.objectContaining({ ruleId: 'integrity/unknown-property', severity: 'warning', message: defect.message }));
    expect(result.findings[0].evidence[0]).toEqual({ path: '$.documentaton' });
  });

  it('is silent on a claim without defects', async () => {
    const scrubber = createScrubber(await shippedRuleSet(), { only: ['integrity/unknown-property'] });
    expect(await scrubber.scrubInput(claim(), {})).toEqual(expect.objectContaining({ findings: [] }));
  });
});
