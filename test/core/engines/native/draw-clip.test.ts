/**
 * Clip elements and video backgrounds end to end: a test clip that is red for 1 s and then blue
 * for 1 s, rendered through the CLI and checked by decoded pixels, audio streams and processes.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCapture } from '../../../helpers/cli.js';
import { expectColorNear, ffprobeJson, pixelAt, readFrameRgba, runningDescendants, type Rgba } from '../../../helpers/media.js';

const RED: Rgba = [255, 0, 0, 255];
const BLUE: Rgba = [0, 0, 255, 255];
const GREEN: Rgba = [0, 255, 0, 255];
const SIZE = 64;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fluvie-clip-'));
  await execa('ffmpeg', [
    '-v', 'error',
    '-filter_complex', 'color=c=red:s=64x48:d=1:r=30[a];color=c=blue:s=64x48:d=1:r=30[b];[a][b]concat=n=2:v=1:a=0[v];sine=frequency=440:duration=2[au]',
    '-map', '[v]', '-map', '[au]', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac',
    path.join(dir, 'rb.mp4'),
  ]);
}, 60_000);

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

/** Renders a 2 s spec with one scene holding `clip` (or a video background) and returns the mp4. */
async function render(name: string, scene: Record<string, unknown>, flags: string[] = []): Promise<string> {
  const spec = { fluvieSpec: 1, size: { width: SIZE, height: SIZE }, fps: 30, scenes: [{ duration: '2s', background: { kind: 'color', color: '#00FF00' }, ...scene }] };
  const specFile = path.join(dir, `${name}.fluvie.json`);
  await writeFile(specFile, JSON.stringify(spec));
  const out = path.join(dir, `${name}.mp4`);
  const run = await runCliCapture(['render', '--spec', specFile, '--out', out, ...flags]);
  expect(run.stderr).not.toContain('error');
  expect(run.code).toBe(0);
  return out;
}

const clip = (props: Record<string, unknown> = {}): Record<string, unknown> => ({
  children: [{ type: 'Clip', source: { kind: 'asset', value: 'rb.mp4' }, fit: 'fill', ...props }],
});

async function centre(file: string, frame: number): Promise<Rgba> {
  return pixelAt(await readFrameRgba(file, frame, SIZE, SIZE), SIZE, SIZE / 2, SIZE / 2);
}

describe('Clip element', () => {
  it('plays the clip in order', async () => {
    const out = await render('plain', clip());
    expectColorNear(await centre(out, 10), RED, 24);
    expectColorNear(await centre(out, 45), BLUE, 24);
  });

  it('fit contain letterboxes', async () => {
    const out = await render('contain', clip({ fit: 'contain' }));
    expectColorNear(pixelAt(await readFrameRgba(out, 10, SIZE, SIZE), SIZE, SIZE / 2, 2), GREEN, 24);
    expectColorNear(await centre(out, 10), RED, 24);
  });

  it('trim starts later in the source', async () => {
    const out = await render('trim', clip({ trim: { from: '1s' } }));
    expectColorNear(await centre(out, 10), BLUE, 24);
  });

  it('negative speed plays backwards', async () => {
    const out = await render('reverse', clip({ speed: -1 }));
    expectColorNear(await centre(out, 10), BLUE, 24);
    expectColorNear(await centre(out, 45), RED, 24);
  });

  it('speed 2 reaches the second half sooner', async () => {
    const out = await render('fast', clip({ speed: 2 }));
    expectColorNear(await centre(out, 5), RED, 24);
    expectColorNear(await centre(out, 20), BLUE, 24);
  });

  it('fadeIn starts transparent', async () => {
    const out = await render('fade', clip({ fadeIn: '1s' }));
    expectColorNear(await centre(out, 0), GREEN, 24);
    const middle = await centre(out, 15);
    expect(middle[0]).toBeGreaterThan(90);
    expect(middle[1]).toBeGreaterThan(90);
  });

  it('mixes the embedded audio', async () => {
    const out = await render('audio', clip({ volume: 0.5 }));
    const audio = (await ffprobeJson(out)).streams.find((stream) => stream.codec_type === 'audio');
    expect(audio?.codec_name).toBe('aac');
    expect(Number(audio?.duration)).toBeCloseTo(2, 1);
  });

  it('leaves no decoder running', async () => {
    // At a quarter speed the decoder has 8 s of frames for the 2 s scene, so it is still running when the render ends.
    await render('cleanup', clip({ speed: 0.25 }));
    expect(await runningDescendants(/ffmpeg/)).toEqual([]);
  });
});

describe('video background', () => {
  it('covers the canvas with the clip', async () => {
    const out = await render('background', { background: { kind: 'video', source: 'rb.mp4' } });
    expectColorNear(pixelAt(await readFrameRgba(out, 10, SIZE, SIZE), SIZE, 1, 1), RED, 24);
    expectColorNear(await centre(out, 50), BLUE, 24);
  });
});

