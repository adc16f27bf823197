import { readdir, readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { encodeFrames, writePosterPng } from '../../../src/core/encode/encode-frames.js';
import { resolveFfmpeg, type ResolvedFfmpeg } from '../../../src/core/encode/resolve-ffmpeg.js';
import {
  expectColorNear,
  hasAlphaTag,
  pixelAt,
  readFrameRgba,
  solidFrame,
  solidFrames,
  tempDir,
  videoStream,
  type Rgba,
} from '../../helpers/media.js';

const WIDTH = 64;
const HEIGHT = 48;
const FPS = 8;
const FRAMES = 16;
/** Frame i is filled with PALETTE[floor(i / 4)]. */
const PALETTE: readonly Rgba[] = [
  [255, 0, 0, 255],
  [0, 255, 0, 255],
  [0, 0, 255, 255],
  [255, 255, 255, 255],
];
const colorAt = (index: number): Rgba => PALETTE[Math.floor(index / 4)] ?? [0, 0, 0, 255];

let ffmpeg: ResolvedFfmpeg;

beforeAll(async () => {
  ffmpeg = await resolveFfmpeg({ flag: null, env: { PATH: '/usr/local/bin:/usr/bin:/bin' } });
});

function encode(format: 'mp4' | 'gif' | 'transparent' | 'imageSequence', outPath: string, overrides: { gifFps?: number; colorAt?: (index: number) => Rgba; width?: number; height?: number } = {}) {
  const width = overrides.width ?? WIDTH;
  const height = overrides.height ?? HEIGHT;
  const written: number[] = [];
  const promise = encodeFrames({
    ffmpeg,
    format,
    quality: 'high',
    width,
    height,
    fps: FPS,
    gifFps: overrides.gifFps ?? FPS,
    frames: solidFrames(width, height, FRAMES, overrides.colorAt ?? colorAt),
    outPath,
    signal: new AbortController().signal,
    onFrameWritten: (count) => written.push(count),
  });
  return { promise, written };
}

async function expectPixelAtCenter(file: string, frameIndex: number, expected: Rgba, tolerance: number): Promise<void> {
  const rgba = await readFrameRgba(file, frameIndex, WIDTH, HEIGHT);
  expectColorNear(pixelAt(rgba, WIDTH, WIDTH / 2, HEIGHT / 2), expected, tolerance);
  expectColorNear(pixelAt(rgba, WIDTH, 0, 0), expected, tolerance);
}

describe('encodeFrames mp4', () => {
  it('writes h264 yuv420p with the frames', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'nested', 'video.mp4');
    const { promise, written } = encode('mp4', out);

    const result = await promise;
    const stream = await videoStream(out);

    expect(result).toEqual({ outPath: out, bytes: (await stat(out)).size, frames: FRAMES, outputFrames: FRAMES });
    expect(written).toEqual(Array.from({ length: FRAMES }, (_, index) => index + 1));
    expect(stream.codec_name).toBe('h264');
    expect(stream.pix_fmt).toBe('yuv420p');
    expect(stream.width).toBe(WIDTH);
    expect(stream.height).toBe(HEIGHT);
    expect(stream.frameCount).toBe(FRAMES);
    expect(stream.avg_frame_rate).toBe(`${FPS}/1`);
    expect(stream.formatDuration).toBeCloseTo(FRAMES / FPS, 1);
    for (const index of [0, 5, 10, 15]) await expectPixelAtCenter(out, index, colorAt(index), 12);
    expect(await readdir(path.dirname(out))).toEqual(['video.mp4']);
  });

  it('puts the moov index before the media data', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'fast.mp4');
    await encode('mp4', out).promise;

    const bytes = await readFile(out);
    expect(bytes.indexOf('moov')).toBeGreaterThan(0);
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'));
  });

  it('replaces an existing file', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'video.mp4');
    await writeFile(out, 'old content');

    await encode('mp4', out).promise;

    expect((await videoStream(out, { countFrames: false })).codec_name).toBe('h264');
  });

  it('gives byte-identical files for the same frames', async () => {
    const dir = await tempDir();
    await encode('mp4', path.join(dir, 'a.mp4')).promise;
    await encode('mp4', path.join(dir, 'b.mp4')).promise;

    expect((await readFile(path.join(dir, 'a.mp4'))).equals(await readFile(path.join(dir, 'b.mp4')))).toBe(true);
  });
});

describe('encodeFrames gif', () => {
  it('resamples to the gif frame rate', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'anim.gif');

    // The last colour also appears earlier: ffmpeg 5.1's palettegen (stats_mode=diff) leaves out a
    // colour that first appears at the last change between frames.
    const gifColorAt = (index: number): Rgba => (index < 12 ? colorAt(index) : colorAt(4));
    const result = await encode('gif', out, { gifFps: 4, colorAt: gifColorAt }).promise;
    const stream = await videoStream(out);

    expect(result.frames).toBe(FRAMES);
    expect(stream.codec_name).toBe('gif');
    expect(stream.width).toBe(WIDTH);
    expect(stream.height).toBe(HEIGHT);
    // 16 frames at 8 fps resampled to 4 fps keep every second frame.
    expect(stream.frameCount).toBe(8);
    expect(stream.formatDuration).toBeCloseTo(2, 1);
    for (const gifFrame of [0, 2, 4, 6]) await expectPixelAtCenter(out, gifFrame, gifColorAt(gifFrame * 2), 8);
  });

  it('keeps odd sizes exactly', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'odd.gif');

    await encode('gif', out, { width: 63, height: 47 }).promise;
    const stream = await videoStream(out, { countFrames: false });

    expect(stream.codec_name).toBe('gif');
    expect(stream.width).toBe(63);
    expect(stream.height).toBe(47);
  });
});

