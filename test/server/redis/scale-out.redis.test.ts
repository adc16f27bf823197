/**
 * Scale-out on one machine: two `fluvie-render serve` processes with QUEUE_BACKEND=redis and
 * `--workers 0` and two `fluvie-render worker` processes, all spawned from the sources, share a real
 * redis-server and one storage folder. Renders are real native-engine renders of tiny specs.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoStream } from '../../helpers/media.js';
import { startRedis, type RunningRedis } from '../../helpers/redis-server.js';
import { API_TOKEN, CLEANUP_TOKEN, jsonBody } from '../support/test-server.js';
import { spawnServe, spawnWorker, type CliProcess } from './support/cli-process.js';

interface Api {
  process: CliProcess;
  api: (pathname: string, init?: RequestInit) => Promise<Response>;
}

/** 64x64 at 25 fps: `frames` frames of a colour that changes per scene. */
function tinySpec(frames: number): Record<string, unknown> {
  return { size: { width: 64, height: 64 }, fps: 25, scenes: [{ duration: `${frames}f`, background: { kind: 'color', color: '#FF3366CC' } }] };
}

let redis: RunningRedis;
let dir: string;
let prefix: string;
let apis: Api[] = [];
let workers: CliProcess[] = [];

function sharedEnv(): Record<string, string> {
  return {
    API_TOKEN, CLEANUP_TOKEN, CLEANUP_INTERVAL: '0',
    QUEUE_BACKEND: 'redis', REDIS_URL: redis.url, REDIS_PREFIX: prefix, RENDER_ATTEMPTS: '3',
    LOCAL_STORAGE_DIR: dir, FLUVIE_ENABLE_MCP: 'false', SHUTDOWN_GRACE: '0s', LOG_LEVEL: 'info',
    // Short lock and stall periods, so a killed worker's job moves on within seconds.
    WORKER_LOCK_DURATION: '4s', WORKER_STALLED_INTERVAL: '1s',
  };
}

async function post(api: Api, spec: Record<string, unknown>): Promise<string> {
  const response = await api.api('/v1/renders', jsonBody({ spec, options: { format: 'mp4' } }));
  expect(response.status).toBe(202);
  return String(((await response.json()) as { id: string }).id);
}

async function waitFor(api: Api, id: string, done: (job: Record<string, unknown>) => boolean, timeoutMs = 90_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await (await api.api(`/v1/renders/${id}`)).json()) as Record<string, unknown>;
    if (done(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} did not reach the expected state: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const isTerminal = (job: Record<string, unknown>): boolean => ['succeeded', 'failed', 'canceled'].includes(String(job['status']));

beforeAll(async () => {
  redis = await startRedis();
  dir = await mkdtemp(path.join(tmpdir(), 'fluvie-scale-'));
  prefix = `scale${randomUUID().slice(0, 8)}`;
  const servers = [spawnServe(sharedEnv()), spawnServe(sharedEnv())];
  workers = [spawnWorker(sharedEnv()), spawnWorker(sharedEnv())];
  await Promise.all([...servers, ...workers].map((child) => child.ready));
  apis = servers.map((server) => ({
    process: server,
    api: (pathname, init = {}) =>
      fetch(new URL(pathname, `http://127.0.0.1:${server.port()}`), { ...init, headers: { authorization: `Bearer ${API_TOKEN}`, ...(init.headers as Record<string, string> | undefined) } }),
  }));
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
  await Promise.all(apis.map((api) => api.process.stop('SIGTERM')));
  await redis?.stop();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('scale-out with Redis', () => {
  it('renders 20 jobs from two APIs exactly once', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 20; index += 1) ids.push(await post(apis[index % 2]!, tinySpec(3)));

    const finished = await Promise.all(ids.map((id, index) => waitFor(apis[(index + 1) % 2]!, id, isTerminal)));
    expect(finished.map((job) => job['status'])).toEqual(ids.map(() => 'succeeded'));

    // The API processes run no renders (--workers 0).
    for (const api of apis) expect(api.process.started).toEqual([]);
    const starts = workers.flatMap((worker) => worker.started).filter((id) => ids.includes(id));
    expect(starts.sort()).toEqual([...ids].sort());
    // Both workers took part.
    for (const worker of workers) expect(worker.started.filter((id) => ids.includes(id)).length).toBeGreaterThan(0);

    const video = await videoStream(path.join(dir, ids[0]!, 'video.mp4'));
    expect(video.codec_name).toBe('h264');
    expect(video.frameCount).toBe(3);
  });

  it('cancels a running job through the other API', async () => {
    const id = await post(apis[0]!, tinySpec(1500));
    await waitFor(apis[1]!, id, (job) => job['status'] === 'running' && typeof job['progress'] === 'object');

    const response = await apis[1]!.api(`/v1/renders/${id}`, { method: 'DELETE' });
    expect(response.status).toBeLessThan(300);
    const job = await waitFor(apis[0]!, id, isTerminal, 20_000);
    expect(job['status']).toBe('canceled');
  });

  it('finishes a job on the other worker after a SIGKILL', async () => {
    const id = await post(apis[0]!, tinySpec(250));
    await waitFor(apis[0]!, id, (job) => job['status'] === 'running' && typeof job['progress'] === 'object');
    const holder = workers.find((worker) => worker.started.includes(id));
    const other = workers.find((worker) => worker !== holder);
    expect(holder).toBeDefined();
    await holder!.stop('SIGKILL');

    const job = await waitFor(apis[1]!, id, isTerminal, 90_000);
    expect(job['status']).toBe('succeeded');
    expect(other!.started).toContain(id);
    const video = await videoStream(path.join(dir, id, 'video.mp4'));
    expect(video.frameCount).toBe(250);
  });
});
