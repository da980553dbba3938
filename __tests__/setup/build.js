// Jest globalSetup: dist/ is `npm run build` of the current sources before any test runs.
//
// Some tests run the built package, not src/ through ts-jest: the CLI's bin (cli/ux, cli/parallel), the package
// as a user installs it (package), and the queue's worker processes (queue). They use dist/, which `npm ci` builds
// (the prepare script). After a source changes, dist/ is stale: this rebuilds it, once, with the same command
// as `npm run build`. It rebuilds when a source under src/ or scripts/ (or a tsconfig) is newer than its
// output or has none, and removes outputs whose source is gone, as a clean build would. When dist/ is up to
// date (a fresh `npm ci`, or nothing changed since the last run), it only compares file times (~30 ms).
//
// Plain JavaScript, so the Jest parent process does not load the TypeScript compiler to run it.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const SOURCES = ['src', 'scripts'];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json'].map((f) => path.join(ROOT, f));

function files(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

const mtime = (file) => fs.statSync(file).mtimeMs;

/** Why dist/ must be built, or undefined when it is up to date. */
function staleness() {
  const configTime = Math.max(...CONFIGS.map(mtime));
  for (const top of SOURCES) {
    for (const source of files(path.join(ROOT, top))) {
      if (!source.endsWith('.ts') || source.endsWith('.d.ts')) continue;
      const output = path.join(DIST, path.relative(ROOT, source)).replace(/\.ts$/, '.js');
      if (!fs.existsSync(output)) return `${path.relative(ROOT, output)} is missing`;
      const built = mtime(output);
      if (built < mtime(source)) return `${path.relative(ROOT, source)} is newer than its output`;
      if (built < configTime) return 'a tsconfig is newer than dist/';
    }
  }
  return undefined;
}

/** Outputs under dist/src and dist/scripts whose .ts source no longer exists (a clean build has none). */
function orphans() {
  return SOURCES.flatMap((top) => files(path.join(DIST, top)).filter((output) => {
    const stem = path.relative(DIST, output).replace(/(\.d\.ts|\.js)(\.map)?$/, '');
    return !fs.existsSync(path.join(ROOT, `${stem}.ts`));
  }));
}

/** The tests that run dist/: those naming the bin (bin/claimscrub.js) or dist/ itself. */
function users() {
  return files(path.join(ROOT, '__tests__')).filter((f) => f.endsWith('.test.ts') && /claimscrub\.js|['"]dist['"/]/.test(fs.readFileSync(f, 'utf8')));
}

module.exports = function buildOnce(globalConfig) {
  // A run whose path pattern selects none of them (`npx jest __tests__/rules`) does not wait for a build.
  const pattern = globalConfig?.testPathPattern;
  if (pattern && !users().some((file) => new RegExp(pattern, 'i').test(file))) return;
  const why = staleness();
  if (why) {
    process.stderr.write(`\nclaimscrub tests: building dist/ (npm run build), since ${why}\n`);
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    // --noEmitOnError: a failed build leaves dist/ stale, so the next run builds (and fails) again.
    const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--noEmitOnError'], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  for (const file of orphans()) fs.rmSync(file);
};
