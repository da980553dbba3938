// The HTTP endpoint's bounds, apart from the server so that the CLI's help can name them without loading it.

export interface ServerLimits {
  /** Largest request body in bytes; larger → 413 (from Content-Length before reading, or while reading). */
  readonly maxBodyBytes: number;
  /** Most claims in one POST /v1/scrub array; more → 413. */
  readonly maxClaims: number;
  /** Time from the request's first byte to the response, headers and body included; over it → 408/503. */
  readonly requestTimeoutMs: number;
  /** On close(): how long in-flight requests may finish before their connections are cut. */
  readonly shutdownGraceMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = { maxBodyBytes: 4 * 1024 * 1024, maxClaims: 1000, requestTimeoutMs: 10_000, shutdownGraceMs: 10_000 };
