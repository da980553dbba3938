// Jest testSequencer: Jest's own order (slowest first, by the last run's times; by file size on a fresh clone),
// except that the suites that start processes (the CLI's bin, npm, redis-server, threads of dist/) go first,
// and the browser suite (headless Chromium, ~0.55 GB while it runs) right after them. So Chromium does not run
// beside `npm install` (package), the CLI's --jobs workers (cli/parallel) or the queue's workers. A fresh clone
// has no times and orders by size, which put the browser suite beside package.test.ts: the run's peak
// (proportional set size of every process) was 1.59 GB there; beside in-process suites it was 1.06-1.27 GB.
// The process suites are among the slowest anyway: starting them first is what Jest does with times.
//
// Plain JavaScript, like build.js: the Jest parent process does not load the TypeScript compiler to run it.
const fs = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

const BROWSER = /[\\/]__tests__[\\/]browser[\\/]/;
/** Starts a process or a thread: spawn/execFile/fork, the bin (bin/claimscrub.js) or dist/ (the package, threads). */
const PROCESSES = /\b(spawn|spawnSync|execFile|execFileSync|fork)\(|claimscrub\.js|['"]dist['"/]/;

function startsProcesses(file) {
  try { return PROCESSES.test(fs.readFileSync(file, 'utf8')); } catch { return false; }
}

class ProcessesThenBrowser extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const browser = sorted.filter((t) => BROWSER.test(t.path));
    const processes = sorted.filter((t) => !BROWSER.test(t.path) && startsProcesses(t.path));
    const rest = sorted.filter((t) => !browser.includes(t) && !processes.includes(t));
    return [...processes, ...browser, ...rest];
  }
}

module.exports = ProcessesThenBrowser;
