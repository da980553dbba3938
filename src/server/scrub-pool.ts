import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScrubResult } from '../scrub/result';
import type { ScrubberOptions } from '../scrub/scrubber';
import type { ThreadInit, ThreadJob, ThreadMessage } from './scrub-thread';

// Scrubbing threads for the server (issue 14): requests wait their turn in this thread's queue, each
// thread runs one job at a time, and a job past its time budget ends its thread (a fresh one replaces
// it), so no claim can hold the server. The HTTP thread stays free for /healthz and new requests.

export class TimeBudgetExceeded extends Error {}
/** The scrubbing thread stopped or could not start: the request can be retried. */
export class ThreadUnavailable extends Error {}

export interface ScrubPool {
  /** Resolves when every thread has loaded its rule set (rejects when one cannot). */
  readonly ready: Promise<void>;
  scrub(claims: readonly unknown[], options: ScrubberOptions, budgetMs: number): Promise<readonly ScrubResult[]>;
  close(): Promise<void>;
}

interface Pending {
  readonly job: ThreadJob; readonly budgetMs: number;
  readonly resolve: (r: readonly ScrubResult[]) => void; readonly reject: (e: Error) => void;
}

export function createScrubPool(init: ThreadInit, threads = 1): ScrubPool {
  const ext = path.extname(__filename);
  const file = path.join(__dirname, `scrub-thread${ext}`);
  const queue: Pending[] = [];
  let nextId = 0;
  let closed = false;

  interface Slot { worker: Worker; ready: boolean; current?: Pending; timer?: NodeJS.Timeout }
  const slots: Slot[] = [];
  let markReady: () => void = () => {};
  let markFailed: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => { markReady = resolve; markFailed = reject; });
  ready.catch(() => {}); // a caller that never awaits it does not get an unhandled rejection

  function start(slot?: Slot): Slot {
    const worker = new Worker(file, { workerData: init, ...(ext === '.ts' ? { execArgv: ['--require', 'ts-node/register/transpile-only'] } : {}) });
    const s: Slot = slot ?? { worker, ready: false };
    s.worker = worker;
    s.ready = false;
    worker.on('message', (m: ThreadMessage) => {
      if (m.kind === 'ready') { s.ready = true; if (slots.every((x) => x.ready)) markReady(); pump(); return; }
      const current = s.current;
      if (m.kind === 'fatal') {
        markFailed(new Error(m.message));
        for (const p of queue.splice(0)) p.reject(new Error(m.message));
        current?.reject(new Error(m.message));
        return;
      }
      if (!current || current.job.id !== m.id) return;
      clearTimeout(s.timer);
      s.current = undefined;
      if (m.kind === 'results') current.resolve(m.results); else current.reject(new Error(m.message));
      pump();
    });
    worker.on('error', (error) => { const c = s.current; s.current = undefined; c?.reject(new ThreadUnavailable(error.message)); });
    worker.on('exit', () => {
      if (closed) return;
      const c = s.current;
      s.current = undefined;
      c?.reject(new ThreadUnavailable('the scrubbing thread stopped'));
      if (s.worker === worker) start(s); // a thread that died is replaced
    });
    return s;
  }
  for (let i = 0; i < Math.max(1, threads); i++) slots.push(start());

  function pump(): void {
    for (const slot of slots) {
      if (!slot.ready || slot.current || queue.length === 0) continue;
      const p = queue.shift()!;
      slot.current = p;
      slot.timer = setTimeout(() => {
        if (slot.current !== p) return;
        slot.current = undefined;
        slot.ready = false; // no job goes to the thread being ended; its replacement says when it is ready
        p.reject(new TimeBudgetExceeded(`the claims were not scrubbed within the time budget of ${p.budgetMs} ms`));
        void slot.worker.terminate(); // 'exit' starts a fresh thread
      }, p.budgetMs);
      slot.worker.postMessage(p.job);
    }
  }

  return {
    ready,
    scrub(claims, options, budgetMs) {
      if (closed) return Promise.reject(new Error('the server is shutting down'));
      return new Promise((resolve, reject) => {
        queue.push({ job: { id: nextId++, options, claims }, budgetMs, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const p of queue.splice(0)) p.reject(new Error('the server is shutting down'));
      await Promise.all(slots.map((s) => { clearTimeout(s.timer); return s.worker.terminate(); }));
    },
  };
}
