/**
 * The shared parts of Redis mode, opened the same way by API replicas and workers: the Redis job
 * store, the BullMQ queue (with a worker when a processor is given) and a readiness check.
 */
import type { Redis } from 'ioredis';
import { RedisJobStore } from '../jobs/redis-job-store.js';
import { BullmqQueue } from '../queue/bullmq-queue.js';
import type { JobProcessor } from '../queue/queue.js';
import type { Logger } from '../logger.js';
import { connectRedis, pingRedis } from './redis-connection.js';

/** Name of the BullMQ queue of render jobs. */
export const RENDER_QUEUE_NAME = 'renders';

export interface OpenRedisBackendOptions {
  redisUrl: string;
  prefix: string;
  attempts: number;
  logger: Logger;
  /** Builds the processor that runs render jobs in this process from the job store, or null for an API replica without workers. */
  createProcessor: ((jobs: RedisJobStore) => JobProcessor) | null;
  concurrency: number;
  timeoutMs: number;
  /** Records a job BullMQ gave up on (see {@link BullmqQueue}). */
  onJobAbandoned?: (jobId: string, reason: string) => Promise<void>;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

export interface RedisBackend {
  jobs: RedisJobStore;
  queue: BullmqQueue;
  /** Resolves while Redis replies to PING; rejects with an `unavailable` FluvieError otherwise (readiness). */
  checkReady(): Promise<void>;
  /** Closes the queue (see {@link BullmqQueue.close}) and the job store's connection. Idempotent. */
  close(graceMs: number): Promise<void>;
}

/** Connects to Redis; rejects with an `unavailable` FluvieError naming REDIS_URL when it does not reply. */
export async function openRedisBackend(options: OpenRedisBackendOptions): Promise<RedisBackend> {
  const client: Redis = await connectRedis(options.redisUrl);
  const logConnectionError = throttledErrorLog(options.logger);
  client.on('error', logConnectionError);
  try {
    const jobs = new RedisJobStore({ client, prefix: `${options.prefix}:` });
    const queue = await BullmqQueue.open({
      redisUrl: options.redisUrl,
      name: RENDER_QUEUE_NAME,
      prefix: options.prefix,
      processor: options.createProcessor?.(jobs) ?? null,
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      attempts: options.attempts,
      onProcessorError: (jobId, error) => options.logger.error({ jobId, err: error }, 'render job processor failed'),
      onConnectionError: logConnectionError,
      ...(options.onJobAbandoned === undefined ? {} : { onJobAbandoned: options.onJobAbandoned }),
      ...(options.lockDurationMs === undefined ? {} : { lockDurationMs: options.lockDurationMs }),
      ...(options.stalledIntervalMs === undefined ? {} : { stalledIntervalMs: options.stalledIntervalMs }),
    });
    let closing: Promise<void> | null = null;
    return {
      jobs,
      queue,
      checkReady: () => pingRedis(client, options.redisUrl, 1_000),
      close(graceMs) {
        closing ??= queue.close(graceMs).finally(() => client.disconnect());
        return closing;
      },
    };
  } catch (error: unknown) {
    client.disconnect();
    throw error;
  }
}

/** Logs Redis connection errors at most once per 10 s, since ioredis repeats them on every reconnect. */
function throttledErrorLog(logger: Logger): (error: Error) => void {
  let lastMs = 0;
  return (error) => {
    const now = Date.now();
    if (now - lastMs < 10_000) return;
    lastMs = now;
    logger.warn({ err: error }, 'Redis connection error; reconnecting');
  };
}
