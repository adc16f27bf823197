/**
 * Chunked renders on two `fluvie-render worker` processes (CHUNK_FRAMES=30, RENDER_ATTEMPTS=2) with
 * the API in this process, sharing a real Redis and one storage folder. The tests cover the BullMQ
 * flow end to end. The joined video matches a whole render frame by frame, with identical audio. A
 * failed chunk runs again alone, and a chunk that uses up its attempts fails the job with its reason.
 * A cancel stops the chunk jobs, a SIGKILLed worker's chunk finishes on the other worker, and with
 * one worker left a render is no longer chunked. When the worker that runs the render job is
 * killed, the job's next run resumes its flow.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { Queue as BullQueue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRender } from '../../../../src/core/pipeline/run-render.js';
import { videoStream } from '../../../helpers/media.js';
import { startRedis, type RunningRedis } from '../../../helpers/redis-server.js';
import { jsonBody } from '../../support/test-server.js';
import { spawnWorker, type CliProcess } from '../support/cli-process.js';
import { startSharedApi, type SharedApi } from '../support/shared-api.js';

const run = promisify(execFile);

/** Builds a 160x96, 30 fps spec of `scenes` scenes of 1.5 s (a gradient or a color, a moving text) with 0.5 s cross-fades. */
function spec(scenes: number, audio: unknown[] = []): Record<string, unknown> {
  const scene = (index: number): Record<string, unknown> => ({
    duration: '1.5s',
    background: index % 2 === 0 ? { kind: 'gradient', colors: ['#1A2980', '#26D0CE'] } : { kind: 'color', color: '#FFB91C1C' },
    children: [{ type: 'Text', text: `Chunk ${index}`, style: { color: '#FFFFFF', fontSize: 24 }, animate: [{ preset: 'slideFadeIn', from: 'bottom' }] }],
  });
  return { size: { width: 160, height: 96 }, fps: 30, transition: { kind: 'crossFade', duration: '0.5s' }, audio, scenes: Array.from({ length: scenes }, (_, index) => scene(index)) };
}

/** Two scenes with a 0.5 s cross-fade: 75 frames, so chunks of 30, 30 and 15 frames. */
const SHORT = spec(2);

let redis: RunningRedis;
let dir: string;
let prefix: string;
let api: SharedApi;
let workerEnv: Record<string, string>;
const workers: CliProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  dir = await mkdtemp(path.join(tmpdir(), 'fluvie-chunked-'));
  prefix = `chunk${randomUUID().slice(0, 8)}`;
  // The audio test names a music file in `dir`, so `dir` is also the media folder.
  api = await startSharedApi({ redisUrl: redis.url, prefix, dir, mediaDir: dir });
  workerEnv = {
    QUEUE_BACKEND: 'redis', REDIS_URL: redis.url, REDIS_PREFIX: prefix, LOCAL_STORAGE_DIR: dir, MEDIA_DIR: dir, FLUVIE_ENABLE_MCP: 'false', SHUTDOWN_GRACE: '0s',
    CHUNK_FRAMES: '30', RENDER_ATTEMPTS: '2', WORKER_LOCK_DURATION: '10s', WORKER_STALLED_INTERVAL: '1s',
  };
  workers.push(spawnWorker(workerEnv), spawnWorker(workerEnv));
  await Promise.all(workers.map((worker) => worker.ready));
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
  await api?.close();
  await redis?.stop();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

async function post(body: unknown): Promise<string> {
  const response = await api.api('/v1/renders', jsonBody({ spec: body, options: { format: 'mp4' } }));
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

async function waitForEnd(id: string, timeoutMs = 120_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await (await api.api(`/v1/renders/${id}`)).json()) as Record<string, unknown>;
    if (['succeeded', 'failed', 'canceled'].includes(String(job['status']))) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} did not finish: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Log lines of every worker with message `message` about the chunk or join job `id`. */
function linesAbout(id: string, message: string, from: readonly CliProcess[] = workers): string[] {
  return from.flatMap((worker) => worker.lines.filter((line) => line.includes(`"msg":"${message}`) && line.includes(`"chunkId":"${id}"`)));
}

/** Renders `body` whole in this process, the single-worker reference. */
async function renderWhole(body: unknown): Promise<string> {
  const work = await mkdtemp(path.join(tmpdir(), 'fluvie-whole-'));
  const result = await runRender(
    {
      source: { kind: 'spec', value: body, baseDir: work }, out: path.join(work, 'whole.mp4'), format: 'mp4', quality: 'high', aspect: null, posterTime: null,
      maxFrames: null, engine: 'native', allowUnsupported: false, strict: false, keepTemp: false, ffmpegPath: null, projectDir: null, flutterPath: null,
    },
    { env: process.env, cwd: work, signal: new AbortController().signal, emit: () => undefined },
  );
  return result.output;
}

