import * as fs from 'node:fs';
import * as path from 'node:path';
import { finished } from 'node:stream/promises';

// --output FILE without ever leaving a half-written report where a complete one stood: results go to a
// temporary file in the same folder (same file system, so the rename is atomic), which replaces FILE
// only when the run finished; a failure, kill or full disk removes the temporary file and FILE keeps
// its previous content.

export interface AtomicOutput {
  readonly stream: fs.WriteStream;
  /** The temporary file's path (tests check it is gone). */
  readonly temp: string;
  /** Flushes, closes and renames onto the target. */
  commit(): Promise<void>;
  /** Closes and removes the temporary file (safe to call twice, and from a signal handler). */
  abandon(): void;
}

export function openAtomicOutput(target: string): AtomicOutput {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.partial`);
  // Opened now (synchronously), so an output that cannot be written is an error before any work.
  const fd = fs.openSync(temp, 'wx', 0o644);
  const stream = fs.createWriteStream('', { fd, autoClose: true });
  let done = false;
  return {
    stream, temp,
    async commit() {
      await finished(stream.end());
      fs.renameSync(temp, target);
      done = true;
    },
    abandon() {
      if (done) return;
      done = true;
      stream.destroy();
      try { fs.unlinkSync(temp); } catch { /* already gone */ }
    },
  };
}
