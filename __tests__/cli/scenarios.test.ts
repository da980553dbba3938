import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, runCli } from '../helpers/cli';

const EXPECTED = path.join(ROOT, 'samples', 'expected');

const cli = (args: string[], stdin = '') => runCli(args, { stdin });

/** Compares with samples/expected/<name>; UPDATE_EXPECTED=1 rewrites it (read the diff before committing). */
function expectMatchesFile(actual: string, name: string): void {
  const file = path.join(EXPECTED, name);
  if (process.env.UPDATE_EXPECTED) { fs.mkdirSync(EXPECTED, { recursive: true }); fs.writeFileSync(file, actual); }
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

describe('claimscrub check on the samples', () => {
  it('NDJSON in, NDJSON out: one result per input line, in order, rejected lines with line and path', async () => {
    const { code, stdout, stderr } = await cli(['check', 'samples/seed.ndjson', '--format', 'ndjson']);
    expectMatchesFile(stdout, 'seed.ndjson.out');
    const results = stdout.trim().split('\n').map((l) => JSON.parse(l) as { status: string; claimId?: string; source: { line: number }; problems?: { path: string }[] });
    expect(results.map((r) => r.source.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(results[4]).toMatchObject({ status: 'rejected', claimId: 'CLM-1005', problems: [{ path: '$.lines[0].units' }, { path: '$.lines[0].charge' }] });
    expect(results[5]).toMatchObject({ status: 'rejected', source: { line: 6 } });
    expect(code).toBe(1);
    expect(stderr).toBe('');
  });

  it('--fail-on never exits 0 whatever the findings; --progress prints the summary that adds up', async () => {
    const { code, stderr } = await cli(['check', 'samples/seed.ndjson', '--format', 'ndjson', '--fail-on', 'never', '--progress']);
    expect(code).toBe(0);
    const [, inputs, scrubbed, rejected] = /(\d+) inputs = (\d+) scrubbed \+ (\d+) rejected/.exec(stderr)!.map(Number);
    expect(inputs).toBe(6);
    expect(scrubbed + rejected).toBe(inputs);
  });

  it('JSON array in, JSON out', async () => {
    const { code, stdout } = await cli(['check', 'samples/seed.json', '--format', 'json']);
    expectMatchesFile(stdout, 'seed.json.out');
    expect((JSON.parse(stdout) as unknown[]).length).toBe(4);
    expect(code).toBe(1);
  });

  it('CSV in, stylish out, summary on stderr', async () => {
    const { stdout } = await cli(['check', 'samples/seed.csv']);
    expectMatchesFile(stdout, 'seed.csv.stylish');
    // The stylish output ends with its summary table (as ESLint's does), on standard output.
    expect(stdout).toMatch(/\n4 inputs = 3 scrubbed \+ 1 rejected/);
  });

  it('standard input with -', async () => {
    const line = fs.readFileSync(path.join(ROOT, 'samples', 'seed.ndjson'), 'utf8').split('\n')[1];
    const { code, stdout } = await cli(['check', '-', '--format', 'ndjson'], `${line}\n`);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'scrubbed', claimId: 'CLM-1002', source: { file: '<stdin>', line: 1 } });
    expect(code).toBe(0);
  });

  it('--as-of judges the claims on another date', async () => {
    const { stdout } = await cli(['check', 'samples/seed.json', '--format', 'ndjson', '--as-of', '2026-10-01']);
    const second = JSON.parse(stdout.split('\n')[1]) as { ruleSet: { codeSet: string }; findings: { ruleId: string }[] };
    expect(second.ruleSet.codeSet).toBe('ICD-10-CM FY2027');
    expect(second.findings.map((f) => f.ruleId)).toContain('validity/header-code');
  });

  it('--output writes the results to a file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscrub-'));
    try {
      const out = path.join(dir, 'r.ndjson');
      const { stdout } = await cli(['check', 'samples/seed.ndjson', '--format', 'ndjson', '--output', out]);
      expect(stdout).toBe('');
      expect(fs.readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(6);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('claimscrub errors and help', () => {
  it('an unreadable file is exit 2 with a clear message, before any output', async () => {
    const { code, stdout, stderr } = await cli(['check', 'samples/seed.ndjson', 'samples/missing.ndjson']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('claimscrub: cannot read samples/missing.ndjson: no such file or folder (ENOENT)\n');
  });

  it('usage errors are exit 2 and say what is wrong', async () => {
    expect(await cli(['check'])).toMatchObject({ code: 2, stderr: expect.stringContaining('at least one file') });
    expect(await cli(['check', 'samples/seed.ndjson', '--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format must be one of stylish, json, ndjson') });
    expect(await cli(['check', 'samples/seed.ndjson', '--bogus'])).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option '--bogus'") });
    expect(await cli(['check', 'samples/README.md'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown extension') });
    expect(await cli(['check', 'samples/seed.ndjson', '--as-of', '2026-02-30'])).toMatchObject({ code: 2 });
    expect(await cli(['frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command') });
  });

  it('a rule folder that does not load is exit 2 naming the file and JSONPath', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscrub-rules-'));
    try {
      fs.mkdirSync(path.join(dir, 'validity'));
      fs.writeFileSync(path.join(dir, 'validity', 'bad.json'), JSON.stringify({ id: 'validity/bad', meta: {}, conditions: { all: [] }, event: { type: 'finding', params: { messageId: 'x', evidenceFact: 'y' } } }));
      const { code, stderr } = await cli(['check', 'samples/seed.ndjson', '--rules', dir]);
      expect(code).toBe(2);
      expect(stderr).toContain(`validity${path.sep}bad.json $.meta.category`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--help on every command', async () => {
    expect(await cli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('claimscrub check <files...|->') });
    expect(await cli(['check', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('--fail-on error|warning|never') });
    expect(await cli(['rules', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('claimscrub rules [RULE-ID]') });
  });

  it('rules lists the rules and explains one from its doc', async () => {
    const list = await cli(['rules']);
    expect(list.stdout).toMatch(/^validity\/code-not-in-code-set\s+error/m);
    const one = await cli(['rules', 'validity/header-code']);
    expect(one.stdout).toContain('# validity/header-code');
    expect(one.stdout).toContain('denial risk 0.85');
  });
});
