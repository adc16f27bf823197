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
import { createWebhookNotifier } from '../webhooks/webhook-notifier.js';
import type { WebhookSenderOptions } from '../webhooks/webhook-sender.js';
import { openRedisBackend, type RedisBackend } from './redis-backend.js';
import { FluvieError } from '../../core/errors.js';

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
  const webhooks = createWebhookNotifier({
    logger,
    defaultSecret: config.webhookSecret,
    sender: { allowPrivate: config.webhookAllowPrivate, ...options.webhookRetry },
    buildJobJson: (job) =>
      buildJobJson(job, {
        storage,
        publicBaseUrl: config.publicBaseUrl ?? `http://localhost:${config.port}/`,
        signingKey: deriveSigningKey(config.downloadSigningKey, config.apiToken ?? ''),
      }),
  });
  const onFinished = (job: JobRecord): void => webhooks.notify(job);

  const backend = await openRedisBackend({
    target: { ...redis, redisUrl: redis.redisUrl }, logger, concurrency: options.concurrency, timeoutMs: config.renderTimeoutMs,
    createRender: (jobs) => ({
      jobs, storage, render: options.render, clock, logger, onFinished,
      workRoot: path.join(config.localStorageDir, '.work'),
      renderEnv: options.renderEnv, ffmpegPath: config.ffmpegPath, renderProject: config.renderProject,
      ...(options.progressIntervalMs === undefined ? {} : { progressIntervalMs: options.progressIntervalMs }),
    }),
  }).catch((error: unknown) => {
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
        await backend.close(config.shutdownGraceMs);
        await webhooks.close();
        closeStorage();
        logger.info('worker closed');
      })();
      return closing;
    },
  };
}
