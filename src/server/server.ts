/**
 * Composition root of `fluvie-render serve`: builds the stores, queue and app from a
 * {@link ServerConfig}, reconciles jobs left by a previous process, listens, and shuts down in order.
 * With QUEUE_BACKEND=redis the job store and queue live in Redis and are shared with other replicas
 * and `fluvie-render worker` processes; this process then renders only with `workers` > 0.
 */
import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { ServerConfig } from '../config/server-config.js';
import { FluvieError } from '../core/errors.js';
import { resolveFfmpeg } from '../core/encode/resolve-ffmpeg.js';
import { createApp } from './app.js';
import { deriveSigningKey } from './auth/signed-token.js';
import { systemClock, type Clock } from './clock.js';
import { FileLinkCache, invalidateOnDelete } from './http/file-link-cache.js';
import { buildJobJson } from './http/job-response.js';
import { FileJobStore } from './jobs/file-job-store.js';
import type { JobRecord } from './jobs/job-record.js';
import type { JobStore } from './jobs/job-store.js';
import { reconcileJobs } from './jobs/reconcile-jobs.js';
import type { Logger } from './logger.js';
import { createServerMetrics } from './metrics/server-metrics.js';
import { InProcessQueue } from './queue/in-process-queue.js';
import type { Queue } from './queue/queue.js';
import { createRenderJobProcessor, type RenderFunction } from './queue/render-job.js';
import { JobEventHub } from './routes/events-hub.js';
import { observeJobStore } from './routes/events-job-store.js';
import { startRetentionTimer } from './retention/retention-timer.js';
import { openRedisJobStore, openSharedQueue, throttledErrorLog, type RedisJobStoreHandle } from './redis/redis-backend.js';
import { RedisRateLimiter } from './redis/redis-rate-limiter.js';
import type { SpecTools } from './spec-tools.js';
import { openConfiguredStorage } from './storage/open-storage.js';
import type { Storage } from './storage/storage.js';
import { openWebhookNotifier } from './webhooks/open-webhook-notifier.js';
import type { WebhookSenderOptions } from './webhooks/webhook-sender.js';

export interface StartServerOptions {
  config: ServerConfig;
  logger: Logger;
  /** Environment handed to the render core. */
  renderEnv: Readonly<Record<string, string | undefined>>;
  render: RenderFunction;
  specTools: SpecTools;
  clock?: Clock;
  /** Minimum time between progress writes of one job in milliseconds (default 250). */
  progressIntervalMs?: number;
  /** Retry settings of webhook deliveries (tests shorten the backoff). */
  webhookRetry?: Pick<WebhookSenderOptions, 'attempts' | 'baseDelayMs' | 'timeoutMs'>;
  /** Called with every job that reaches a terminal state. */
  onJobFinished?: (job: JobRecord) => void;
  /** Resolves when ffmpeg can run (readiness); default: resolve and probe it. */
  checkFfmpeg?: () => Promise<void>;
  /** Render jobs this process runs at once with QUEUE_BACKEND=redis (`serve --workers`; default 0, API only). */
  workers?: number;
}

export interface RunningServer {
  /** The bound port (useful with PORT=0). */
  port: number;
  jobs: JobStore;
  storage: Storage;
  queue: Queue;
  /** Stops taking jobs, waits up to SHUTDOWN_GRACE for running renders, cancels the rest, and closes. Idempotent. */
  close(): Promise<void>;
}

/**
 * How long a status poll may reuse the download links of a succeeded job without a storage lookup,
 * in milliseconds, and how many jobs' links are kept (see file-link-cache.ts).
 */
const FILE_LINK_CACHE_MS = 5_000;
const FILE_LINK_CACHE_ENTRIES = 10_000;

