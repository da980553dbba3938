import type { Chunks } from '../input/types';

/** bar: redrawn in place on a terminal; lines: a plain line every few seconds (logs); off: nothing. */
export type ProgressMode = 'bar' | 'lines' | 'off';

/** DESIGN §2.3: a bar on a TTY, periodic lines with --progress elsewhere, nothing with --quiet. */
export function progressMode(flags: { quiet?: boolean; progress?: boolean; isTTY: boolean }): ProgressMode {
  if (flags.quiet) return 'off';
  if (flags.isTTY) return 'bar';
  return flags.progress ? 'lines' : 'off';
}

export interface ProgressOptions {
  readonly stream: NodeJS.WritableStream;
  readonly mode: ProgressMode;
  /** Bytes of all inputs when known (files); unknown for standard input, so no percentage or ETA. */
  readonly totalBytes?: number;
  /** Milliseconds; injected by tests. */
  readonly now?: () => number;
  /** Milliseconds between redraws: default 200 for the bar, 5,000 for lines. */
  readonly intervalMs?: number;
  /** Width of the bar in characters. */
  readonly barWidth?: number;
}

export interface Progress {
  /** Records done so far and bytes read so far; cheap enough to call for every record. */
  update(records: number, bytes: number): void;
  /** Clears the bar (the summary follows on a clean line), or prints a last line. */
  done(): void;
}

const num = (n: number): string => Math.round(n).toLocaleString('en-US');

const clock = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
};

export function createProgress(options: ProgressOptions): Progress {
  const { stream, mode, totalBytes } = options;
  if (mode === 'off') return { update: () => undefined, done: () => undefined };
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? (mode === 'bar' ? 200 : 5000);
  const width = options.barWidth ?? 24;
  const start = now();
  let last = start;
  let records = 0;
  let bytes = 0;
  let drawn = false;

  const figures = () => {
    const seconds = Math.max(1e-3, (now() - start) / 1000);
    const rate = records / seconds;
    const fraction = totalBytes ? Math.min(1, bytes / totalBytes) : undefined;
    // ETA from bytes, not records: the record count of a file is not known until it is read.
    const eta = fraction !== undefined && fraction > 0 ? (seconds * (1 - fraction)) / fraction : undefined;
    return { seconds, rate, fraction, eta };
  };

  const render = () => {
    const { seconds, rate, fraction, eta } = figures();
    if (mode === 'bar') {
      const filled = fraction === undefined ? 0 : Math.round(fraction * width);
      const bar = fraction === undefined ? '' : `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% `;
      const tail = eta === undefined ? `elapsed ${clock(seconds)}` : `ETA ${clock(eta)}`;
      stream.write(`\r\u001b[K${bar}${num(records)} records  ${num(rate)} claims/s  ${tail}`);
      drawn = true;
    } else {
      const part = fraction === undefined ? '' : `, ${Math.floor(fraction * 100)}% read, ETA ${clock(eta ?? 0)}`;
      stream.write(`claimscrub: ${num(records)} records, ${num(rate)} claims/s, elapsed ${clock(seconds)}${part}\n`);
    }
  };

  return {
    update(r, b) {
      records = r;
      bytes = b;
      const t = now();
      if (t - last < interval) return;
      last = t;
      render();
    },
    done() {
      if (mode === 'bar') { if (drawn) stream.write('\r\u001b[K'); return; }
      const { seconds, rate } = figures();
      stream.write(`claimscrub: ${num(records)} records in ${clock(seconds)}, ${num(rate)} claims/s\n`);
    },
  };
}

/** Passes chunks through, reporting each one's size in bytes: the progress bar's ETA rests on it. */
export async function* countBytes(chunks: Chunks, onBytes: (n: number) => void): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of chunks) {
    onBytes(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength);
    yield chunk;
  }
}
