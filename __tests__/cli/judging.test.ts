import { runCli } from '../helpers/cli';

// A complete claim dated 2024-09-01: FY2024, for which no ICD-10-CM code set is loaded.
const unjudgeable = JSON.stringify({
  id: 'OLD-1', type: 'professional', payer: { id: 'P', type: 'commercial' }, patient: { birthDate: '1950-01-01', sex: 'F' },
  serviceDate: '2024-09-01', diagnoses: ['I10'], lines: [{ procedureCode: '99213', units: 1, charge: 90, diagnosisPointers: [1] }],
});

describe('a claim that cannot be judged', () => {
  it('fails the gate by default: exit 1, an error finding', async () => {
    const { code, stdout } = await runCli(['check', '-', '--input-format', 'ndjson', '--format', 'ndjson'], { stdin: `${unjudgeable}\n` });
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId} ${f.severity}`)).toEqual(['validity/code-set-not-loaded error']);
  });

  it('passes with the documented lenient preset, still saying it was not judged', async () => {
    const { code, stdout } = await runCli(['check', '-', '--input-format', 'ndjson', '--format', 'ndjson', '--preset', 'lenient'], { stdin: `${unjudgeable}\n` });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId} ${f.severity}`)).toEqual(['validity/code-set-not-loaded warning']);
  });
});
