import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';

// The nightly batch through the CLI: reports, progress, summary, and how it fails.

const cli = (args: string[], options: { tty?: boolean } = {}) => runCli(args, options);

describe('claimscrub check for batch reports', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscrub-batch-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--format html --output writes one report with the summary; a batch with rejections finishes and reports them', async () => {
    const output = path.join(dir, 'report.html');
    const { code, stdout, stderr } = await cli(['check', 'samples/seed.ndjson', 'samples/seed.csv', '--format', 'html', '--output', output, '--progress']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const html = fs.readFileSync(output, 'utf8');
    expect(html).toContain('10 inputs = 7 scrubbed + 3 rejected');
    expect(html).toContain('samples/seed.ndjson, samples/seed.csv');
    expect(html).toContain('$.lines[*].units: positive number');
    // --progress off a terminal: plain lines (here just the last one), then the summary.
    expect(stderr).toMatch(/^claimscrub: 10 records in 0:0\d, [\d,]+ claims\/s\n10 inputs = 7 scrubbed \+ 3 rejected \|/);
    expect(stderr).toContain('\ncharges: $');
    expect(stderr).toContain('\nrejections: ');
  });

  it('on a terminal the bar is cleared before the summary; --quiet prints nothing', async () => {
    const tty = await cli(['check', 'samples/seed.ndjson', '--format', 'ndjson', '--fail-on', 'never'], { tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/^(\r\u001b\[K.*)*6 inputs = 4 scrubbed \+ 2 rejected/s);
    const quiet = await cli(['check', 'samples/seed.ndjson', '--format', 'ndjson', '--quiet'], { tty: true });
    expect(quiet.stderr).toBe('');
  });

  it('an output that cannot be opened is exit 2 before any work', async () => {
    const { code, stderr } = await cli(['check', 'samples/seed.ndjson', '--format', 'csv', '--output', path.join(dir, 'missing', 'r.csv')]);
    expect(code).toBe(2);
    expect(stderr).toBe(`claimscrub: cannot write ${path.join(dir, 'missing', 'r.csv')}: no such file or folder (ENOENT)\n`);
  });

  (fs.existsSync('/dev/full') ? it : it.skip)('a write that fails midway (disk full) is exit 2 with the reason, not a crash or a hang', async () => {
    const { code, stderr } = await cli(['check', 'samples/seed.ndjson', '--format', 'ndjson', '--output', '/dev/full', '--quiet']);
    expect(code).toBe(2);
    expect(stderr).toContain('ENOSPC');
  });

  it('an unreadable input is exit 2 naming it', async () => {
    const folder = path.join(dir, 'claims.ndjson');
    fs.mkdirSync(folder);
    const { code, stdout, stderr } = await cli(['check', 'samples/seed.ndjson', folder, '--format', 'html']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    // A folder is expanded to the claim files under it; one with none is an error that says so.
    expect(stderr).toBe(`claimscrub: ${folder}: no claim files in this folder (.json .ndjson .jsonl .csv .x12 .837 .edi .txt)\n`);
  });
});
