import { parentPort, workerData } from 'node:worker_threads';
import type { InputItem } from '../input/types';
import { loadRuleSet } from '../rules/load';
import type { ScrubResult } from '../scrub/result';
import { createScrubber, type ScrubberOptions } from '../scrub/scrubber';

// One scrubbing thread of `check --jobs N`: loads its own rule set (an isolate shares no heap), then
// answers each batch of reader items with their results, in the batch's order.

export interface WorkerInit { readonly rulesDir?: string; readonly options: ScrubberOptions; readonly sidecars?: Readonly<Record<string, Uint8Array>> }
/** Items to scrub; `earlier[i]`: the earlier record of the whole input with item i's claim id (the reading thread keeps the batch). */
export interface WorkerBatch { readonly id: number; readonly items: readonly InputItem[]; readonly earlier: readonly (string | undefined)[] }
export type WorkerMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'fatal'; readonly message: string }
  | { readonly kind: 'results'; readonly id: number; readonly results: readonly ScrubResult[] };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('scrub-worker runs as a worker thread');
  const init = workerData as WorkerInit;
  const loaded = await loadRuleSet(init.rulesDir, init.sidecars ? { sidecarBytes: init.sidecars } : {});
  if (loaded._tag === 'Left') {
    port.postMessage({ kind: 'fatal', message: `the rule set could not be loaded: ${loaded.left.map((p) => `${p.file} ${p.path}: ${p.message}`).join('; ')}` } satisfies WorkerMessage);
    return;
  }
  const scrubber = createScrubber(loaded.right, init.options);
  port.on('message', (batch: WorkerBatch) => {
    void (async () => {
      const results: ScrubResult[] = [];
      for (const [i, item] of batch.items.entries()) {
        const earlierInBatch = batch.earlier[i];
        results.push(await scrubber.scrubItem(item, earlierInBatch ? { earlierInBatch } : {}));
      }
      port.postMessage({ kind: 'results', id: batch.id, results } satisfies WorkerMessage);
    })().catch((error: unknown) => port.postMessage({ kind: 'fatal', message: String(error) } satisfies WorkerMessage));
  });
  port.postMessage({ kind: 'ready' } satisfies WorkerMessage);
}

void main();
