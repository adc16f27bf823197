/**
 * The shared parts of Redis mode, opened the same way by API replicas and workers: the Redis job
 * store with a readiness check, and the BullMQ queue of render jobs (with a worker when it is given
 * the render job dependencies).
 */
import type { Redis } from 'ioredis';
import type { QueueConfig } from '../../config/server-config.js';
import { RedisJobStore } from '../jobs/redis-job-store.js';
import type { Logger } from '../logger.js';
import { BullmqQueue } from '../queue/bullmq-queue.js';
import type { RenderJobDeps } from '../queue/render-job.js';
import { connectRedis, pingRedis } from './redis-connection.js';
import { createSharedRenderProcessor } from './shared-render-processor.js';

/** Name of the BullMQ queue of render jobs. */
export const RENDER_QUEUE_NAME = 'renders';

/** The Redis settings with the URL known to be set. */
export type RedisTarget = Omit<QueueConfig, 'queueBackend' | 'redisUrl' | 'chunkFrames'> & { redisUrl: string };

export interface RedisJobStoreHandle {
  jobs: RedisJobStore;
  /** The connection of the job store, for other shared state (rate limits). */
  client: Redis;
  /** Resolves while Redis replies to PING; rejects with an `unavailable` FluvieError otherwise (readiness). */
  checkReady(): Promise<void>;
  close(): void;
}

/** Connects the job store; rejects with an `unavailable` FluvieError naming REDIS_URL when Redis does not reply. */
export async function openRedisJobStore(target: RedisTarget, logger: Logger): Promise<RedisJobStoreHandle> {
  const client: Redis = await connectRedis(target.redisUrl);
  client.on('error', throttledErrorLog(logger));
  return {
    jobs: new RedisJobStore({ client, prefix: `${target.prefix}:` }),
    client,
    checkReady: () => pingRedis(client, target.redisUrl, 1_000),
    close: () => client.disconnect(),
  };
}

export interface OpenSharedQueueOptions {
  target: RedisTarget;
  logger: Logger;
  /** Runs render jobs in this process with these dependencies, or null for an API replica without workers. */
  render: RenderJobDeps | null;
  /** Jobs this process renders at once (ignored without `render`). */
  concurrency: number;
  timeoutMs: number;
}

/** Opens the BullMQ queue; with `render`, this process also renders jobs (see shared-render-processor.ts). */
export async function openSharedQueue(options: OpenSharedQueueOptions): Promise<BullmqQueue> {
  const { target, logger } = options;
  const shared = options.render === null ? null : createSharedRenderProcessor(options.render);
  return BullmqQueue.open({
    redisUrl: target.redisUrl,
    name: RENDER_QUEUE_NAME,
    prefix: target.prefix,
    processor: shared?.processor ?? null,
    concurrency: Math.max(1, options.concurrency),
    timeoutMs: options.timeoutMs,
    attempts: target.attempts,
    lockDurationMs: target.lockDurationMs,
    stalledIntervalMs: target.stalledIntervalMs,
    onProcessorError: (jobId, error) => logger.error({ jobId, err: error }, 'render job processor failed'),
    onConnectionError: throttledErrorLog(logger),
    ...(shared === null ? {} : { onJobAbandoned: shared.abandon }),
  });
}

export interface RedisBackend {
  jobs: RedisJobStore;
  queue: BullmqQueue;
  checkReady(): Promise<void>;
  /** Closes the queue (see {@link BullmqQueue.close}) and the job store's connection. Idempotent. */
  close(graceMs: number): Promise<void>;
}

export interface OpenRedisBackendOptions extends Omit<OpenSharedQueueOptions, 'render'> {
  /** Builds the render job dependencies from the job store, or null for no worker in this process. */
  createRender: ((jobs: RedisJobStore) => RenderJobDeps) | null;
}

/** Opens the job store and the queue together (workers and tests). */
export async function openRedisBackend(options: OpenRedisBackendOptions): Promise<RedisBackend> {
  const store = await openRedisJobStore(options.target, options.logger);
  try {
    const queue = await openSharedQueue({ ...options, render: options.createRender?.(store.jobs) ?? null });
    let closing: Promise<void> | null = null;
    return {
      jobs: store.jobs,
      queue,
      checkReady: store.checkReady,
      close(graceMs) {
        closing ??= queue.close(graceMs).finally(() => store.close());
        return closing;
      },
    };
  } catch (error: unknown) {
    store.close();
    throw error;
  }
}

/** Returns a logger of Redis connection errors that writes at most one line per 10 s, since ioredis repeats them on every reconnect. */
export function throttledErrorLog(logger: Logger): (error: Error) => void {
  let lastMs = 0;
  return (error) => {
    const now = Date.now();
    if (now - lastMs < 10_000) return;
    lastMs = now;
    logger.warn({ err: error }, 'Redis connection error; reconnecting');
  };
}
