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
// the same signal). Its V8 flags, and why: v8-flags.js.
const args = process.argv.slice(2);
const capped = process.execArgv.some((a) => a.startsWith('--max-old-space-size'))
  || /--max-old-space-size/.test(process.env.NODE_OPTIONS || '');
const readsJson = args.some((a, i) => /\.json$/i.test(a) || a === '--input-format=json' || (a === '--input-format' && args[i + 1] === 'json'));
const inputBytes = () => args.slice(1).reduce((sum, a) => {
  try { return sum + require('node:fs').statSync(a).size; } catch { return sum; }
}, 0);
const forceChild = process.env.CLAIMSCRUB_TEST_RELAUNCH === '1'; // tests: the re-run without a 50 MB file
const jobsValue = (() => {
  const at = args.findIndex((a) => a === '--jobs' || a.startsWith('--jobs='));
  return at < 0 ? undefined : args[at].startsWith('--jobs=') ? args[at].slice('--jobs='.length) : args[at + 1];
})();
const cores = require('node:os').availableParallelism();
const everyCoreScrubs = jobsValue !== undefined && jobsValue !== '1' && (jobsValue === 'auto' ? cores > 1 : Number(jobsValue) >= cores);

if (args[0] === 'check' && !capped && !readsJson && (forceChild || inputBytes() >= 50 * 1024 * 1024)) {
  const { spawn } = require('node:child_process');
  const { EVERY_CORE_SCRUBS, HEAP_CAP } = require('./v8-flags.js');
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
