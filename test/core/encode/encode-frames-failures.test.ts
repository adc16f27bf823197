import { readdir } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { FluvieError } from '../../../src/core/errors.js';
import { encodeFrames, type EncodeFramesOptions } from '../../../src/core/encode/encode-frames.js';
import { resolveFfmpeg, type ResolvedFfmpeg } from '../../../src/core/encode/resolve-ffmpeg.js';
import { runningDescendants, solidFrames, tempDir } from '../../helpers/media.js';
import { fakeFfmpeg, type FakeFfmpegName } from './fake-ffmpeg.js';

const SYSTEM_PATH = '/usr/local/bin:/usr/bin:/bin';
const WIDTH = 64;
const HEIGHT = 48;

async function systemFfmpeg(): Promise<ResolvedFfmpeg> {
  return resolveFfmpeg({ flag: null, env: { PATH: SYSTEM_PATH } });
}

async function fake(name: FakeFfmpegName): Promise<ResolvedFfmpeg> {
  return resolveFfmpeg({ flag: fakeFfmpeg(name), env: { PATH: SYSTEM_PATH } });
}

function options(ffmpeg: ResolvedFfmpeg, outPath: string, overrides: Partial<EncodeFramesOptions> = {}): EncodeFramesOptions {
  return {
    ffmpeg,
    format: 'mp4',
    quality: 'high',
    width: WIDTH,
    height: HEIGHT,
    fps: 8,
    gifFps: 8,
    frames: solidFrames(WIDTH, HEIGHT, 64, () => [200, 100, 50, 255]),
    outPath,
    signal: new AbortController().signal,
    ...overrides,
  };
}

async function rejectionOf(promise: Promise<unknown>): Promise<FluvieError> {
  try {
    await promise;
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(FluvieError);
    return error as FluvieError;
  }
  throw new Error('expected a rejection');
}

/** Asserts the folder is empty: no output and no `.partial` temp file or folder. */
async function expectNothingLeft(dir: string): Promise<void> {
  expect(await readdir(dir)).toEqual([]);
}

describe('encodeFrames failures', () => {
  it('reports ffmpeg failing mid-encode', async () => {
    const dir = await tempDir();
    const ffmpeg = await fake('fails-mid-encode');

    const error = await rejectionOf(encodeFrames(options(ffmpeg, path.join(dir, 'video.mp4'))));

    expect(error.code).toBe('ffmpeg_failed');
    expect(error.message).toContain('exited with code 1');
    expect(error.message).toContain(ffmpeg.path);
    expect(error.message).toContain('fake encoder failure: out of cheese');
    expect(error.message).toContain('Conversion failed!');
    await expectNothingLeft(dir);
    expect(await runningDescendants('fails-mid-encode')).toEqual([]);
  });

  it('bounds the error of an ffmpeg that floods stderr', async () => {
    const dir = await tempDir();

    const error = await rejectionOf(encodeFrames(options(await fake('floods-stderr'), path.join(dir, 'video.mp4'))));

    expect(error.code).toBe('ffmpeg_failed');
    expect(error.message).toContain('FINAL LINE: flood over');
    expect(error.message.length).toBeLessThan(10 * 1024);
    await expectNothingLeft(dir);
  });

  it('cleans up after an abort mid-encode', async () => {
    const dir = await tempDir();
    const controller = new AbortController();
    const written: number[] = [];

    const error = await rejectionOf(
      encodeFrames(
        options(await systemFfmpeg(), path.join(dir, 'video.mp4'), {
          signal: controller.signal,
          frames: solidFrames(WIDTH, HEIGHT, 10_000, () => [0, 128, 255, 255]),
          onFrameWritten: (count) => {
            written.push(count);
            if (count === 5) controller.abort();
          },
        }),
      ),
    );

    expect(error.code).toBe('canceled');
    expect(written.at(-1)).toBe(5);
    await expectNothingLeft(dir);
    expect(await runningDescendants('ffmpeg')).toEqual([]);
  });

  it('cleans up an aborted imageSequence', async () => {
    const dir = await tempDir();
    const controller = new AbortController();

    const error = await rejectionOf(
      encodeFrames(
        options(await systemFfmpeg(), path.join(dir, 'frames'), {
          format: 'imageSequence',
          signal: controller.signal,
          frames: solidFrames(WIDTH, HEIGHT, 10_000, () => [0, 128, 255, 255]),
          onFrameWritten: (count) => {
            if (count === 5) controller.abort();
          },
        }),
      ),
    );

    expect(error.code).toBe('canceled');
    await expectNothingLeft(dir);
  });

  it('rejects output that does not probe as video', async () => {
    const dir = await tempDir();

    const error = await rejectionOf(encodeFrames(options(await fake('writes-garbage'), path.join(dir, 'video.mp4'))));

    expect(error.code).toBe('output_failed');
    expect(error.message).toContain('.partial.mp4');
    await expectNothingLeft(dir);
  });

  it('rejects a frame of the wrong size', async () => {
    const dir = await tempDir();

    const error = await rejectionOf(
      encodeFrames(options(await systemFfmpeg(), path.join(dir, 'video.mp4'), { frames: solidFrames(WIDTH, HEIGHT - 1, 3, () => [0, 0, 0, 255]) })),
    );

    expect(error.code).toBe('capture_failed');
    expect(error.message).toContain(`Frame 0 has ${WIDTH * (HEIGHT - 1) * 4} bytes`);
    await expectNothingLeft(dir);
    expect(await runningDescendants('ffmpeg')).toEqual([]);
  });

  it('rejects an empty frame source', async () => {
    const dir = await tempDir();

    const error = await rejectionOf(
      encodeFrames(options(await systemFfmpeg(), path.join(dir, 'video.mp4'), { frames: solidFrames(WIDTH, HEIGHT, 0, () => [0, 0, 0, 255]) })),
    );

    expect(error.code).toBe('capture_failed');
    expect(error.message).toContain('produced no frames');
    await expectNothingLeft(dir);
  });

  it('rethrows the frame source error', async () => {
    const dir = await tempDir();
    const sourceError = new FluvieError('capture_failed', 'Image asset logo.png not found');

    async function* failing(): AsyncGenerator<Uint8Array> {
      yield* solidFrames(WIDTH, HEIGHT, 4, () => [0, 0, 0, 255]);
      throw sourceError;
    }

    let caught: unknown;
    try {
      await encodeFrames(options(await systemFfmpeg(), path.join(dir, 'video.mp4'), { frames: failing() }));
    } catch (error: unknown) {
      caught = error;
    }

    expect(caught).toBe(sourceError);
    await expectNothingLeft(dir);
    expect(await runningDescendants('ffmpeg')).toEqual([]);
  });

  it('keeps an existing output when the encode fails', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'video.mp4');
    await encodeFrames(options(await systemFfmpeg(), out, { frames: solidFrames(WIDTH, HEIGHT, 4, () => [9, 9, 9, 255]) }));

    await rejectionOf(encodeFrames(options(await fake('fails-mid-encode'), out)));

    expect(await readdir(dir)).toEqual(['video.mp4']);
  });
});
