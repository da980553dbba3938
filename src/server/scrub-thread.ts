import { parentPort, workerData } from 'node:worker_threads';
import { loadRuleSet } from '../rules/load';
import type { ScrubResult } from '../scrub/result';
import { createScrubber, type Scrubber, type ScrubberOptions } from '../scrub/scrubber';
import { scrubSafely } from './safe-scrub';

// The server's scrubbing thread: the HTTP thread only reads bodies and answers, so /healthz and new
// connections are served while a heavy request is scrubbed here. One job at a time; the HTTP thread
// ends this thread (and starts another) when a job runs past its time budget.

export interface ThreadInit { readonly rulesDir?: string; readonly options: ScrubberOptions }
export interface ThreadJob { readonly id: number; readonly options: ScrubberOptions; readonly claims: readonly unknown[] }
export type ThreadMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'fatal'; readonly message: string }
  | { readonly kind: 'results'; readonly id: number; readonly results: readonly ScrubResult[] }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('scrub-thread runs as a worker thread');
  const init = workerData as ThreadInit;
  const loaded = await loadRuleSet(init.rulesDir);
  if (loaded._tag === 'Left') {
    port.postMessage({ kind: 'fatal', message: loaded.left.map((p) => `${p.file} ${p.path}: ${p.message}`).join('; ') } satisfies ThreadMessage);
    return;
  }
  const ruleSet = loaded.right;
  // A scrubber per distinct option set (?preset=, ?asOf=), the few most recent kept.
  const scrubbers = new Map<string, Scrubber>();
  const scrubberFor = (options: ScrubberOptions): Scrubber => {
    const key = JSON.stringify(options);
    let s = scrubbers.get(key);
    if (!s) {
      s = createScrubber(ruleSet, options);
      if (scrubbers.size >= 16) scrubbers.delete(scrubbers.keys().next().value as string);
      scrubbers.set(key, s);
    }
    return s;
  };
  port.on('message', (job: ThreadJob) => {
    void (async () => {
      const scrubber = scrubberFor({ ...init.options, ...job.options });
      const results: ScrubResult[] = [];
      for (const [i, claim] of job.claims.entries()) results.push(await scrubSafely(scrubber, claim, i + 1));
      port.postMessage({ kind: 'results', id: job.id, results } satisfies ThreadMessage);
    })().catch((error: unknown) => port.postMessage({ kind: 'failed', id: job.id, message: error instanceof Error ? error.message : String(error) } satisfies ThreadMessage));
  });
  port.postMessage({ kind: 'ready' } satisfies ThreadMessage);
}

void main();
