/**
 * `fluvie-render render` end to end: real specs through the native engine and real ffmpeg, checked
 * with ffprobe and decoded pixels.
 */
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../../helpers/cli.js';
import { expectColorNear, hasAlphaTag, partialFiles, pixelAt, readFrameRgba, runningDescendants, tempDir, videoStream } from '../../helpers/media.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const referenceSpecs = path.resolve(repoRoot, '../shared/reference/specs');
const reference = (name: string): string => path.join(referenceSpecs, `${name}.fluvie.json`);
const example = (name: string): string => path.join(repoRoot, 'examples', `${name}.fluvie.json`);

interface Expected {
  spec: string;
  width: number;
  height: number;
  frames: number;
  fps: number;
  /** Extra flags, e.g. a frame limit for the slow formats. */
  flags?: string[];
}

const CASES: Expected[] = [
  { spec: reference('minimal'), width: 1080, height: 1080, frames: 60, fps: 30 },
  { spec: reference('positioned'), width: 320, height: 180, frames: 90, fps: 30 },
  { spec: reference('promo'), width: 1080, height: 1920, frames: 180, fps: 30 },
  // The example crossFades 0.5s between a 2.5s and a 2s scene: 75 + 60 - 15 frames.
  { spec: example('hello'), width: 1080, height: 1920, frames: 120, fps: 30 },
];

describe('render mp4', () => {
  for (const item of CASES) {
    it(`${path.basename(item.spec)} matches the plan`, async () => {
      const dir = await tempDir();
      const out = path.join(dir, 'out.mp4');
      const run = await runCliCapture(['render', '--spec', item.spec, '--out', out]);
      expect(run.stderr).not.toContain('error:');
      expect(run.code).toBe(0);
      const video = await videoStream(out);
      expect(video.codec_name).toBe('h264');
      expect(video.pix_fmt).toBe('yuv420p');
      expect(video.width).toBe(item.width);
      expect(video.height).toBe(item.height);
      expect(video.frameCount).toBe(item.frames);
      expect(video.formatDuration).toBeCloseTo(item.frames / item.fps, 1);
      expect(await partialFiles(dir)).toEqual([]);
    });
  }
});

describe('render other formats', () => {
  const FORMAT_CASES = [
    { spec: reference('positioned'), frames: 90, width: 320, height: 180 },
    { spec: reference('minimal'), frames: 60, width: 1080, height: 1080 },
    { spec: reference('promo'), frames: 24, width: 1080, height: 1920, flags: ['--frames', '24'] },
    { spec: example('hello'), frames: 24, width: 1080, height: 1920, flags: ['--frames', '24'] },
  ];
  for (const item of FORMAT_CASES) {
    it(`${path.basename(item.spec)} as gif`, async () => {
      const dir = await tempDir();
      const out = path.join(dir, 'out.gif');
      const run = await runCliCapture(['render', '--spec', item.spec, '--format', 'gif', '--out', out, ...(item.flags ?? [])]);
      expect(run.code).toBe(0);
      const video = await videoStream(out);
      expect(video.codec_name).toBe('gif');
      expect(video.width).toBe(item.width);
      expect(video.height).toBe(item.height);
      // The gif is resampled from 30 to 15 fps, so it contains half the frames over the same duration.
      expect(video.frameCount).toBe(Math.ceil(item.frames / 2));
      expect(video.formatDuration).toBeCloseTo(item.frames / 30, 1);
    });

    it(`${path.basename(item.spec)} as transparent webm`, async () => {
      const dir = await tempDir();
      const out = path.join(dir, 'out.webm');
      const run = await runCliCapture(['render', '--spec', item.spec, '--format', 'transparent', '--out', out, ...(item.flags ?? [])]);
      expect(run.code).toBe(0);
      const video = await videoStream(out);
      expect(video.codec_name).toBe('vp9');
      expect(hasAlphaTag(video)).toBe(true);
      expect(video.width).toBe(item.width);
      expect(video.height).toBe(item.height);
      expect(video.frameCount).toBe(item.frames);
      expect(video.formatDuration).toBeCloseTo(item.frames / 30, 1);
    });

    it(`${path.basename(item.spec)} as image sequence`, async () => {
      const dir = await tempDir();
      const out = path.join(dir, 'frames');
      const flags = item.flags ?? ['--frames', String(Math.min(item.frames, 12))];
      const expectedFrames = Math.min(item.frames, Number(flags[1]));
      const run = await runCliCapture(['render', '--spec', item.spec, '--format', 'imageSequence', '--out', out, ...flags]);
      expect(run.code).toBe(0);
      const files = (await readdir(out)).sort();
      expect(files).toHaveLength(expectedFrames);
      expect(files[0]).toBe('frame_000001.png');
      const first = await videoStream(path.join(out, files[0] ?? ''));
      expect(first.codec_name).toBe('png');
      expect(first.width).toBe(item.width);
      expect(first.height).toBe(item.height);
    });
  }
});

