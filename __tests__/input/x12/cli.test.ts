import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, runCli } from '../../helpers/cli';

// The CLI on the X12 samples: one result per CLM, the source of each, and the envelope counts on stderr.
// Findings are the rules' business (their own tests); here only what the reader decides is checked.

const cli = (args: string[], stdin: string | Buffer = '') => runCli(args, { stdin });

const results = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as { status: string; claimId?: string; source: unknown });

describe('claimscrub check on X12 837 files', () => {
  it('prints one result per CLM of samples/seed-837p.837, and the X12 counts on stderr', async () => {
    const { code, stdout, stderr } = await cli(['check', 'samples/seed-837p.837', '--format', 'ndjson', '--progress']);
    expect(code).not.toBe(2);
    expect(results(stdout).map((r) => [r.status, r.claimId, r.source])).toEqual([
      ['scrubbed', 'CLM-1001', { file: 'samples/seed-837p.837', transaction: '0001', segment: 21 }],
      ['scrubbed', 'CLM-1002', { file: 'samples/seed-837p.837', transaction: '0001', segment: 26 }],
    ]);
    expect(stderr).toContain('x12: 1 interchange, 1 transaction, 2 claims, 0 rejections\n');
  });

  it('reads the institutional sample, and standard input with --input-format x12', async () => {
    const file = await cli(['check', 'samples/seed-837i.837', '--format', 'ndjson']);
    expect(results(file.stdout).map((r) => [r.status, r.claimId])).toEqual([['scrubbed', 'CLM-2001']]);
    const piped = await cli(['check', '-', '--input-format', 'x12', '--format', 'ndjson'], fs.readFileSync(path.join(ROOT, 'samples', 'seed-837i.837')));
    expect(results(piped.stdout).map((r) => [r.status, r.claimId])).toEqual([['scrubbed', 'CLM-2001']]);
  });

  it('reports an envelope problem as a finding on every claim of the transaction, not as an extra record', async () => {
    const text = fs.readFileSync(path.join(ROOT, 'samples', 'seed-837p.837'), 'utf8').replace(/SE\*\d+\*/, 'SE*5*');
    const { code, stdout, stderr } = await cli(['check', '-', '--input-format', 'x12', '--format', 'ndjson', '--progress'], text);
    expect(code).toBe(1);
    const rs = results(stdout);
    expect(rs.map((r) => [r.status, r.claimId ?? '-'])).toEqual([['scrubbed', 'CLM-1001'], ['scrubbed', 'CLM-1002']]);
    for (const r of rs) expect(((r as unknown as { findings: { ruleId: string }[] }).findings).map((f) => f.ruleId)).toContain('x12/envelope-count');
    expect(stderr).toContain('x12: 1 interchange, 1 transaction, 2 claims');
  });
});
