/**
 * `startServer` with QUEUE_BACKEND=redis and one worker in the process (`serve --workers 1`): jobs
 * render in the replica itself, and readiness follows Redis through an outage.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../../src/config/server-config.js';
import { runRender } from '../../../src/core/pipeline/run-render.js';
import { createSilentLogger } from '../../../src/server/logger.js';
import { startServer, type RunningServer } from '../../../src/server/server.js';
import { videoStream } from '../../helpers/media.js';
import { startRedis, type RunningRedis } from '../../helpers/redis-server.js';
import { minimalSpecTools } from '../support/spec-tools.js';
import { API_TOKEN, CLEANUP_TOKEN, jsonBody } from '../support/test-server.js';

let redis: RunningRedis;
let dir: string;
let server: RunningServer;

const api = (pathname: string, init: RequestInit = {}): Promise<Response> =>
  fetch(new URL(pathname, `http://127.0.0.1:${server.port}`), { ...init, headers: { authorization: `Bearer ${API_TOKEN}`, ...(init.headers as Record<string, string> | undefined) } });

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  redis = await startRedis();
  dir = await mkdtemp(path.join(tmpdir(), 'fluvie-serve-redis-'));
  const env = { API_TOKEN, CLEANUP_TOKEN, LOCAL_STORAGE_DIR: dir, HOST: '127.0.0.1', PORT: '0', CLEANUP_INTERVAL: '0', SHUTDOWN_GRACE: '0s', QUEUE_BACKEND: 'redis', REDIS_URL: redis.url };
  server = await startServer({
    config: loadServerConfig(env, { cpuCount: 2 }), logger: createSilentLogger(), renderEnv: process.env, render: runRender,
    specTools: minimalSpecTools, checkFfmpeg: async () => undefined, workers: 1,
  });
});

afterAll(async () => {
  await server?.close();
  await redis?.stop();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('serve with QUEUE_BACKEND=redis', () => {
  it('renders a job in the replica', async () => {
    const spec = { size: { width: 64, height: 64 }, fps: 25, scenes: [{ duration: '5f', background: { kind: 'color', color: '#FF0000FF' } }] };
    const response = await api('/v1/renders', jsonBody({ spec, options: { format: 'mp4' } }));
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    let status = '';
    await until(async () => {
      status = String(((await (await api(`/v1/renders/${id}`)).json()) as { status: string }).status);
      return ['succeeded', 'failed', 'canceled'].includes(status);
    }, `job ${id} finished`);
    expect(status).toBe('succeeded');
    expect((await videoStream(path.join(dir, id, 'video.mp4'))).frameCount).toBe(5);
  });

  it('answers 410 for a swept job in the Redis store', async () => {
    const spec = { size: { width: 64, height: 64 }, fps: 25, scenes: [{ duration: '2f' }] };
    const { id } = (await (await api('/v1/renders', jsonBody({ spec, ttl: '500ms' }))).json()) as { id: string };
    let job: { status?: string; expiresAt?: string } = {};
    await until(async () => {
      job = (await (await api(`/v1/renders/${id}`)).json()) as typeof job;
      return job.status === 'succeeded';
    }, `job ${id} succeeded`);
    await until(async () => Date.now() > Date.parse(job.expiresAt ?? ''), `job ${id} expired`);

    const sweep = await fetch(new URL('/v1/maintenance/cleanup', `http://127.0.0.1:${server.port}`), { ...jsonBody({}), headers: { authorization: `Bearer ${CLEANUP_TOKEN}`, 'content-type': 'application/json' } });
    expect(await sweep.json()).toMatchObject({ deletedJobs: 1, deletedFiles: 1 });
    const gone = await api(`/v1/renders/${id}`);
    expect(gone.status).toBe(410);
    expect(await gone.json()).toEqual({ error: { code: 'gone', message: 'The rendered files have expired' } });
    expect(await server.jobs.get(id)).toMatchObject({ status: 'succeeded', sweptAtMs: expect.any(Number) });
  });

  it('fails readiness while Redis is down', async () => {
    expect((await api('/v1/readyz')).status).toBe(200);
    await redis.pause();
    const down = await api('/v1/readyz');
    expect(down.status).toBe(503);
    expect(((await down.json()) as { failures: Record<string, string> }).failures['queue']).toMatch(/Redis at redis:\/\/127\.0\.0\.1:\d+ is not reachable/);

    await redis.restart();
    await until(async () => (await api('/v1/readyz')).status === 200, 'readiness recovered');
  });
});

describe('AI rate limits with QUEUE_BACKEND=redis', () => {
  it('shares one budget between replicas', async () => {
    const storage = await mkdtemp(path.join(tmpdir(), 'fluvie-serve-limits-'));
    // No workers, so the queued prompt jobs are never authored and no provider is called.
    const env = {
      API_TOKEN, CLEANUP_TOKEN, LOCAL_STORAGE_DIR: storage, HOST: '127.0.0.1', PORT: '0', CLEANUP_INTERVAL: '0', SHUTDOWN_GRACE: '0s',
      QUEUE_BACKEND: 'redis', REDIS_URL: redis.url, REDIS_PREFIX: 'limits', ANTHROPIC_API_KEY: 'test-key', FLUVIE_AI_RATE_LIMIT: '1', FLUVIE_AI_RATE_WINDOW: '1h',
    };
    const replicas = await Promise.all([0, 1].map(() =>
      startServer({ config: loadServerConfig(env, { cpuCount: 2 }), logger: createSilentLogger(), renderEnv: {}, render: runRender, specTools: minimalSpecTools, checkFfmpeg: async () => undefined, workers: 0 }),
    ));
    try {
      const post = (replica: RunningServer) =>
        fetch(`http://127.0.0.1:${replica.port}/v1/renders`, { ...jsonBody({ prompt: 'a title card' }), headers: { 'content-type': 'application/json', authorization: `Bearer ${API_TOKEN}` } });
      expect((await post(replicas[0]!)).status).toBe(202);
      const limited = await post(replicas[1]!);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(3000);
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
      await rm(storage, { recursive: true, force: true });
    }
  });
});

describe('Idempotency-Key with QUEUE_BACKEND=redis', () => {
  it('returns one job to concurrent repeats on two replicas', async () => {
    const storage = await mkdtemp(path.join(tmpdir(), 'fluvie-serve-idem-'));
    const env = {
      API_TOKEN, CLEANUP_TOKEN, LOCAL_STORAGE_DIR: storage, HOST: '127.0.0.1', PORT: '0', CLEANUP_INTERVAL: '0', SHUTDOWN_GRACE: '0s',
      QUEUE_BACKEND: 'redis', REDIS_URL: redis.url, REDIS_PREFIX: 'idem',
    };
    const replicas = await Promise.all([0, 1].map(() =>
      startServer({ config: loadServerConfig(env, { cpuCount: 2 }), logger: createSilentLogger(), renderEnv: {}, render: runRender, specTools: minimalSpecTools, checkFfmpeg: async () => undefined, workers: 0 }),
    ));
    try {
      const spec = { size: { width: 64, height: 64 }, fps: 25, scenes: [{ duration: '2f' }] };
      const post = (replica: RunningServer, key: string, body: unknown) =>
        fetch(`http://127.0.0.1:${replica.port}/v1/renders`, {
          ...jsonBody(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${API_TOKEN}`, 'idempotency-key': key },
        });
      for (let round = 0; round < 5; round += 1) {
        const responses = await Promise.all(replicas.flatMap((replica) => [post(replica, `order-${round}`, { spec }), post(replica, `order-${round}`, { spec })]));
        const ids = await Promise.all(responses.map(async (response) => ((await response.json()) as { id: string }).id));
        expect(new Set(ids).size).toBe(1);
        expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 202]);
      }
      const conflict = await post(replicas[1]!, 'order-0', { spec: { ...spec, fps: 30 } });
      expect(conflict.status).toBe(409);
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
      await rm(storage, { recursive: true, force: true });
    }
  });
});
