/**
 * Clip elements and video backgrounds end to end: a test clip that is red for 1 s and then blue
 * for 1 s, rendered through the CLI and checked by decoded pixels, audio streams and processes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
