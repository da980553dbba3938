import { parentPort, workerData } from 'node:worker_threads';
import type { InputItem } from '../input/types';
import type { ChunkInput } from '../queue/read-chunk';
import { loadRuleSet } from '../rules/load';
import type { ScrubResult } from '../scrub/result';
import { createScrubber, type ScrubberOptions } from '../scrub/scrubber';
import { type ChunkOutput, chunkResults, type ChunkResults } from './chunk-results';

// One scrubbing thread of `check --jobs N`: loads its own rule set (an isolate shares no heap), then
// answers each task in turn: items the output thread read (their results), or a chunk of a file it reads,
// scrubs and formats itself (see chunk-results.ts).

export interface WorkerInit { readonly rulesDir?: string; readonly options: ScrubberOptions; readonly sidecars?: Readonly<Record<string, Uint8Array>> }
/** `earlier[i]`: the earlier record of the whole input with item i's claim id (the reading thread keeps the batch). */
export interface ItemsTask { readonly kind: 'items'; readonly items: readonly InputItem[]; readonly earlier: readonly (string | undefined)[] }
export interface ChunkTask { readonly kind: 'chunk'; readonly chunk: ChunkInput; readonly output: ChunkOutput }
export type WorkerTask = ItemsTask | ChunkTask;
export type TaskDone = readonly ScrubResult[] | ChunkResults;
export type WorkerMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'fatal'; readonly message: string }
  | { readonly kind: 'done'; readonly id: number; readonly done: TaskDone };

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
  const perform = async (task: WorkerTask): Promise<TaskDone> => {
    if (task.kind === 'chunk') return chunkResults(task.chunk, scrubber, task.output);
    const results: ScrubResult[] = [];
    for (const [i, item] of task.items.entries()) {
      const earlierInBatch = task.earlier[i];
      results.push(await scrubber.scrubItem(item, earlierInBatch ? { earlierInBatch } : {}));
    }
    return results;
  };
  // One task at a time, in the order they came: tasks done side by side kept several chunks' results
  // alive at once, so more of them outlived the young generation.
  let queue = Promise.resolve();
  port.on('message', ({ id, task }: { id: number; task: WorkerTask }) => {
    queue = queue.then(() => perform(task))
      // A chunk's text is handed over, not copied (its buffer is its own).
      .then((done) => port.postMessage({ kind: 'done', id, done } satisfies WorkerMessage, 'text' in done && done.text ? [done.text.buffer as ArrayBuffer] : []))
      .catch((error: unknown) => port.postMessage({ kind: 'fatal', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage));
  });
  port.postMessage({ kind: 'ready' } satisfies WorkerMessage);
}

void main();
