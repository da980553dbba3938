'use strict';
// The V8 flags of the launcher's re-run (bin/claimscrub.js), here so the bench runs its ceiling with the same ones.
//
// The young generation at 8 MB semi-spaces instead of 16: 18 MB less RSS at the same speed (measured on
// 200,000 claims to HTML); the old-space cap bounds what the batch may retain.
const HEAP_CAP = ['--max-old-space-size=192', '--max-semi-space-size=8'];

// `--jobs` with a worker on every core: V8's helper threads (parallel garbage collection, concurrent
// compilation) can then only take cores from the workers, and each worker's helpers take them from the
// other. Run single-threaded, each thread collects and compiles for itself: `--jobs 2` on 2 cores, 200,000
// claims, 9.2-9.3 s instead of 10.9-11.0 s, less CPU and memory. (`--jobs 1` keeps the helpers: they use
// the idle cores, and it is ~7 % slower without them.) Each worker then pays its own optimizing compiles
// on its own core: with a third of V8's inlining budget they cost less and the code runs as fast, 9.2-9.4 s
// against 9.6-10.4 s in four alternating pairs (no change for `--jobs 1`). And 4 MB semi-spaces: every
// thread has its own young generation, and at 4 MB `--jobs 2` ran as fast with 38 MB less (246 vs 284 MB).
const EVERY_CORE_SCRUBS = ['--max-old-space-size=192', '--max-semi-space-size=4', '--single-threaded', '--max-inlined-bytecode-size-cumulative=300'];

module.exports = { HEAP_CAP, EVERY_CORE_SCRUBS };