describe('encodeFrames transparent', () => {
  it('writes VP9 with an alpha plane', async () => {
    const translucent = (index: number): Rgba => (index < 8 ? [255, 0, 0, 128] : [0, 0, 255, 255]);
    const dir = await tempDir();
    const out = path.join(dir, 'alpha.webm');

    await encode('transparent', out, { colorAt: translucent }).promise;
    const stream = await videoStream(out);

    expect(stream.codec_name).toBe('vp9');
    expect(hasAlphaTag(stream)).toBe(true);
    expect(stream.width).toBe(WIDTH);
    expect(stream.height).toBe(HEIGHT);
    expect(stream.frameCount).toBe(FRAMES);
    expect(stream.formatDuration).toBeCloseTo(FRAMES / FPS, 1);
    await expectPixelAtCenter(out, 2, [255, 0, 0, 128], 12);
    await expectPixelAtCenter(out, 12, [0, 0, 255, 255], 12);
  });
});

describe('encodeFrames imageSequence', () => {
  it('writes one lossless PNG per frame', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'frames');

    const result = await encode('imageSequence', out).promise;
    const files = (await readdir(out)).sort();

    expect(files).toHaveLength(FRAMES);
    expect(files[0]).toBe('frame_000001.png');
    expect(files[15]).toBe('frame_000016.png');
    expect(await readdir(dir)).toEqual(['frames']);
    expect(result.bytes).toBeGreaterThan(0);

    const first = await videoStream(path.join(out, 'frame_000001.png'), { countFrames: false });
    expect(first.codec_name).toBe('png');
    expect(first.width).toBe(WIDTH);
    expect(first.height).toBe(HEIGHT);
    for (const index of [0, 6, 9, 15]) {
      const file = path.join(out, `frame_${String(index + 1).padStart(6, '0')}.png`);
      await expectPixelAtCenter(file, 0, colorAt(index), 0);
    }
  });

  it('replaces an older sequence in an existing folder', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'frames');
    await mkdir(out);
    await writeFile(path.join(out, 'frame_000001.png'), 'stale');
    await writeFile(path.join(out, 'frame_000099.png'), 'stale');
    await writeFile(path.join(out, 'notes.txt'), 'keep me');

    await encode('imageSequence', out).promise;
    const files = await readdir(out);

    expect(files).toHaveLength(FRAMES + 1);
    expect(files).toContain('notes.txt');
    expect(files).not.toContain('frame_000099.png');
    await expectPixelAtCenter(path.join(out, 'frame_000001.png'), 0, colorAt(0), 0);
    expect(await readdir(dir)).toEqual(['frames']);
  });
});

describe('writePosterPng', () => {
  it('writes the exact frame as PNG', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'video.poster.png');
    const frame = solidFrame(WIDTH, HEIGHT, [10, 200, 30, 255]);
    // Paint the right half translucent blue, so a mixed-up row or channel order shows.
    for (let y = 0; y < HEIGHT; y += 1) {
      for (let x = WIDTH / 2; x < WIDTH; x += 1) frame.set([0, 0, 250, 100], (y * WIDTH + x) * 4);
    }

    const result = await writePosterPng({ ffmpeg, frame, width: WIDTH, height: HEIGHT, outPath: out, signal: new AbortController().signal });
    const stream = await videoStream(out, { countFrames: false });
    const decoded = await readFrameRgba(out, 0, WIDTH, HEIGHT);

    expect(result).toEqual({ outPath: out, bytes: (await stat(out)).size });
    expect(stream.codec_name).toBe('png');
    expect(stream.width).toBe(WIDTH);
    expect(stream.height).toBe(HEIGHT);
    expectColorNear(pixelAt(decoded, WIDTH, 3, 40), [10, 200, 30, 255], 0);
    expectColorNear(pixelAt(decoded, WIDTH, 60, 5), [0, 0, 250, 100], 0);
    expect(await readdir(dir)).toEqual(['video.poster.png']);
  });
});

describe('encodeFrames without ffprobe', () => {
  it('verifies with the bundled ffmpeg alone', async () => {
    const bundled = await resolveFfmpeg({ flag: null, env: { PATH: '' } });
    const dir = await tempDir();
    const out = path.join(dir, 'bundled.mp4');

    const result = await encodeFrames({
      ffmpeg: bundled,
      format: 'mp4',
      quality: 'low',
      width: WIDTH,
      height: HEIGHT,
      fps: FPS,
      gifFps: FPS,
      frames: solidFrames(WIDTH, HEIGHT, FRAMES, colorAt),
      outPath: out,
      signal: new AbortController().signal,
    });
    const stream = await videoStream(out);

    expect(bundled.source).toBe('bundled');
    expect(bundled.ffprobePath).toBeNull();
    expect(result.frames).toBe(FRAMES);
    expect(stream.codec_name).toBe('h264');
    expect(stream.frameCount).toBe(FRAMES);
    await expectPixelAtCenter(out, 9, colorAt(9), 16);
    expect(await readdir(dir)).toEqual(['bundled.mp4']);
  });
});
