#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI lives in dist/src/cli/main.js (built by `npm ci` through the prepare script).
//
// A nightly `check` allocates fast, and V8 grows its heap lazily: about 600 MB of RSS for a
// 1,000,000-claim NDJSON file, although the work retains ~50 MB. So `check` over large streaming
// inputs (NDJSON, CSV, X12 files of 50 MB or more in all) re-runs itself with an old-space cap, unless
// the user set one. Small runs skip it (the re-run costs ~0.25 s, which a pre-submission check should
// not pay); JSON files are read whole, so a run that reads one keeps V8's default rather than risk
// running out of heap. Standard input has no size: set NODE_OPTIONS=--max-old-space-size=192 there.
//
// The re-run is a child process: every signal the launcher gets (SIGINT, SIGTERM, SIGHUP) is passed on,
// so killing what you started stops the work, and the launcher exits as its child did (same code, or
// the same signal).
// The young generation at 8 MB semi-spaces instead of 16: 18 MB less RSS at the same speed (measured on
// 200,000 claims to HTML); the old-space cap bounds what the batch may retain.
const HEAP_CAP = ['--max-old-space-size=192', '--max-semi-space-size=8'];
const args = process.argv.slice(2);
const capped = process.execArgv.some((a) => a.startsWith('--max-old-space-size'))
  || /--max-old-space-size/.test(process.env.NODE_OPTIONS || '');
const readsJson = args.some((a, i) => /\.json$/i.test(a) || a === '--input-format=json' || (a === '--input-format' && args[i + 1] === 'json'));
const inputBytes = () => args.slice(1).reduce((sum, a) => {
  try { return sum + require('node:fs').statSync(a).size; } catch { return sum; }
}, 0);
const forceChild = process.env.CLAIMSCRUB_TEST_RELAUNCH === '1'; // tests: the re-run without a 50 MB file
// `--jobs` with a worker on every core: V8's helper threads (parallel garbage collection, concurrent
// compilation) can then only take cores from the workers, and each worker's helpers take them from the
// other. Run single-threaded, each thread collects and compiles for itself: `--jobs 2` on 2 cores, 200,000
// claims, 9.2-9.3 s instead of 10.9-11.0 s, less CPU and memory. (`--jobs 1` keeps the helpers: they use
// the idle cores, and it is ~7 % slower without them.) Each worker then pays its own optimizing compiles
// on its own core: with a third of V8's inlining budget they cost less and the code runs as fast, 9.2-9.4 s
// against 9.6-10.4 s in four alternating pairs (no change for `--jobs 1`). And 4 MB semi-spaces: every
// thread has its own young generation, and at 4 MB `--jobs 2` ran as fast with 38 MB less (246 vs 284 MB).
const EVERY_CORE_SCRUBS = ['--max-old-space-size=192', '--max-semi-space-size=4', '--single-threaded', '--max-inlined-bytecode-size-cumulative=300'];
const jobsValue = (() => {
  const at = args.findIndex((a) => a === '--jobs' || a.startsWith('--jobs='));
  return at < 0 ? undefined : args[at].startsWith('--jobs=') ? args[at].slice('--jobs='.length) : args[at + 1];
})();
const cores = require('node:os').availableParallelism();
const everyCoreScrubs = jobsValue !== undefined && jobsValue !== '1' && (jobsValue === 'auto' ? cores > 1 : Number(jobsValue) >= cores);

if (args[0] === 'check' && !capped && !readsJson && (forceChild || inputBytes() >= 50 * 1024 * 1024)) {
  const { spawn } = require('node:child_process');
  const child = spawn(process.execPath, [...(everyCoreScrubs ? EVERY_CORE_SCRUBS : HEAP_CAP), ...process.execArgv, __filename, ...args], { stdio: 'inherit' });
  const forward = (signal) => { if (child.exitCode === null && child.signalCode === null) child.kill(signal); };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('error', (error) => { process.stderr.write(`claimscrub: ${error.message}\n`); process.exitCode = 2; });
  child.on('exit', (code, signal) => {
    // A child that died without cleaning up (out of memory, SIGKILL) leaves its temporary --output file
    // (src/cli/output.ts names it .<name>.<pid>.<time>.partial): remove it, so no half report is left.
    // (A child that handled a signal itself exits with a code, its output already removed, and says so.)
    if (signal) removePartialOutput(child.pid);
    if (signal) {
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeAllListeners(s);
      process.kill(process.pid, signal); // end as the child ended
      return;
    }
    process.exitCode = code ?? 2;
  });
} else {
  require('../dist/src/cli/main.js');
}

function removePartialOutput(pid) {
  const path = require('node:path');
  const fs = require('node:fs');
  const at = args.findIndex((a) => a === '-o' || a === '--output' || a.startsWith('--output='));
  if (at < 0) return;
  const output = args[at].startsWith('--output=') ? args[at].slice('--output='.length) : args[at + 1];
  if (!output) return;
  const dir = path.dirname(path.resolve(output));
  const prefix = `.${path.basename(output)}.${pid}.`;
  try {
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.partial')) fs.rmSync(path.join(dir, name), { force: true });
    }
    process.stderr.write(`claimscrub: the run did not finish; ${output} was not written\n`);
  } catch { /* the folder is gone: nothing to clean */ }
}
