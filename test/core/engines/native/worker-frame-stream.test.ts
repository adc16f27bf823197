/**
 * The worker-thread frame stream gives the same frames as drawing inline. The worker entry only
 * exists as compiled JavaScript, so this test compiles the sources into a private folder first.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runningDescendants } from '../../../helpers/media.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const specsDir = path.resolve(repoRoot, '../shared/reference/specs');
let buildDir = '';

type Stream = { frameCount: number; frames(signal: AbortSignal): AsyncIterable<Uint8Array>; renderFrame(index: number): Promise<Uint8Array>; close(): Promise<void> };

async function importBuilt<T>(relative: string): Promise<T> {
  return (await import(pathToFileURL(path.join(buildDir, relative)).href)) as T;
}

async function openStream(specName: string, worker: boolean): Promise<Stream> {
  const { loadSpecFile } = await importBuilt<{ loadSpecFile: (file: string, options: object) => Promise<{ spec: unknown; baseDir: string }> }>('spec/index.js');
  const { planRender } = await importBuilt<{ planRender: (spec: unknown, options: object) => unknown }>('core/pipeline/plan.js');
  const { createNativeEngine } = await importBuilt<{
    createNativeEngine: (options: { worker: boolean }) => { capture(request: object, options: object): Promise<Stream> };
  }>('core/engines/native/native-engine.js');
  const { spec, baseDir } = await loadSpecFile(path.join(specsDir, `${specName}.fluvie.json`), { strict: false, format: 'mp4' });
  const plan = planRender(spec, { aspect: null, maxFrames: null, posterTime: null });
  const signal = new AbortController().signal;
  return createNativeEngine({ worker }).capture({ spec, plan, baseDir, allowUnsupported: false }, { signal, emit: () => {} });
}

async function frameHashes(stream: Stream): Promise<string[]> {
  const hashes: string[] = [];
  for await (const frame of stream.frames(new AbortController().signal)) hashes.push(createHash('sha256').update(frame).digest('hex'));
  return hashes;
}

beforeAll(() => {
  buildDir = mkdtempSync(path.join(repoRoot, '.test-build-'));
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', buildDir, '--declaration', 'false', '--sourceMap', 'false'], {
    cwd: repoRoot,
    stdio: 'pipe',
  });
}, 300_000);

afterAll(() => {
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

describe('worker frame stream', () => {
  it('matches inline frames byte for byte', async () => {
    const inline = await openStream('positioned', false);
    const worker = await openStream('positioned', true);
    try {
      const [inlineHashes, workerHashes] = [await frameHashes(inline), await frameHashes(worker)];
      expect(workerHashes).toHaveLength(90);
      expect(workerHashes).toEqual(inlineHashes);
      const [inlinePoster, workerPoster] = [await inline.renderFrame(45), await worker.renderFrame(45)];
      expect(createHash('sha256').update(workerPoster).digest('hex')).toBe(createHash('sha256').update(inlinePoster).digest('hex'));
    } finally {
      await inline.close();
      await worker.close();
    }
  });

  it('reports a missing image from the worker', async () => {
    const { createNativeEngine } = await importBuilt<{
      createNativeEngine: (options: { worker: boolean }) => { capture(request: object, options: object): Promise<Stream> };
    }>('core/engines/native/native-engine.js');
    const { planRender } = await importBuilt<{ planRender: (spec: unknown, options: object) => unknown }>('core/pipeline/plan.js');
    const spec = {
      fluvieSpec: 1,
      size: { width: 64, height: 64 },
      scenes: [{ duration: '5f', children: [{ type: 'Image', source: { kind: 'asset', value: 'missing.png' } }] }],
    };
    const plan = planRender(spec, { aspect: null, maxFrames: null, posterTime: null });
    const capture = createNativeEngine({ worker: true }).capture(
      { spec, plan, baseDir: repoRoot, allowUnsupported: false },
      { signal: new AbortController().signal, emit: () => {} },
    );
    await expect(capture).rejects.toMatchObject({ code: 'file_not_found' });
  });

  it('ends clip decoders on close', async () => {
    const { createNativeEngine } = await importBuilt<{
      createNativeEngine: (options: { worker: boolean }) => { capture(request: object, options: object): Promise<Stream> };
    }>('core/engines/native/native-engine.js');
    const { planRender } = await importBuilt<{ planRender: (spec: unknown, options: object) => unknown }>('core/pipeline/plan.js');
    const folder = mkdtempSync(path.join(tmpdir(), 'fluvie-worker-clip-'));
    try {
      execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=30:duration=10', '-pix_fmt', 'yuv420p', path.join(folder, 'long.mp4')]);
      const spec = {
        fluvieSpec: 1,
        size: { width: 64, height: 64 },
        scenes: [{ duration: '2s', children: [{ type: 'Clip', source: { kind: 'asset', value: 'long.mp4' } }] }],
      };
      const plan = planRender(spec, { aspect: null, maxFrames: null, posterTime: null });
      const stream = await createNativeEngine({ worker: true }).capture(
        { spec, plan, baseDir: folder, allowUnsupported: false, ffmpegPath: 'ffmpeg', ffprobePath: 'ffprobe' },
        { signal: new AbortController().signal, emit: () => {} },
      );
      const iterator = stream.frames(new AbortController().signal)[Symbol.asyncIterator]();
      await iterator.next();
      // The 10 s clip decodes far ahead of the 2 frames read, so its decoder is still running here.
      expect((await runningDescendants(/ffmpeg/)).length).toBeGreaterThan(0);

      await stream.close();

      expect(await runningDescendants(/ffmpeg/)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('stops the worker on abort', async () => {
    const stream = await openStream('positioned', true);
    const controller = new AbortController();
    const iterator = stream.frames(controller.signal)[Symbol.asyncIterator]();
    await iterator.next();
    controller.abort();
    await expect(iterator.next()).rejects.toMatchObject({ code: 'canceled' });
    await stream.close();
  });
});
