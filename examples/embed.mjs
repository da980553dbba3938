// Embedding claimscrub in a Node program (plain ESM; `require('claimscrub')` works the same from CommonJS).
//   npm run example          (after `npm ci`, which builds dist/)
// It loads the shipped rule set once, makes two scrubbers over it (the default preset and the Medicare
// one), scrubs a claim with each, shows a claim that does not decode, and serves the endpoint in-process
// on a free loopback port for one request. Nothing is global: each scrubber keeps its own settings.
import { createScrubber, createServer, loadRuleSet } from 'claimscrub';

const loaded = await loadRuleSet(); // the one function that reads files; ruleSetFromJson takes parsed JSON
if (loaded._tag === 'Left') {
  console.error(loaded.left.map((p) => `${p.file} ${p.path}: ${p.message}`).join('\n'));
  process.exit(2);
}
const ruleSet = loaded.right;

const claim = {
  id: 'EX-1', type: 'professional', serviceDate: '2026-01-15',
  payer: { id: 'MEDICARE-JH', type: 'medicare' },
  diagnoses: ['M43.03', 'M43.0'],
  lines: [{ procedureCode: '22551', units: 1, charge: 1604.91, diagnosisPointers: [1, 2] }],
};

const commercial = createScrubber(ruleSet);
const medicare = createScrubber(ruleSet, { preset: 'medicare' });
for (const [name, scrubber] of [['recommended', commercial], ['medicare', medicare]]) {
  const result = await scrubber.scrubInput(claim);
  if (result.status !== 'scrubbed') throw new Error('the example claim should decode');
  console.log(`${name.padEnd(12)} ${result.claimId} ${result.outcome} risk ${result.riskScore} (${result.ruleSet.codeSet})`);
  for (const f of result.findings) console.log(`  ${f.severity.padEnd(8)} ${f.evidence[0]?.path ?? ''} ${f.ruleId}: ${f.fix?.action ?? 'review'} (${f.denial.group ?? ''}-${f.denial.carc ?? ''})`);
}

const rejected = await commercial.scrubInput({ id: 'EX-2', type: 'professional', serviceDate: '2026-02-30', diagnoses: [] });
console.log(`rejected     ${rejected.claimId} ${rejected.status}: ${rejected.status === 'rejected' ? rejected.problems.map((p) => p.path).join(', ') : ''}`);

// The HTTP endpoint, in-process: nothing listens until listen(); close() drains and stops.
const server = createServer(ruleSet, { limits: { maxClaims: 100 } });
const { url } = await server.listen(0, '127.0.0.1');
const response = await fetch(`${url}/v1/scrub`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([claim]) });
const [viaHttp] = await response.json();
console.log(`http         ${response.status} ${viaHttp.claimId} ${viaHttp.outcome} risk ${viaHttp.riskScore}`);
await server.close();
