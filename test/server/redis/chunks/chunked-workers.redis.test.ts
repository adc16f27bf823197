/**
 * A chunked render on two `fluvie-render worker` processes (CHUNK_FRAMES=30) with the API in this
 * process: the job's chunks render as separate chunk jobs, and the joined video matches a whole
 * render of the same spec frame by frame.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRender } from '../../../../src/core/pipeline/run-render.js';
import { videoStream } from '../../../helpers/media.js';
import { startRedis, type RunningRedis } from '../../../helpers/redis-server.js';
import { jsonBody } from '../../support/test-server.js';
import { spawnWorker, type CliProcess } from '../support/cli-process.js';
import { startSharedApi, type SharedApi } from '../support/shared-api.js';

const run = promisify(execFile);

/** Two 1.5 s scenes with a 0.5 s cross-fade at 30 fps: 75 frames, so 3 chunks of 30, 30 and 15. */
const SPEC = {
  size: { width: 160, height: 96 },
  fps: 30,
  transition: { kind: 'crossFade', duration: '0.5s' },
  scenes: [
    {
      duration: '1.5s',
      background: { kind: 'gradient', colors: ['#1A2980', '#26D0CE'] },
      children: [{ type: 'Text', text: 'Chunks', style: { color: '#FFFFFF', fontSize: 28 }, animate: [{ preset: 'slideFadeIn', from: 'bottom' }] }],
    },
    { duration: '1.5s', background: { kind: 'color', color: '#FFB91C1C' }, children: [{ type: 'Text', text: 'joined', style: { color: '#FFFFFF', fontSize: 24 } }] },
  ],
};

let redis: RunningRedis;
let dir: string;
let api: SharedApi;
const workers: CliProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  dir = await mkdtemp(path.join(tmpdir(), 'fluvie-chunked-'));
  const prefix = `chunk${randomUUID().slice(0, 8)}`;
  api = await startSharedApi({ redisUrl: redis.url, prefix, dir });
  const env = { QUEUE_BACKEND: 'redis', REDIS_URL: redis.url, REDIS_PREFIX: prefix, LOCAL_STORAGE_DIR: dir, FLUVIE_ENABLE_MCP: 'false', SHUTDOWN_GRACE: '0s', CHUNK_FRAMES: '30' };
  workers.push(spawnWorker(env), spawnWorker(env));
  await Promise.all(workers.map((worker) => worker.ready));
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
  await api?.close();
  await redis?.stop();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('chunked render on workers', () => {
  it('joins chunks that match the whole render', async () => {
    const response = await api.api('/v1/renders', jsonBody({ spec: SPEC, options: { format: 'mp4' } }));
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const deadline = Date.now() + 90_000;
    let job: Record<string, unknown> = {};
    while (!['succeeded', 'failed', 'canceled'].includes(String(job['status']))) {
      if (Date.now() > deadline) throw new Error(`job ${id} did not finish: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await (await api.api(`/v1/renders/${id}`)).json()) as Record<string, unknown>;
    }
    expect(job['status']).toBe('succeeded');

    const chunkLines = workers.flatMap((worker) => worker.lines.filter((line) => line.includes('"msg":"chunk rendered"') && line.includes(id)));
    expect(chunkLines).toHaveLength(3);
    // Each worker has its own chunk slot, so both take chunks.
    for (const worker of workers) expect(worker.lines.filter((line) => line.includes('"msg":"chunk rendered"')).length).toBeGreaterThan(0);
    // The chunk files were removed from storage after the join.
    expect(await readdir(path.join(dir, id))).not.toContain('chunks');

    const joined = path.join(dir, id, 'video.mp4');
    const work = await mkdtemp(path.join(tmpdir(), 'fluvie-whole-'));
    const whole = await runRender(
      {
        source: { kind: 'spec', value: SPEC, baseDir: work }, out: path.join(work, 'whole.mp4'), format: 'mp4', quality: 'high', aspect: null, posterTime: null,
        maxFrames: null, engine: 'native', allowUnsupported: false, strict: false, keepTemp: false, ffmpegPath: null, projectDir: null, flutterPath: null,
      },
      { env: process.env, cwd: work, signal: new AbortController().signal, emit: () => undefined },
    );
    const reference = await videoStream(whole.output);
    const candidate = await videoStream(joined);
    expect(candidate.frameCount).toBe(75);
    expect(candidate.formatDuration).toBeCloseTo(reference.formatDuration, 2);

    const statsFile = path.join(work, 'psnr.log');
    await run('ffmpeg', ['-v', 'error', '-i', joined, '-i', whole.output, '-lavfi', `[0:v][1:v]psnr=stats_file=${statsFile}`, '-f', 'null', '-']);
    const psnr = (await readFile(statsFile, 'utf8')).trim().split('\n').map((line) => {
      const value = /psnr_avg:(\S+)/.exec(line)?.[1] ?? 'nan';
      return value === 'inf' ? Number.POSITIVE_INFINITY : Number(value);
    });
    expect(psnr).toHaveLength(75);
    expect(Math.min(...psnr)).toBeGreaterThanOrEqual(40);
    await rm(work, { recursive: true, force: true });
  });
});
