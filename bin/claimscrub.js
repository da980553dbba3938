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
const HEAP_CAP = '--max-old-space-size=192';
const args = process.argv.slice(2);
const capped = process.execArgv.some((a) => a.startsWith('--max-old-space-size'))
  || /--max-old-space-size/.test(process.env.NODE_OPTIONS || '');
const readsJson = args.some((a, i) => /\.json$/i.test(a) || a === '--input-format=json' || (a === '--input-format' && args[i + 1] === 'json'));
const inputBytes = () => args.slice(1).reduce((sum, a) => {
  try { return sum + require('node:fs').statSync(a).size; } catch { return sum; }
}, 0);

if (args[0] === 'check' && !capped && !readsJson && inputBytes() >= 50 * 1024 * 1024) {
  const { spawnSync } = require('node:child_process');
  const child = spawnSync(process.execPath, [HEAP_CAP, ...process.execArgv, __filename, ...args], { stdio: 'inherit' });
  if (child.error) { process.stderr.write(`claimscrub: ${child.error.message}\n`); process.exitCode = 2; }
  else process.exitCode = child.status ?? 2;
} else {
  require('../dist/src/cli/main.js');
}