describe('Clip speed ramp', () => {
  const RAMP_SIZE = 32;
  const SOURCE_FPS = 30;
  let rampDir = '';

  beforeAll(async () => {
    rampDir = await mkdtemp(path.join(tmpdir(), 'fluvie-ramp-'));
    // Two seconds whose grey level is 4 × the source frame index. The audio is a faint 97 Hz hum
    // (−60 dB, below the silence threshold) for the first second and a loud tone after it.
    await execa('ffmpeg', [
      '-v', 'error',
      '-f', 'lavfi', '-i', `color=c=black:s=${RAMP_SIZE}x${RAMP_SIZE}:r=${SOURCE_FPS}:d=2,format=gray,geq=lum='N*4'`,
      '-f', 'lavfi', '-i', "aevalsrc='if(lt(t,1),0.001*sin(2*PI*97*t),0.5*sin(2*PI*440*t))':s=48000:d=2",
      '-c:v', 'libx264', '-qp', '0', '-pix_fmt', 'yuv444p', '-c:a', 'aac', '-shortest',
      path.join(rampDir, 'counter.mp4'),
    ]);
  }, 60_000);

  afterAll(async () => {
    if (rampDir !== '') await rm(rampDir, { recursive: true, force: true });
  });

  /** Renders a 1 s scene whose full-canvas clip plays at `speed`; returns the output path. */
  async function renderRamp(name: string, speed: unknown, format: 'imageSequence' | 'mp4', volume = 0, flags: string[] = []): Promise<string> {
    const spec = {
      fluvieSpec: 1,
      size: { width: RAMP_SIZE, height: RAMP_SIZE },
      fps: 30,
      scenes: [{ duration: '1s', children: [{ type: 'Clip', source: { kind: 'asset', value: 'counter.mp4' }, fit: 'fill', speed, volume }] }],
    };
    const specFile = path.join(rampDir, `${name}.fluvie.json`);
    await writeFile(specFile, JSON.stringify(spec));
    const out = path.join(rampDir, format === 'mp4' ? `${name}.mp4` : name);
    const run = await runCliCapture(['render', '--spec', specFile, '--out', out, '--format', format, ...flags]);
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    return out;
  }

  /** Returns the grey level of the centre of PNG frame `index` (0-based) of an image sequence. */
  async function grey(folder: string, index: number): Promise<number> {
    const files = (await readdir(folder)).filter((file) => file.endsWith('.png')).sort();
    return pixelAt(await readFrameRgba(path.join(folder, files[index]!), 0, RAMP_SIZE, RAMP_SIZE), RAMP_SIZE, RAMP_SIZE / 2, RAMP_SIZE / 2)[0];
  }

  it('shows the source frame of the integrated clock', async () => {
    // Rate 1 → 3 over the second: the source clock is t + t², so output frame k shows source frame floor(30(t + t²)).
    const out = await renderRamp('ramp', { values: [1, 3], positions: ['0s', '1s'] }, 'imageSequence');
    for (const frame of [0, 6, 15, 24, 29]) {
      const t = frame / 30;
      const sourceFrame = Math.floor(SOURCE_FPS * (t + t * t) + 1e-6);
      expect(Math.abs((await grey(out, frame)) - 4 * sourceFrame), `output frame ${frame}`).toBeLessThanOrEqual(1);
    }
  });

  it('differs from the constant first rate', async () => {
    const out = await renderRamp('flat', 1, 'imageSequence');
    expect(Math.abs((await grey(out, 24)) - 4 * 24)).toBeLessThanOrEqual(1);
  });

  it('reports audible ramp audio as approximate', async () => {
    const specFile = path.join(rampDir, 'strict.fluvie.json');
    const clipElement = { type: 'Clip', source: { kind: 'asset', value: 'counter.mp4' }, speed: { values: [1, 3], positions: ['0s', '1s'] } };
    await writeFile(specFile, JSON.stringify({ fluvieSpec: 1, size: { width: RAMP_SIZE, height: RAMP_SIZE }, scenes: [{ duration: '1s', children: [clipElement] }] }));
    const run = await runCliCapture(['render', '--spec', specFile, '--out', path.join(rampDir, 'strict.mp4')]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('scenes[0].children[0].speed: clip audio under a speed ramp');
  });

  it('moves the clip audio with the ramp', async () => {
    // The tone starts at source second 1; under the ramp that is output time (√5 − 1) / 2 ≈ 0.618 s,
    // against 1 s at a constant rate. atempo follows the ramp only to within tens of milliseconds.
    const out = await renderRamp('ramp-audio', { values: [1, 3], positions: ['0s', '1s'] }, 'mp4', 1, ['--allow-unsupported']);
    const media = await ffprobeJson(out);
    expect(Number(media.streams.find((stream) => stream.codec_type === 'audio')?.duration)).toBeCloseTo(1, 1);
    const detect = await execa('ffmpeg', ['-v', 'info', '-i', out, '-af', 'silencedetect=noise=-40dB:d=0.1', '-f', 'null', '-'], { stdin: 'ignore' });
    const end = /silence_end: ([\d.]+)/.exec(detect.stderr);
    expect(end, detect.stderr).not.toBeNull();
    expect(Number(end![1])).toBeGreaterThan(0.53);
    expect(Number(end![1])).toBeLessThan(0.7);
  });
});
