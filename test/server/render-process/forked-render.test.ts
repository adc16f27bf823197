/** Renders in a child process, run through vite-node because tests have only the TypeScript sources. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RenderEvent } from '../../../src/core/pipeline/events.js';
import type { RenderRequest } from '../../../src/core/pipeline/render-request.js';
import { createForkedRender } from '../../../src/server/render-process/forked-render.js';
import { runningDescendants, videoStream } from '../../helpers/media.js';

const require = createRequire(import.meta.url);
const VITE_NODE = path.join(path.dirname(require.resolve('vite-node/package.json')), 'vite-node.mjs');
const CHILD_ENTRY = path.resolve(import.meta.dirname, '../../../src/server/render-process/render-child.ts');
const dirs: string[] = [];

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

function forkedRender(niceness: number) {
  return createForkedRender({ niceness, entry: VITE_NODE, entryArgs: [CHILD_ENTRY] });
}

async function requestFor(spec: unknown): Promise<{ request: RenderRequest; dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fluvie-forked-'));
  dirs.push(dir);
  const request: RenderRequest = {
    source: { kind: 'spec', value: spec, baseDir: dir }, out: path.join(dir, 'video.mp4'), format: 'mp4', quality: 'low', aspect: null, posterTime: null,
    maxFrames: null, engine: 'native', allowUnsupported: false, strict: false, keepTemp: false, ffmpegPath: null, projectDir: null, flutterPath: null,
  };
  return { request, dir };
}

function childPid(events: RenderEvent[]): { pid: number; niceness: string } {
  for (const event of events) {
    const match = event.type === 'log' ? /^Render process (\d+) started at niceness (\S+)$/.exec(event.message) : null;
    if (match !== null) return { pid: Number(match[1]), niceness: match[2]! };
  }
  throw new Error('no render process start event');
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('createForkedRender', () => {
  it('renders in a child process at a lower priority', async () => {
    const { request, dir } = await requestFor({ size: { width: 64, height: 48 }, fps: 10, scenes: [{ duration: '12f', background: { kind: 'color', color: '#FF00FF00' } }] });
    const events: RenderEvent[] = [];
    const result = await forkedRender(7)(request, { env: process.env, cwd: dir, signal: new AbortController().signal, emit: (event) => events.push(event) });

    expect(result).toMatchObject({ output: request.out, frames: 12, engine: 'native' });
    const stream = await videoStream(request.out);
    expect(stream).toMatchObject({ codec_name: 'h264', width: 64, height: 48, frameCount: 12 });
    const { pid, niceness } = childPid(events);
    expect(pid).not.toBe(process.pid);
    expect(Number(niceness)).toBeGreaterThanOrEqual(7);
    const progress = events.filter((event) => event.type === 'progress' && event.stage === 'capture');
    expect(progress.at(-1)).toMatchObject({ completed: 12, total: 12 });
  });

  it('passes render errors on with their code', async () => {
    const { request, dir } = await requestFor({ size: { width: 64, height: 48 }, fps: 10, scenes: [] });
    await expect(forkedRender(0)(request, { env: process.env, cwd: dir, signal: new AbortController().signal, emit: () => undefined })).rejects.toMatchObject({
      name: 'FluvieError',
      code: 'spec_invalid',
    });
  });

  it('stops the child and its ffmpeg on abort', async () => {
    const { request, dir } = await requestFor({ size: { width: 320, height: 240 }, fps: 25, scenes: [{ duration: '60s' }] });
    const events: RenderEvent[] = [];
    const controller = new AbortController();
    const rendering = forkedRender(0)(request, {
      env: process.env, cwd: dir, signal: controller.signal,
      emit: (event) => {
        events.push(event);
        if (event.type === 'progress' && event.completed > 0) controller.abort();
      },
    });

    await expect(rendering).rejects.toMatchObject({ code: 'canceled' });
    const { pid } = childPid(events);
    for (let wait = 0; wait < 100 && isRunning(pid); wait += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(isRunning(pid)).toBe(false);
    expect(await runningDescendants(dir)).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails when the child exits without a result', async () => {
    const { request, dir } = await requestFor({ size: { width: 64, height: 48 }, fps: 10, scenes: [{ duration: '2f' }] });
    const entry = path.join(dir, 'crash.mjs');
    await writeFile(entry, 'process.exit(3);\n');
    const render = createForkedRender({ niceness: 0, entry });

    const failure = render(request, { env: process.env, cwd: dir, signal: new AbortController().signal, emit: () => undefined });

    await expect(failure).rejects.toMatchObject({ name: 'FluvieError', code: 'capture_failed' });
    await expect(failure).rejects.toThrow(/exit code 3/);
  });
});
