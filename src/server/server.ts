/**
 * Composition root of `fluvie-render serve`: builds the stores, queue and app from a
 * {@link ServerConfig}, reconciles jobs left by a previous process, listens, and shuts down in order.
 */
import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { ServerConfig } from '../config/server-config.js';
import { FluvieError } from '../core/errors.js';
import { resolveFfmpeg } from '../core/encode/resolve-ffmpeg.js';
import { createApp } from './app.js';
import { systemClock, type Clock } from './clock.js';
import { FileJobStore } from './jobs/file-job-store.js';
import type { JobRecord } from './jobs/job-record.js';
import { reconcileJobs } from './jobs/reconcile-jobs.js';
import type { Logger } from './logger.js';
import { InProcessQueue } from './queue/in-process-queue.js';
import { createRenderJobProcessor, type RenderFunction } from './queue/render-job.js';
import { startRetentionTimer } from './retention/retention-timer.js';
import type { SpecTools } from './spec-tools.js';
import { LocalStorage } from './storage/local-storage.js';

export interface StartServerOptions {
  config: ServerConfig;
  logger: Logger;
  /** Environment handed to the render core. */
  renderEnv: Readonly<Record<string, string | undefined>>;
  render: RenderFunction;
  specTools: SpecTools;
  clock?: Clock;
}

export interface RunningServer {
  /** The bound port (useful with PORT=0). */
  port: number;
  url: string;
  /** Stops taking jobs, waits up to SHUTDOWN_GRACE for running renders, cancels the rest, and closes. Idempotent. */
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  if (config.storageBackend === 's3') {
    throw new FluvieError('config_invalid', 'STORAGE_BACKEND=s3 is not built into this version of fluvie-render; set STORAGE_BACKEND=local (files go to LOCAL_STORAGE_DIR).');
  }

  const storage = new LocalStorage(config.localStorageDir);
  await storage.checkReady().catch((error: unknown) => {
    throw new FluvieError('config_invalid', `LOCAL_STORAGE_DIR=${config.localStorageDir} cannot be written: ${String(error)}. Create it or point LOCAL_STORAGE_DIR at a writable folder.`, { cause: error });
  });
  const jobs = new FileJobStore(path.join(config.localStorageDir, '.jobs'));
  const workRoot = path.join(config.localStorageDir, '.work');
  const onFinished = (job: JobRecord): void => logger.debug({ jobId: job.id, status: job.status }, 'job finished');

  const reconciled = await reconcileJobs(jobs, clock);
  // No render runs yet, so every work folder is a leftover of the previous process.
  await rm(workRoot, { recursive: true, force: true });
  if (reconciled.failed.length > 0) logger.warn({ jobIds: reconciled.failed }, 'jobs left running by the previous process are marked failed');

  const queue = new InProcessQueue({
    concurrency: config.renderConcurrency,
    timeoutMs: config.renderTimeoutMs,
    processor: createRenderJobProcessor({
      jobs, storage, render: options.render, clock, logger, workRoot,
      renderEnv: options.renderEnv, ffmpegPath: config.ffmpegPath, renderProject: config.renderProject, onFinished,
    }),
    onProcessorError: (jobId, error) => logger.error({ jobId, err: error }, 'render job processor failed'),
  });
  for (const id of reconciled.requeue) await queue.enqueue(id);
  if (reconciled.requeue.length > 0) logger.info({ count: reconciled.requeue.length }, 'queued jobs of the previous process queued again');

  const retention = startRetentionTimer({ jobs, storage, clock, logger, intervalMs: config.cleanupIntervalMs });
  // The app is built once the port is known, so default download links name the bound port.
  let handle: (request: Request) => Response | Promise<Response> = () => new Response(null, { status: 503 });
  const server = await listen((request) => handle(request), config);
  const port = (server.address() as AddressInfo).port;
  const app = createApp(
    {
      config: { ...config, port }, logger, jobs, queue, storage, clock, specTools: options.specTools,
      checkFfmpeg: async () => void (await resolveFfmpeg({ flag: config.ffmpegPath, env: options.renderEnv })),
    },
    { onJobFinished: onFinished },
  );
  handle = app.fetch;
  logger.info({ host: config.host, port, storage: storage.backend, concurrency: config.renderConcurrency }, 'server listening');

  let closing: Promise<void> | null = null;
  return {
    port,
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    close() {
      closing ??= (async () => {
        logger.info({ graceMs: config.shutdownGraceMs, ...queue.stats() }, 'shutting down');
        await retention.stop();
        await queue.close(config.shutdownGraceMs);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Idle keep-alive sockets would hold close() open until the client drops them.
          (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        });
        logger.info('server closed');
      })();
      return closing;
    },
  };
}

function listen(fetch: (request: Request) => Response | Promise<Response>, config: ServerConfig): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: config.host, port: config.port }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new FluvieError('config_invalid', `Cannot listen on ${config.host}:${config.port}: ${error.message}. Choose another PORT or HOST.`, { cause: error }));
    });
  });
}
