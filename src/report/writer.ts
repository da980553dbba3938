/** Output queued in memory before a writer waits for the stream (a batch's results, an HTML report's rows). */
export const OUTPUT_QUEUE_BYTES = 4 * 1024 * 1024;

/** Writes a long run of results to a stream: check's output, collect's merge, a queue worker's chunk file. */
export interface QueuedWriter {
  /** Queues text (or UTF-8 bytes); returns a promise only when the caller must wait (megabytes queued), rejected by a failed write. */
  write(text: string | Uint8Array): Promise<void> | undefined;
  /** The first write error (disk full, a closed pipe), if any. */
  failed(): Error | undefined;
}

/**
 * The writer waits for the stream only when megabytes are queued, not at every full 16 KB stream buffer:
 * writing then overlaps with scrubbing instead of alternating with it (a third of a batch's time). A write
 * that fails rejects the wait and every later write, instead of an unhandled 'error' event or a wait for a
 * 'drain' that never comes.
 */
export function queuedWriter(out: NodeJS.WritableStream, queueBytes = OUTPUT_QUEUE_BYTES): QueuedWriter {
  let error: Error | undefined;
  out.on('error', (e: Error) => { error ??= e; });
  const drained = () => new Promise<void>((resolve, reject) => {
    if (error) { reject(error); return; }
    const done = (e?: Error) => { out.off('drain', done); out.off('error', done); if (e) reject(e); else resolve(); };
    out.once('drain', done);
    out.once('error', done);
  });
  return {
    write(text) {
      if (error) return Promise.reject(error);
      const accepted = text.length > 0 ? out.write(text) : true;
      const queued = (out as { writableLength?: number }).writableLength;
      return (queued === undefined ? !accepted : queued > queueBytes) ? drained() : undefined;
    },
    failed: () => error,
  };
}
