import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeClaim } from '../../src/claim/decode';
import { codeSetOn } from '../../src/rules/code-set';
import { computeDrg } from '../../src/scrub/drg';
import { shippedRuleSet } from '../helpers/rule-tester';

// Conformance against 4,000 claims graded by the CMS MS-DRG v43.0 Java grouper (copied from
// shared/domain/msdrg-v43/oracle-sample): where the grouper says 551/552 we must say the same DRG;
// where it says anything else we must not say 551/552. We also compare the MDC and the severity.
const dir = path.join(__dirname, '..', 'fixtures', 'msdrg-oracle');
const expected = new Map(fs.readFileSync(path.join(dir, 'expected.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => {
  const [id, mdc, drg, grc, severity, inScope] = line.split('\t');
  return [id, { mdc, drg, grc, severity, inScope }] as const;
}));
const claims = fs.readFileSync(path.join(dir, 'claims.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown);
const SEVERITY = { MCC: 'MCC', CC: 'CC', none: 'NON_CC' } as const;

describe('MS-DRG v43 551/552 against the CMS grouper oracle sample', () => {
  it('has the 4,000 graded claims', () => {
    expect(claims).toHaveLength(4000);
    expect(expected.size).toBe(4000);
  });

  it('agrees on every in-scope claim (DRG 551/552 or not, MDC, severity of 551/552)', async () => {
    const ruleSet = await shippedRuleSet();
    const disagreements: string[] = [];
    let inScope = 0;
    let agree = 0;
    for (const raw of claims) {
      const decoded = decodeClaim(raw);
      if (decoded._tag === 'Left') throw new Error(`oracle claim does not decode: ${JSON.stringify(decoded.left)}`);
      const claim = decoded.right;
      const want = expected.get(claim.id)!;
      if (want.inScope !== '1') continue;
      inScope++;
      const { result } = computeDrg(claim, ruleSet.drgGroupers ?? [], claim.dischargeDate!, codeSetOn(ruleSet.codeSets, claim.dischargeDate!));
      const is551 = want.drg === '551' || want.drg === '552';
      const problems = [
        ...(is551 ? (result.drg === want.drg ? [] : [`DRG ${String(result.drg)} ≠ ${want.drg}`]) : (result.drg === '551' || result.drg === '552' ? [`said ${result.drg}, grouper ${want.drg}`] : [])),
        ...(result.mdc === want.mdc ? [] : [`MDC ${String(result.mdc)} ≠ ${want.mdc}`]),
        ...(is551 && SEVERITY[result.severity] !== want.severity ? [`severity ${result.severity} ≠ ${want.severity}`] : []),
      ];
      if (problems.length === 0) agree++; else disagreements.push(`${claim.id}: ${problems.join(', ')} — ${result.explanation}`);
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    expect(agree).toBe(inScope);
    expect(inScope).toBe(4000);
  });
});
