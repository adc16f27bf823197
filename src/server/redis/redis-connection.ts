/**
 * Opens ioredis connections from `REDIS_URL` with the settings BullMQ needs, checks that Redis
 * answers, and prints the URL without its password for logs and error messages.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { FluvieError } from '../../core/errors.js';

/** Time a start-up or readiness PING may take, in milliseconds. */
export const REDIS_PING_TIMEOUT_MS = 2_000;

export interface RedisConnectionOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://...`. */
  url: string;
  /** Queue commands while disconnected instead of failing them at once (default true). */
  offlineQueue?: boolean;
}

/** Opens a connection. BullMQ's blocking worker connection needs `maxRetriesPerRequest: null`. */
export function openRedis(options: RedisConnectionOptions): Redis {
  const settings: RedisOptions = {
    maxRetriesPerRequest: null,
    enableOfflineQueue: options.offlineQueue ?? true,
    // Keep reconnecting while Redis is away, with a capped backoff, so a restart of Redis heals.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    lazyConnect: false,
  };
  return new Redis(options.url, settings);
}

/** Returns `url` with any password replaced by `***`. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(unparsable REDIS_URL)';
  }
}

/**
 * Resolves when Redis replies to PING within {@link REDIS_PING_TIMEOUT_MS}. Rejects with an
 * `unavailable` FluvieError that names the URL and the fix otherwise.
 */
export async function pingRedis(client: Redis, url: string, timeoutMs = REDIS_PING_TIMEOUT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no reply within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([client.ping(), timedOut]);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FluvieError('unavailable', `Redis at ${redactRedisUrl(url)} is not reachable: ${reason}. Start Redis or fix REDIS_URL.`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Opens a connection and resolves once Redis replied to PING. Rejects with the error of
 * {@link pingRedis} and closes the connection when Redis does not reply.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const client = openRedis({ url });
  // ioredis reports each failed reconnect as an 'error' event; the last one explains a failed PING.
  let lastError: Error | null = null;
  client.on('error', (error: Error) => (lastError = error));
  try {
    await pingRedis(client, url);
    return client;
  } catch (error: unknown) {
    client.disconnect();
    const cause = lastError as Error | null;
    if (cause === null) throw error;
    throw new FluvieError('unavailable', `Redis at ${redactRedisUrl(url)} is not reachable: ${cause.message}. Start Redis or fix REDIS_URL.`, { cause });
  }
}
