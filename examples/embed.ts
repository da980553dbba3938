// The same embedding in TypeScript: results are typed (ScrubResult is a union on `status`), so the
// compiler makes you handle a rejected record. Type-checked against the packed package by
// __tests__/package/package.test.ts; run it with `npx ts-node examples/embed.ts`.
import { createScrubber, loadRuleSet, type Finding, type ScrubResult } from 'claimscrub';

function describe(result: ScrubResult): string {
  if (result.status === 'rejected') return `${result.claimId ?? '?'} rejected: ${result.problems.map((p) => `${p.path} (${p.expected})`).join(', ')}`;
  const worst: Finding | undefined = result.findings[0]; // findings are ordered: severity desc, then rule id
  return `${result.claimId} ${result.outcome} risk ${result.riskScore}${worst ? `; worst: ${worst.ruleId} ${worst.severity}` : ''}`;
}

async function main(): Promise<void> {
  const loaded = await loadRuleSet();
  if (loaded._tag === 'Left') throw new Error(loaded.left.map((p) => `${p.file} ${p.path}: ${p.message}`).join('\n'));
  const scrubber = createScrubber(loaded.right, { preset: 'medicare' });
  const claims: unknown[] = [
    { id: 'TS-1', type: 'professional', serviceDate: '2026-01-15', diagnoses: ['M43.03', 'M43.0'], lines: [{ procedureCode: '22551', units: 1 }] },
    { id: 'TS-2', type: 'professional', serviceDate: '2026-01-15', diagnoses: ['M43.03'], lines: [{ procedureCode: '22551', units: 0 }] },
  ];
  for (const claim of claims) console.log(describe(await scrubber.scrubInput(claim)));
}

void main();
