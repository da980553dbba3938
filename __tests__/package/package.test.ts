import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The package as a user gets it: `npm pack` it (built), install the tarball into a scratch folder, then
// require it from CommonJS, import it from ESM, type-check a TypeScript user of both entries, run the
// installed bin (check, and serve until a real SIGTERM) and run examples/ against it, as CI does.

const ROOT = path.join(__dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npmAvailable = spawnSync(npm, ['--version'], { encoding: 'utf8' }).status === 0;
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

if (!npmAvailable) {
  console.warn('npm is not available: the package test (npm pack → install → import) is skipped');
}
const maybe = npmAvailable ? describe : describe.skip;

const CLAIM = { id: 'PKG-1', type: 'professional', serviceDate: '2026-01-15', diagnoses: ['M43.03', 'M43.0'], lines: [{ procedureCode: '99213', units: 1 }] };

function run(cmd: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' }, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

maybe('the packed package', () => {
  let scratch: string;
  let installed: string;

  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscrub-pack-'));
    // Pack a staged copy with the build: dist/ is what `prepare` builds (npm run build), brought up to date
    // with the sources before any test by the Jest globalSetup (__tests__/setup/build.js).
    const stage = path.join(scratch, 'stage');
    for (const entry of ['package.json', 'README.md', 'bin', 'dist', 'esm', 'rules', 'schemas']) fs.cpSync(path.join(ROOT, entry), path.join(stage, entry), { recursive: true });
    const packed = JSON.parse(run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], stage).replace(/^[^[]*/, '')) as { filename: string; files: { path: string }[] }[];
    const tarball = path.join(scratch, packed[0].filename);
    const files = packed[0].files.map((f) => f.path);
    // What a user needs, and nothing of the development tree.
    expect(files).toEqual(expect.arrayContaining(['dist/src/index.js', 'dist/src/index.d.ts', 'esm/index.mjs', 'esm/index.d.mts', 'rules/ruleset.json', 'schemas/claim.schema.json', 'schemas/scrub-result.schema.json', 'schemas/openapi.json', 'bin/claimscrub.js']));
    expect(files.filter((f) => /^(src|__tests__|scripts|examples|dist\/scripts|dist\/__tests__)\//.test(f))).toEqual([]);

    const app = path.join(scratch, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'scratch-app', version: '1.0.0', private: true }));
    // The dependencies are in npm's cache after `npm ci`; go to the registry only when they are not.
    try {
      run(npm, ['install', '--no-audit', '--no-fund', '--offline', tarball], app);
    } catch {
      run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], app);
    }
    installed = app;
  }, 240_000);

  afterAll(() => { if (scratch) fs.rmSync(scratch, { recursive: true, force: true }); });

  const scrubScript = (load: string) => `${load}
const loaded = await loadRuleSet();
if (loaded._tag !== 'Right') throw new Error('rules did not load');
const result = await createScrubber(loaded.right).scrubInput(${JSON.stringify(CLAIM)});
console.log(JSON.stringify({ status: result.status, outcome: result.outcome, rules: result.findings.map((f) => f.ruleId) }));`;

  it('require() from CommonJS scrubs a claim', () => {
    fs.writeFileSync(path.join(installed, 'use.cjs'), `(async () => {\n${scrubScript("const { createScrubber, loadRuleSet } = require('claimscrub');")}\n})().catch((e) => { console.error(e); process.exit(1); });`);
    const out = JSON.parse(run(process.execPath, ['use.cjs'], installed)) as { status: string; rules: string[] };
    expect(out).toMatchObject({ status: 'scrubbed', outcome: 'likely-denial' });
    expect(out.rules).toContain('validity/header-code');
  });

  it('import from ESM scrubs a claim, with every CommonJS export', () => {
    fs.writeFileSync(path.join(installed, 'use.mjs'), scrubScript("import { createScrubber, loadRuleSet } from 'claimscrub';"));
    expect(JSON.parse(run(process.execPath, ['use.mjs'], installed))).toMatchObject({ status: 'scrubbed', outcome: 'likely-denial' });
    fs.writeFileSync(path.join(installed, 'names.mjs'), `import * as esm from 'claimscrub';\nimport { createRequire } from 'node:module';\nconst cjs = createRequire(import.meta.url)('claimscrub');\nconsole.log(JSON.stringify({ esm: Object.keys(esm).filter((k) => k !== '__esModule' && k !== 'default').sort(), cjs: Object.keys(cjs).sort(), same: esm.createScrubber === cjs.createScrubber }));`);
    const names = JSON.parse(run(process.execPath, ['names.mjs'], installed)) as { esm: string[]; cjs: string[]; same: boolean };
    expect(names.esm).toEqual(names.cjs);
    expect(names.cjs).toEqual(expect.arrayContaining(['createScrubber', 'loadRuleSet', 'ruleSetFromJson', 'decodeClaim', 'createServer']));
    expect(names.same).toBe(true); // one copy of the library, not two
  });

  it('TypeScript users of both entries type-check, with typed results (examples/embed.ts included)', () => {
    fs.copyFileSync(path.join(ROOT, 'examples', 'embed.ts'), path.join(installed, 'embed.ts'));
    fs.writeFileSync(path.join(installed, 'typed.mts'), `import { createScrubber, loadRuleSet, type ScrubResult } from 'claimscrub';
const loaded = await loadRuleSet();
if (loaded._tag === 'Right') {
  const result: ScrubResult = await createScrubber(loaded.right).scrubInput({});
  const n: number = result.status === 'scrubbed' ? result.findings.length : result.problems.length;
  console.log(n);
}
`);
    fs.writeFileSync(path.join(installed, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [path.join(ROOT, 'node_modules', '@types')] },
      files: ['embed.ts', 'typed.mts', 'wrong.ts'],
    }));
    // and a type error is caught: a rejected result has no findings. One tsc run checks all three files
    // (one process, not two): it fails, and every error is in wrong.ts.
    fs.writeFileSync(path.join(installed, 'wrong.ts'), "import type { ScrubResult } from 'claimscrub';\nexport const f = (r: ScrubResult) => r.findings;\n");
    const checked = spawnSync(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: installed, encoding: 'utf8' });
    expect(checked.status).not.toBe(0);
    const errors = checked.stdout.split('\n').filter((l) => /error TS\d+/.test(l));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((l) => !l.startsWith('wrong.ts('))).toEqual([]);
    expect(errors.join('\n')).toMatch(/findings/);
  }, 60_000);

  it('the installed bin checks a file', () => {
    fs.writeFileSync(path.join(installed, 'claims.ndjson'), `${JSON.stringify(CLAIM)}\n`);
    const result = spawnSync(process.execPath, [path.join(installed, 'node_modules', '.bin', 'claimscrub'), 'check', 'claims.ndjson', '--format', 'ndjson'], { cwd: installed, encoding: 'utf8' });
    expect(result.status).toBe(1); // an error finding
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'scrubbed', claimId: 'PKG-1' });
  });

  it('the installed bin serves HTTP and stops cleanly on a real SIGTERM', async () => {
    const child = spawn(process.execPath, [path.join(installed, 'node_modules', '.bin', 'claimscrub'), 'serve', '--port', '0'], { cwd: installed, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let url: string | undefined;
      // Up to 50 s to start listening: a loaded CI machine, not a timing claim.
      for (let i = 0; i < 1000 && !url; i++) {
        await new Promise((r) => setTimeout(r, 50));
        url = /"msg":"listening","url":"([^"]+)"/.exec(stderr)?.[1];
      }
      expect(url).toBeDefined();
      const response = await fetch(`${url}/v1/scrub`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([CLAIM, { id: 'PKG-2' }]) });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject([{ status: 'scrubbed', claimId: 'PKG-1' }, { status: 'rejected', claimId: 'PKG-2' }]);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    const lines = stderr.trim().split('\n').map((l) => JSON.parse(l) as { msg: string; claims?: number });
    expect(lines.map((l) => l.msg)).toEqual(['listening', 'request', 'shutting down', 'stopped']);
    expect(lines[1]).toMatchObject({ claims: 2, rejected: 1, status: 200 });
    expect(stderr).not.toContain('PKG-');
  }, 120_000);

  it('the JSON Schemas are importable by path', () => {
    const schema = JSON.parse(run(process.execPath, ['-e', "process.stdout.write(JSON.stringify(require('claimscrub/schemas/claim.schema.json').title))"], installed)) as string;
    expect(schema).toBe('Claim');
  });

  it('examples/embed.mjs (npm run example) runs against the installed package', () => {
    fs.copyFileSync(path.join(ROOT, 'examples', 'embed.mjs'), path.join(installed, 'embed.mjs'));
    const out = execFileSync(process.execPath, ['embed.mjs'], { cwd: installed, encoding: 'utf8' });
    expect(out).toMatch(/^recommended +EX-1 likely-denial/m);
    expect(out).toMatch(/^medicare +EX-1 likely-denial/m);
    expect(out).toMatch(/^rejected +EX-2 rejected: \$\.serviceDate/m);
    expect(out).toMatch(/^http +200 EX-1/m);
  });
});
