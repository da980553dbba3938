import * as fs from 'node:fs';
import type { RedisOptions } from 'ioredis';

// How every queue command reaches Redis. The URL carries host, port, database and optionally user and
// password (redis://user:pass@host:6379/0); rediss:// turns on TLS. A password on a command line shows in
// `ps`, so CLAIMSCRUB_REDIS_PASSWORD (environment) takes precedence over the URL's; --tls-ca names a
// private CA's certificate for rediss://. Nothing here prints the password: see redactedUrl.

export interface RedisSettings {
  readonly url: string;
  /** PEM file of the CA that signed the server's certificate (rediss:// only). */
  readonly tlsCa?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export class RedisUrlError extends Error {}

export function redisOptions(settings: RedisSettings): RedisOptions {
  let url: URL;
  try {
    url = new URL(settings.url);
  } catch {
    throw new RedisUrlError(`--redis must be a URL such as redis://127.0.0.1:6379 or rediss://user@host:6380/0 (got "${redactedUrl(settings.url)}")`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new RedisUrlError(`--redis must start with redis:// or rediss:// (got "${url.protocol}")`);
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new RedisUrlError(`--redis: the path must be a database number (got "/${db}")`);
  const password = settings.env?.CLAIMSCRUB_REDIS_PASSWORD ?? (url.password ? decodeURIComponent(url.password) : undefined);
  if (settings.tlsCa !== undefined && url.protocol !== 'rediss:') throw new RedisUrlError('--tls-ca needs a rediss:// URL');
  return {
    host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(password ? { password } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: { servername: url.hostname, ...(settings.tlsCa ? { ca: fs.readFileSync(settings.tlsCa) } : {}) } } : {}),
    // BullMQ's workers block on Redis; it requires commands to wait for a reconnect rather than fail.
    maxRetriesPerRequest: null,
  };
}

/** The URL with its password replaced, for messages and logs. */
export function redactedUrl(text: string): string {
  return text.replace(/^(rediss?:\/\/[^:@/]*):[^@/]*@/, '$1:***@');
}
