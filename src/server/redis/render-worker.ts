/**
 * Composition root of `fluvie-render worker`: opens the configured storage and the Redis backend,
 * then runs render jobs from the shared queue. Renders use the local engines, files go to the
 * configured storage, and status, progress and webhooks follow the job as in a single server.
 */
import path from 'node:path';
import type { ServerConfig } from '../../config/server-config.js';
import { deriveSigningKey } from '../auth/signed-token.js';
import { systemClock, type Clock } from '../clock.js';
import { buildJobJson } from '../http/job-response.js';
import type { JobRecord } from '../jobs/job-record.js';
import type { Logger } from '../logger.js';
import type { RenderFunction } from '../queue/render-job.js';
import { openConfiguredStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/storage.js';
import { openWebhookNotifier } from '../webhooks/open-webhook-notifier.js';
import type { WebhookSenderOptions } from '../webhooks/webhook-sender.js';
import { CHUNK_QUEUE_NAME, ChunkFlows } from './chunks/chunk-flow.js';
import { createChunkProcessor } from './chunks/chunk-processor.js';
import { ChunkStore } from './chunks/chunk-store.js';
import { createChunkedRender } from './chunks/chunked-render.js';
import { openRedisBackend, throttledErrorLog, type RedisBackend, type RedisTarget } from './redis-backend.js';
import { connectRedis } from './redis-connection.js';
import { BullmqQueue } from '../queue/bullmq-queue.js';
import { FluvieError } from '../../core/errors.js';

/** Delay before the first retry of a failed chunk run, in milliseconds. BullMQ doubles it with each retry. */
const CHUNK_RETRY_DELAY_MS = 1_000;

export interface StartRenderWorkerOptions {
  config: ServerConfig;
  logger: Logger;
  /** Environment handed to the render core. */
  renderEnv: Readonly<Record<string, string | undefined>>;
  render: RenderFunction;
  /** Jobs this process renders at once. */
  concurrency: number;
  clock?: Clock;
  /** Minimum time between progress writes of one job in milliseconds (default 250). */
  progressIntervalMs?: number;
  webhookRetry?: Pick<WebhookSenderOptions, 'attempts' | 'baseDelayMs' | 'timeoutMs'>;
}

export interface RunningWorker {
  backend: RedisBackend;
  storage: Storage;
  /** Stops taking jobs, lets running renders finish for SHUTDOWN_GRACE, then hands them back. Idempotent. */
  close(): Promise<void>;
}

export async function startRenderWorker(options: StartRenderWorkerOptions): Promise<RunningWorker> {
  const { config, logger } = options;
  const redis = config.queue;
  if (redis.redisUrl === null) {
    throw new FluvieError('config_invalid', 'REDIS_URL is missing; a worker takes its jobs from Redis, so set REDIS_URL=redis://host:6379.');
  }
  const clock = options.clock ?? systemClock;
  const { storage, close: closeStorage } = await openConfiguredStorage(config, { clock });
  const webhooks = await openWebhookNotifier({
    logger,
    defaultSecret: config.webhookSecret,
    sender: { allowPrivate: config.webhookAllowPrivate, ...options.webhookRetry },
    redis: { url: redis.redisUrl, prefix: redis.prefix, onConnectionError: throttledErrorLog(logger) },
    buildJobJson: (job) =>
      buildJobJson(job, {
        storage,
        publicBaseUrl: config.publicBaseUrl ?? `http://localhost:${config.port}/`,
        signingKey: deriveSigningKey(config.downloadSigningKey, config.apiToken ?? ''),
      }),
  });
  const onFinished = (job: JobRecord): void => webhooks.notify(job);
  const target = { ...redis, redisUrl: redis.redisUrl };
  const workRoot = path.join(config.localStorageDir, '.work');
  const chunking = redis.chunkFrames === 0
    ? null
    : await openChunkWorker({ target, logger, storage, workRoot, concurrency: options.concurrency, timeoutMs: config.renderTimeoutMs, renderEnv: options.renderEnv, ffmpegPath: config.ffmpegPath });
  const render = chunking === null
    ? options.render
    : createChunkedRender({
      base: options.render, chunkFrames: redis.chunkFrames, flows: chunking.flows, chunks: chunking.chunks, storage,
      attempts: redis.attempts, retryDelayMs: CHUNK_RETRY_DELAY_MS,
    });

  const backend = await openRedisBackend({
    target, logger, concurrency: options.concurrency, timeoutMs: config.renderTimeoutMs,
    createRender: (jobs) => ({
      jobs, storage, render, clock, logger, onFinished, workRoot,
      renderEnv: options.renderEnv, ffmpegPath: config.ffmpegPath, renderProject: config.renderProject, allowNetworkMedia: config.allowNetworkMedia,
      mediaDir: config.mediaDir,
      ...(options.progressIntervalMs === undefined ? {} : { progressIntervalMs: options.progressIntervalMs }),
    }),
  }).catch(async (error: unknown) => {
    await chunking?.close(0);
    await webhooks.close();
    closeStorage();
    throw error;
  });
  logger.info({ concurrency: options.concurrency, attempts: redis.attempts, storage: storage.backend }, 'worker waiting for render jobs');

  let closing: Promise<void> | null = null;
  return {
    backend,
    storage,
    close() {
      closing ??= (async () => {
        logger.info({ graceMs: config.shutdownGraceMs }, 'worker shutting down');
        // Both at once: a render waiting for its chunks needs the chunk workers until it ends.
        await Promise.all([backend.close(config.shutdownGraceMs), chunking?.close(config.shutdownGraceMs)]);
        await webhooks.close();
        closeStorage();
        logger.info('worker closed');
      })();
      return closing;
    },
  };
}

interface ChunkWorkerOptions {
  target: RedisTarget;
  logger: Logger;
  storage: Storage;
  workRoot: string;
  concurrency: number;
  timeoutMs: number;
  renderEnv: Readonly<Record<string, string | undefined>>;
  ffmpegPath: string | null;
}

/**
 * Opens the chunk queue with a worker of its own slots, so a render waiting for its chunks does not
 * block them. Failed chunk and join runs go back to BullMQ, which retries them per job.
 */
async function openChunkWorker(options: ChunkWorkerOptions): Promise<{ flows: ChunkFlows; chunks: ChunkStore; close(graceMs: number): Promise<void> }> {
  const { target, logger } = options;
  const client = await connectRedis(target.redisUrl);
  const chunks = new ChunkStore(client, `${target.prefix}:`);
  const flows = new ChunkFlows(client, target.prefix);
  try {
    const queue = await BullmqQueue.open({
      redisUrl: target.redisUrl, name: CHUNK_QUEUE_NAME, prefix: target.prefix,
      processor: createChunkProcessor({ chunks, storage: options.storage, logger, workRoot: path.join(options.workRoot, 'chunks'), renderEnv: options.renderEnv, ffmpegPath: options.ffmpegPath }),
      concurrency: options.concurrency, timeoutMs: options.timeoutMs, attempts: target.attempts,
      lockDurationMs: target.lockDurationMs, stalledIntervalMs: target.stalledIntervalMs,
      retryFailedRuns: true,
      onRunFailed: (chunkId, error, run) => {
        if (run.willRetry) logger.warn({ chunkId, attemptsMade: run.attemptsMade, err: error }, 'chunk job run failed; BullMQ retries it after its backoff');
        else logger.warn({ chunkId, attemptsMade: run.attemptsMade, err: error }, 'chunk job failed after its last attempt');
      },
    });
    return {
      flows,
      chunks,
      close: (graceMs) => queue.close(graceMs).finally(async () => {
        await flows.close();
        client.disconnect();
      }),
    };
  } catch (error: unknown) {
    await flows.close().catch(() => undefined);
    client.disconnect();
    throw error;
  }
}
