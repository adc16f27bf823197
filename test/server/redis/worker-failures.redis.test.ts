/**
 * Worker processes that stop mid-render: a worker stopped with SIGTERM hands its job back to the
 * other worker, and a job whose workers are SIGKILLed RENDER_ATTEMPTS times ends `failed` with the
 * reason. The API is in this process (see support/shared-api.ts); workers are real processes.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoStream } from '../../helpers/media.js';
import { startRedis, type RunningRedis } from '../../helpers/redis-server.js';
import { jsonBody } from '../support/test-server.js';
import { startSharedApi, type SharedApi } from './support/shared-api.js';
import { spawnWorker, type CliProcess } from './support/cli-process.js';

let redis: RunningRedis;
let dir: string;
let prefix: string;
let api: SharedApi;
const workers: CliProcess[] = [];

function startWorker(): CliProcess {
  const worker = spawnWorker({
    QUEUE_BACKEND: 'redis', REDIS_URL: redis.url, REDIS_PREFIX: prefix, RENDER_ATTEMPTS: '2',
    LOCAL_STORAGE_DIR: dir, FLUVIE_ENABLE_MCP: 'false', SHUTDOWN_GRACE: '0s',
    WORKER_LOCK_DURATION: '4s', WORKER_STALLED_INTERVAL: '1s',
  });
  workers.push(worker);
  return worker;
}

async function postLong(frames: number): Promise<string> {
  const spec = { size: { width: 64, height: 64 }, fps: 25, scenes: [{ duration: `${frames}f`, background: { kind: 'color', color: '#FF22AA44' } }] };
  const response = await api.api('/v1/renders', jsonBody({ spec, options: { format: 'mp4' } }));
  expect(response.status).toBe(202);
  return String(((await response.json()) as { id: string }).id);
}

async function waitFor(id: string, done: (job: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const job = (await (await api.api(`/v1/renders/${id}`)).json()) as Record<string, unknown>;
    if (done(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} did not reach the expected state: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const rendering = (job: Record<string, unknown>): boolean => job['status'] === 'running' && typeof job['progress'] === 'object';
const terminal = (job: Record<string, unknown>): boolean => ['succeeded', 'failed', 'canceled'].includes(String(job['status']));

/** Returns the live worker that logged the start of `id`. */
function holderOf(id: string): CliProcess {
  const holder = workers.find((worker) => worker.child.exitCode === null && worker.child.signalCode === null && worker.started.includes(id));
  if (holder === undefined) throw new Error(`no live worker runs ${id}`);
  return holder;
}

beforeAll(async () => {
  redis = await startRedis();
  dir = await mkdtemp(path.join(tmpdir(), 'fluvie-failures-'));
  prefix = `fail${randomUUID().slice(0, 8)}`;
  api = await startSharedApi({ redisUrl: redis.url, prefix, dir });
  await Promise.all([startWorker().ready, startWorker().ready]);
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
  await api?.close();
  await redis?.stop();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('worker failures', () => {
  it('hands a job back on SIGTERM', async () => {
    const id = await postLong(200);
    await waitFor(id, rendering);
    const holder = holderOf(id);
    await holder.stop('SIGTERM');
    expect(holder.child.exitCode).toBe(0);
    expect(holder.lines.some((line) => line.includes('render handed back'))).toBe(true);

    const job = await waitFor(id, terminal);
    expect(job['status']).toBe('succeeded');
    const video = await videoStream(path.join(dir, id, 'video.mp4'));
    expect(video.frameCount).toBe(200);
  });

  it('fails a job after RENDER_ATTEMPTS killed runs', async () => {
    await startWorker().ready;
    const id = await postLong(1500);
    await waitFor(id, rendering);
    await holderOf(id).stop('SIGKILL');

    // The second run starts on the remaining worker once the stalled check moved the job back.
    await waitFor(id, (job) => rendering(job) && workers.some((worker) => worker.child.exitCode === null && worker.child.signalCode === null && worker.started.includes(id)));
    await holderOf(id).stop('SIGKILL');

    // A fresh worker finds the job stalled once more than allowed and records the failure.
    await startWorker().ready;
    const job = await waitFor(id, terminal);
    expect(job['status']).toBe('failed');
    expect(String(job['error'])).toMatch(/RENDER_ATTEMPTS=2/);
  });
});