describe('render pixels', () => {
  it('promo gradient corners and the faded-in title', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'promo.mp4');
    const run = await runCliCapture(['render', '--spec', reference('promo'), '--out', out]);
    expect(run.code).toBe(0);

    // topCenter #2c3e50 to bottomCenter #000000.
    const first = await readFrameRgba(out, 0, 1080, 1920);
    expectColorNear(pixelAt(first, 1080, 540, 4), [0x2c, 0x3e, 0x50, 255], 10);
    expectColorNear(pixelAt(first, 1080, 540, 1915), [0, 0, 0, 255], 10);

    // The title fades in from 0.5s to 2s: nothing of it before, full white after.
    const centreRow = (frame: Uint8Array): number => {
      let brightest = 0;
      for (let x = 100; x < 980; x += 1) brightest = Math.max(brightest, pixelAt(frame, 1080, x, 960)[0]);
      return brightest;
    };
    expect(centreRow(await readFrameRgba(out, 10, 1080, 1920))).toBeLessThan(60);
    expect(centreRow(await readFrameRgba(out, 90, 1080, 1920))).toBeGreaterThan(235);
  });

  it('hello crossFade midpoint mixes both scenes', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'hello.mp4');
    const run = await runCliCapture(['render', '--spec', example('hello'), '--out', out]);
    expect(run.code).toBe(0);
    // Scene 2 starts at frame 60 and blends in over 15 frames; p = (f - 60 + 1) / 15, so 0.533 at frame 67.
    const before = pixelAt(await readFrameRgba(out, 59, 1080, 1920), 1080, 20, 20);
    const after = pixelAt(await readFrameRgba(out, 80, 1080, 1920), 1080, 20, 20);
    const middle = pixelAt(await readFrameRgba(out, 67, 1080, 1920), 1080, 20, 20);
    for (let channel = 0; channel < 3; channel += 1) {
      const expected = before[channel]! + (after[channel]! - before[channel]!) * (8 / 15);
      expect(Math.abs(middle[channel]! - expected)).toBeLessThan(12);
    }
  });
});

describe('render output and errors', () => {
  it('defaults the output name to the spec name and writes the poster', async () => {
    const dir = await tempDir();
    await copyFile(reference('positioned'), path.join(dir, 'positioned.fluvie.json'));
    const run = await runCliCapture(['render', '--spec', 'positioned.fluvie.json', '--poster', '45f'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Wrote ${path.join(dir, 'positioned.mp4')}`);
    const poster = await videoStream(path.join(dir, 'positioned.poster.png'));
    expect(poster.codec_name).toBe('png');
    expect(poster.width).toBe(320);
  });

  it('prints NDJSON events with --json', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out.mp4');
    const run = await runCliCapture(['render', '--spec', reference('positioned'), '--out', out, '--json']);
    expect(run.code).toBe(0);
    const events = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; [key: string]: unknown });
    expect(events[0]?.type).toBe('start');
    expect(events.at(-1)).toMatchObject({ type: 'done', output: out, frames: 90, durationSeconds: 3 });
    expect(events.some((event) => event.type === 'progress')).toBe(true);
    expect(events.every((event) => ['start', 'progress', 'warning', 'done'].includes(event.type))).toBe(true);
  });

  it('reports an invalid spec with its path and exit 1', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'bad.fluvie.json');
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(file, JSON.stringify({ fluvieSpec: 1, scenes: [{ duration: '0f', children: [] }] })),
    );
    const run = await runCliCapture(['render', '--spec', file, '--out', path.join(dir, 'out.mp4')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('scenes[0].duration');
    expect(existsSync(path.join(dir, 'out.mp4'))).toBe(false);
  });

  it('reports an --json error event', async () => {
    const dir = await tempDir();
    const run = await runCliCapture(['render', '--spec', path.join(dir, 'missing.fluvie.json'), '--json']);
    expect(run.code).toBe(1);
    const last = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { type: string; code: string; message: string };
    expect(last.type).toBe('error');
    expect(last.message).toContain('missing.fluvie.json');
    expect(run.stderr).toBe('');
  });

  it('rejects a bad --format value as a usage error', async () => {
    const run = await runCliCapture(['render', '--spec', reference('minimal'), '--format', 'avi']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('avi');
    expect(run.stderr).toContain('mp4');
  });

  it('rejects a bad --frames value as a usage error', async () => {
    const run = await runCliCapture(['render', '--spec', reference('minimal'), '--frames', '-3']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('-3');
  });

  it('rejects a bad --poster time as a usage error', async () => {
    const run = await runCliCapture(['render', '--spec', reference('minimal'), '--poster', 'soon']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('"soon"');
  });

  it('needs --spec or a key', async () => {
    const run = await runCliCapture(['render']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('--spec');
  });

  it('fails before drawing when ffmpeg is missing', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out.mp4');
    const run = await runCliCapture(['render', '--spec', reference('minimal'), '--out', out, '--ffmpeg', path.join(dir, 'no-ffmpeg')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(path.join(dir, 'no-ffmpeg'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects an output that is an existing folder before drawing', async () => {
    const dir = await tempDir();
    const run = await runCliCapture(['render', '--spec', reference('positioned'), '--out', dir, '--json']);
    expect(run.code).toBe(1);
    const last = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { type: string; code: string; message: string };
    expect(last).toMatchObject({ type: 'error', code: 'output_failed' });
    expect(last.message).toContain('is a folder');
    expect(run.stdout).not.toContain('"type":"progress"');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops cleanly when aborted mid-render', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out.mp4');
    const controller = new AbortController();
    const pending = runCliCapture(['render', '--spec', reference('promo'), '--out', out, '--json'], { signal: controller.signal });
    // Abort once ffmpeg has started on a few frames.
    for (let attempt = 0; attempt < 200 && (await runningDescendants('ffmpeg')).length === 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    controller.abort();
    const run = await pending;
    expect(run.code).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
    expect(await runningDescendants('ffmpeg')).toEqual([]);
  });
});
