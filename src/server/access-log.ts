// Structured logs of the HTTP server. Claims carry PHI (names of conditions, dates, chart text), so an
// entry holds only what describes the exchange — never a claim, a code, a claim id or a query string.

export interface AccessLogEntry {
  readonly time: string;
  readonly level: 'info' | 'warn' | 'error';
  readonly msg: 'request';
  readonly method: string;
  /** The path without its query string, cut to 120 characters. */
  readonly path: string;
  /** 0 when the client went away before a response was sent. */
  readonly status: number;
  readonly ms: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  /** Claims in the body (POST /v1/scrub), and how many of them were rejected. */
  readonly claims: number;
  readonly rejected: number;
  /** X-Request-Id of the exchange (the client's, or the one the server made and sent back). */
  readonly requestId?: string;
  /** Why a request ended without a normal response: "timeout", "aborted", "too-large", "bad-request", an error's name. */
  readonly reason?: string;
}

export interface EventLogEntry {
  readonly time: string;
  readonly level: 'info' | 'warn' | 'error';
  readonly msg: string;
  readonly [field: string]: string | number | boolean | undefined;
}

export type LogEntry = AccessLogEntry | EventLogEntry;

/** Where the server sends its log entries; the library default is nowhere (no I/O unless asked). */
export type Logger = (entry: LogEntry) => void;

/** One JSON object per line on a stream (the CLI passes standard error). */
export function jsonLineLogger(stream: NodeJS.WritableStream): Logger {
  return (entry) => { stream.write(`${JSON.stringify(entry)}\n`); };
}

export const logPath = (url: string): string => {
  const path = url.split('?')[0];
  return path.length > 120 ? `${path.slice(0, 117)}...` : path;
};