async function framePsnr(reference: string, candidate: string): Promise<number[]> {
  const statsFile = path.join(path.dirname(reference), 'psnr.log');
  await run('ffmpeg', ['-v', 'error', '-i', candidate, '-i', reference, '-lavfi', `[0:v][1:v]psnr=stats_file=${statsFile}`, '-f', 'null', '-']);
  return (await readFile(statsFile, 'utf8')).trim().split('\n').map((line) => {
    const value = /psnr_avg:(\S+)/.exec(line)?.[1] ?? 'nan';
    return value === 'inf' ? Number.POSITIVE_INFINITY : Number(value);
  });
}

async function audioPacketHashes(file: string): Promise<string[]> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:a', '-c', 'copy', '-f', 'framemd5', '-']);
  return stdout.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

/** Makes the local storage fail to store the chunk file: a non-empty folder sits where the file goes. */
async function blockChunkFile(jobId: string, chunkId: string): Promise<string> {
  const blocker = path.join(dir, jobId, 'chunks', `${chunkId}.mp4`);
  await mkdir(blocker, { recursive: true });
  await writeFile(path.join(blocker, 'blocker'), 'x');
  return blocker;
}

describe('chunked render on workers', () => {
  it('matches the whole render with audio', async () => {
    const music = path.join(dir, 'music.mp3');
    await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1.1', '-c:a', 'libmp3lame', music]);
    const body = spec(2, [{ kind: 'music', source: { kind: 'file', value: music }, volume: 0.8, fadeIn: '0.3s', loop: true }]);
    const id = await post(body);
    const job = await waitForEnd(id);
    expect(job['status']).toBe('succeeded');

    for (let index = 0; index < 3; index += 1) expect(linesAbout(`${id}.chunk000${index}`, 'chunk rendered')).toHaveLength(1);
    expect(linesAbout(`${id}.join`, 'chunks joined')).toHaveLength(1);
    // Each worker has its own chunk slot, so both take chunks.
    for (const worker of workers) expect(worker.lines.filter((line) => line.includes('"msg":"chunk rendered"')).length).toBeGreaterThan(0);
    // The chunk files and the joined file were removed from storage.
    expect(await readdir(path.join(dir, id))).not.toContain('chunks');

    const joined = path.join(dir, id, 'video.mp4');
    const whole = await renderWhole(body);
    const candidate = await videoStream(joined);
    expect(candidate.frameCount).toBe(75);
    expect(candidate.formatDuration).toBe(2.5);
    expect(Math.min(...(await framePsnr(whole, joined)))).toBeGreaterThanOrEqual(40);
    const wholeAudio = await audioPacketHashes(whole);
    expect(wholeAudio.length).toBeGreaterThan(100);
    expect(await audioPacketHashes(joined)).toEqual(wholeAudio);
  }, 150_000);

  it('retries a failed chunk alone', async () => {
    const id = await post(SHORT);
    const failing = `${id}.chunk0001`;
    const blocker = await blockChunkFile(id, failing);
    await waitUntil(() => linesAbout(failing, 'chunk job run failed; BullMQ retries it').length > 0, `a failed run of ${failing}`);
    await rm(blocker, { recursive: true, force: true });

    const job = await waitForEnd(id);
    expect(job['status']).toBe('succeeded');
    expect(linesAbout(failing, 'chunk started')).toHaveLength(2);
    expect(linesAbout(`${id}.chunk0000`, 'chunk started')).toHaveLength(1);
    expect(linesAbout(`${id}.chunk0002`, 'chunk started')).toHaveLength(1);
    expect((await videoStream(path.join(dir, id, 'video.mp4'))).frameCount).toBe(75);
  }, 150_000);

  it('fails when a chunk uses up its attempts', async () => {
    const id = await post(SHORT);
    const failing = `${id}.chunk0002`;
    await blockChunkFile(id, failing);

    const job = await waitForEnd(id);
    expect(job['status']).toBe('failed');
    expect(String(job['error'])).toMatch(/^Chunk 3 of 3 \(frames 60 to 74\) failed after 2 runs: /);
    expect(linesAbout(failing, 'chunk started')).toHaveLength(2);
    expect(linesAbout(failing, 'chunk job failed after its last attempt')).toHaveLength(1);
    expect(linesAbout(`${id}.join`, 'join started')).toHaveLength(0);
  }, 150_000);

  it('stops the chunk jobs on cancel', async () => {
    // 40 scenes: 40 * 1.5 s - 39 * 0.5 s = 40.5 s, 1215 frames in 40 chunks.
    const id = await post(spec(40));
    await waitUntil(() => workers.some((worker) => worker.lines.some((line) => line.includes(`"chunkId":"${id}.chunk`) && line.includes('"msg":"chunk started"'))), `a chunk of ${id}`);
    const response = await api.api(`/v1/renders/${id}`, { method: 'DELETE' });
    expect(response.status).toBeLessThan(300);

    const job = await waitForEnd(id);
    expect(job['status']).toBe('canceled');
    // Every flow job is gone from the chunk queue once the render has ended.
    const queue = new BullQueue('chunks', { connection: { host: '127.0.0.1', port: redis.port }, prefix });
    try {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'waiting-children', 'prioritized', 'completed', 'failed');
      expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(0);
    } finally {
      await queue.close();
    }
    const started = workers.flatMap((worker) => worker.lines.filter((line) => line.includes(`"chunkId":"${id}.chunk`) && line.includes('"msg":"chunk started"')));
    expect(started.length).toBeLessThan(40);
    // Both chunk slots were busy with this render's chunks when the cancel came, so a running chunk was aborted.
    const aborted = workers.flatMap((worker) => worker.lines.filter((line) => line.includes(`"chunkId":"${id}.chunk`) && line.includes('"msg":"chunk job canceled"')));
    expect(aborted.length).toBeGreaterThan(0);
    expect(linesAbout(`${id}.join`, 'join started')).toHaveLength(0);
  }, 150_000);

  it('finishes a killed worker chunk elsewhere', async () => {
    const id = await post(spec(4));
    await waitUntil(() => workers.some((worker) => worker.started.includes(id)), `the render job ${id}`);
    const holder = workers.find((worker) => worker.started.includes(id))!;
    const victim = workers.find((worker) => worker !== holder)!;
    let killedChunk = '';
    await waitUntil(() => {
      const line = victim.lines.find((candidate) => candidate.includes(`"chunkId":"${id}.chunk`) && candidate.includes('"msg":"chunk started"'));
      killedChunk = /"chunkId":"([^"]+)"/.exec(line ?? '')?.[1] ?? '';
      return killedChunk !== '';
    }, `a chunk of ${id} on the other worker`);
    await victim.stop('SIGKILL');

    const job = await waitForEnd(id);
    expect(job['status']).toBe('succeeded');
    expect(linesAbout(killedChunk, 'chunk rendered', [victim])).toHaveLength(0);
    expect(linesAbout(killedChunk, 'chunk rendered', [holder])).toHaveLength(1);
    // 4 scenes: 4 * 1.5 s - 3 * 0.5 s = 4.5 s.
    expect((await videoStream(path.join(dir, id, 'video.mp4'))).frameCount).toBe(135);
  }, 150_000);

  it('renders whole with one worker left', async () => {
    const id = await post(SHORT);
    const job = await waitForEnd(id);
    expect(job['status']).toBe('succeeded');
    const chunkLines = workers.flatMap((worker) => worker.lines.filter((line) => line.includes(`"chunkId":"${id}.`)));
    expect(chunkLines).toHaveLength(0);
    expect((await videoStream(path.join(dir, id, 'video.mp4'))).frameCount).toBe(75);
  }, 150_000);

  it('resumes the flow after its holder died', async () => {
    const added = spawnWorker(workerEnv);
    workers.push(added);
    await added.ready;
    const alive = workers.filter((worker) => worker.alive());
    expect(alive).toHaveLength(2);

    // 12 scenes: 12 * 1.5 s - 11 * 0.5 s = 12.5 s, 375 frames in 12 chunks.
    const id = await post(spec(12));
    await waitUntil(() => alive.some((worker) => worker.started.includes(id)), `the render job ${id}`);
    const holder = alive.find((worker) => worker.started.includes(id))!;
    const survivor = alive.find((worker) => worker !== holder)!;
    const renderedChunks = (): string[] => alive.flatMap((worker) => worker.lines.filter((line) => line.includes(`"chunkId":"${id}.chunk`) && line.includes('"msg":"chunk rendered"')));
    await waitUntil(() => renderedChunks().length >= 2, `two chunks of ${id}`);
    await holder.stop('SIGKILL');
    const renderedBeforeKill = renderedChunks().map((line) => /"chunkId":"([^"]+)"/.exec(line)?.[1] ?? '');

    const job = await waitForEnd(id);
    expect(job['status']).toBe('succeeded');
    // The survivor ran the render job again and waited for the first run's flow.
    expect(survivor.started.filter((started) => started === id)).toHaveLength(1);
    for (const chunkId of renderedBeforeKill) expect(linesAbout(chunkId, 'chunk rendered')).toHaveLength(1);
    expect(linesAbout(`${id}.join`, 'chunks joined')).toHaveLength(1);
    // The resumed render cleaned up the flow's files, so it did not render the video whole instead.
    expect(await readdir(path.join(dir, id))).not.toContain('chunks');
    expect((await videoStream(path.join(dir, id, 'video.mp4'))).frameCount).toBe(375);
  }, 150_000);
});