/** Poll interval of render event streams over a job store shared with other processes; progress is stored at most 4 times a second. */
const SHARED_STORE_POLL_MS = 250;

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  // Job records stay in LOCAL_STORAGE_DIR/.jobs for every storage backend.
  const opened = await openConfiguredStorage(config, { clock });
  const fileLinkCache = new FileLinkCache({ maxAgeMs: FILE_LINK_CACHE_MS, maxEntries: FILE_LINK_CACHE_ENTRIES });
  const storage = invalidateOnDelete(opened.storage, fileLinkCache);
  const closeStorage = opened.close;
  const redisTarget = config.queue.queueBackend === 'redis' && config.queue.redisUrl !== null ? { ...config.queue, redisUrl: config.queue.redisUrl } : null;
  // Every change of a job record wakes the render event streams of that job. Records written by
  // other processes do not pass through the hub, so with Redis the hub also polls.
  const jobEvents = new JobEventHub(redisTarget === null ? {} : { pollMs: SHARED_STORE_POLL_MS });
  const redisStore: RedisJobStoreHandle | null = redisTarget === null ? null : await openRedisJobStore(redisTarget, logger).catch((error: unknown) => {
    closeStorage();
    throw error;
  });
  const jobs: JobStore = redisStore?.jobs ?? observeJobStore(new FileJobStore(path.join(config.localStorageDir, '.jobs')), jobEvents);
  const workRoot = path.join(config.localStorageDir, '.work');

  // The app is built once the port is known, so default download links name the bound port.
  let handle: (request: Request) => Response | Promise<Response> = () => new Response(null, { status: 503 });
  const server = await listen((request) => handle(request), config);
  const port = (server.address() as AddressInfo).port;
  const appConfig = { ...config, port };

  // With Redis, deliveries are a BullMQ queue shared with the other replicas and workers.
  const webhooks = await openWebhookNotifier({
    logger,
    defaultSecret: config.webhookSecret,
    sender: { allowPrivate: config.webhookAllowPrivate, ...options.webhookRetry },
    redis: redisTarget === null ? null : { url: redisTarget.redisUrl, prefix: redisTarget.prefix, onConnectionError: throttledErrorLog(logger) },
    buildJobJson: (job) =>
      buildJobJson(job, { storage, publicBaseUrl: appConfig.publicBaseUrl ?? `http://localhost:${port}/`, signingKey: deriveSigningKey(config.downloadSigningKey, config.apiToken ?? '') }),
  });
  // The queue is created below; the metrics read it only when scraped.
  let queueRef: Queue | null = null;
  const metrics = createServerMetrics({ jobs, queueStats: () => queueRef?.stats() ?? { queued: 0, running: 0 } });
  const onFinished = (job: JobRecord): void => {
    metrics.observeJobFinished(job);
    webhooks.notify(job);
    options.onJobFinished?.(job);
  };

  // Shared jobs marked running may be rendering on another worker right now; BullMQ's stalled check
  // takes care of those of stopped workers, so only the single-process mode reconciles.
  const reconciled = redisStore === null ? await reconcileJobs(jobs, clock) : { failed: [], requeue: [] };
  // No render runs yet, so every work folder is a leftover of the previous process.
  if (redisStore === null) await rm(workRoot, { recursive: true, force: true });
  if (reconciled.failed.length > 0) logger.warn({ jobIds: reconciled.failed }, 'jobs left running by the previous process are marked failed');
  for (const id of reconciled.failed) {
    const job = await jobs.get(id);
    if (job !== null) onFinished(job);
  }

  const renderDeps = {
    jobs, storage, render: options.render, clock, logger, workRoot, onFinished,
    renderEnv: options.renderEnv, ffmpegPath: config.ffmpegPath, renderProject: config.renderProject, allowNetworkMedia: config.allowNetworkMedia,
    mediaDir: config.mediaDir,
    ...(options.progressIntervalMs === undefined ? {} : { progressIntervalMs: options.progressIntervalMs }),
  };
  const workers = options.workers ?? 0;
  const queue: Queue = redisTarget === null
    ? new InProcessQueue({
      concurrency: config.renderConcurrency,
      timeoutMs: config.renderTimeoutMs,
      processor: createRenderJobProcessor(renderDeps),
      onProcessorError: (jobId, error) => logger.error({ jobId, err: error }, 'render job processor failed'),
    })
    : await openSharedQueue({ target: redisTarget, logger, render: workers > 0 ? renderDeps : null, concurrency: workers, timeoutMs: config.renderTimeoutMs });
  queueRef = queue;
  for (const id of reconciled.requeue) await queue.enqueue(id);
  if (reconciled.requeue.length > 0) logger.info({ count: reconciled.requeue.length }, 'queued jobs of the previous process queued again');

  const app = createApp(
    {
      config: appConfig, logger, jobs, queue, storage, clock, specTools: options.specTools, metrics,
      jobEvents, fileLinkCache,
      ...(redisStore === null ? {} : { checkQueue: redisStore.checkReady, sharedRateLimiter: new RedisRateLimiter(redisStore.client, `${config.queue.prefix}:`, aiRateLimits(config)) }),
      checkFfmpeg: options.checkFfmpeg ?? (async () => void (await resolveFfmpeg({ flag: config.ffmpegPath, env: options.renderEnv }))),
    },
    { onJobFinished: onFinished },
  );
  handle = app.fetch;
  const retention = startRetentionTimer({ jobs, storage, clock, logger, intervalMs: config.cleanupIntervalMs, tombstoneTtlMs: config.tombstoneTtlMs });
  logger.info({ host: config.host, port, storage: storage.backend, queue: redisStore === null ? 'memory' : 'redis', concurrency: redisStore === null ? config.renderConcurrency : workers }, 'server listening');
  if (redisStore !== null && workers === 0) logger.info('this replica renders nothing (serve --workers 0); start `fluvie-render worker` processes on the same REDIS_URL');

  let closing: Promise<void> | null = null;
  return {
    port, jobs, storage, queue,
    close() {
      closing ??= (async () => {
        logger.info({ graceMs: config.shutdownGraceMs, ...queue.stats() }, 'shutting down');
        await retention.stop();
        await queue.close(config.shutdownGraceMs);
        await webhooks.close();
        // Streams of jobs that are still queued would otherwise hold the HTTP server open.
        jobEvents.close();
        await closeHttpServer(server);
        closeStorage();
        redisStore?.close();
        logger.info('server closed');
      })();
      return closing;
    },
  };
}

function aiRateLimits(config: ServerConfig): { limit: number; windowMs: number; dailyQuota: number } {
  return { limit: config.ai.rateLimit, windowMs: config.ai.rateWindowMs, dailyQuota: config.ai.dailyQuota };
}

function listen(fetch: (request: Request) => Response | Promise<Response>, config: ServerConfig): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: config.host, port: config.port }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new FluvieError('config_invalid', `Cannot listen on ${config.host}:${config.port}: ${error.message}. Choose another PORT or HOST.`, { cause: error }));
    });
  });
}

function closeHttpServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Idle keep-alive sockets would hold close() open until the client drops them.
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  });
}
