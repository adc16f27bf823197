/**
 * Starts the render API in this process on 127.0.0.1 with the Redis job store and a BullMQ queue
 * without a worker, the way an API replica in Redis mode runs. The app is the real `createApp`;
 * only the composition (which store and queue it gets) is done here.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { loadServerConfig } from '../../../../src/config/server-config.js';
import { createApp } from '../../../../src/server/app.js';
import { systemClock } from '../../../../src/server/clock.js';
import { createSilentLogger } from '../../../../src/server/logger.js';
import { openRedisBackend, type RedisBackend } from '../../../../src/server/redis/redis-backend.js';
import { LocalStorage } from '../../../../src/server/storage/local-storage.js';
import { realSpecTools } from '../../support/spec-tools.js';
import { API_TOKEN, CLEANUP_TOKEN } from '../../support/test-server.js';

export interface SharedApi {
  base: string;
  backend: RedisBackend;
  api: (pathname: string, init?: RequestInit) => Promise<Response>;
  close: () => Promise<void>;
}

/** @param options.mediaDir MEDIA_DIR of the API, for specs that name local media files */
export async function startSharedApi(options: { redisUrl: string; prefix: string; dir: string; mediaDir?: string }): Promise<SharedApi> {
  const config = loadServerConfig(
    {
      API_TOKEN, CLEANUP_TOKEN, LOCAL_STORAGE_DIR: options.dir, HOST: '127.0.0.1', PORT: '0', CLEANUP_INTERVAL: '0', FLUVIE_ENABLE_MCP: 'false',
      ...(options.mediaDir === undefined ? {} : { MEDIA_DIR: options.mediaDir }),
    },
    { cpuCount: 2 },
  );
  const logger = createSilentLogger();
  const backend = await openRedisBackend({
    target: { redisUrl: options.redisUrl, prefix: options.prefix, attempts: 3, lockDurationMs: 30_000, stalledIntervalMs: 30_000 },
    logger, createRender: null, concurrency: 1, timeoutMs: config.renderTimeoutMs,
  });
  const app = createApp({
    config, logger, jobs: backend.jobs, queue: backend.queue, storage: new LocalStorage(options.dir), clock: systemClock,
    specTools: await realSpecTools(), checkFfmpeg: async () => undefined,
  });
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    backend,
    api: (pathname, init = {}) =>
      fetch(new URL(pathname, base), { ...init, headers: { authorization: `Bearer ${API_TOKEN}`, ...(init.headers as Record<string, string> | undefined) } }),
    async close() {
      await backend.close(0);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      });
    },
  };
}
