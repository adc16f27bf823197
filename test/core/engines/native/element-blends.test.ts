/**
 * Element transitions end to end: two one-second test clips (red, then blue) joined by a scene
 * `transitions` entry, rendered through the CLI and checked with ffprobe and decoded pixels.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCapture } from '../../../helpers/cli.js';
import { expectColorNear, pixelAt, readFrameRgba, videoStream, type Rgba } from '../../../helpers/media.js';

const RED: Rgba = [255, 0, 0, 255];
const BLUE: Rgba = [0, 0, 255, 255];
const GREEN: Rgba = [0, 255, 0, 255];
const SIZE = 64;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fluvie-element-blend-'));
  for (const colour of ['red', 'blue']) {
    await execa('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `color=c=${colour}:s=64x48:d=1:r=30`, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', path.join(dir, `${colour}.mp4`)]);
  }
}, 60_000);

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

/**
 * Renders a 2 s scene on green with clip `a` (red, first second) and `b` (blue, second second)
 * joined by `transition`. With `inGroup` the clips sit in a Group that covers the right half.
 */
async function render(name: string, transition: Record<string, unknown>, inGroup = false): Promise<string> {
  const clip = (id: string, colour: string, show: Record<string, string>) => ({ type: 'Clip', id, source: { kind: 'asset', value: `${colour}.mp4` }, fit: 'fill', show });
  const clips = [clip('a', 'red', { to: '1s' }), clip('b', 'blue', { from: '1s' })];
  const children = inGroup ? [{ type: 'Group', transform: { x: 0.5, y: 0, w: 0.5, h: 1, anchor: 'topLeft' }, children: clips }] : clips;
  const spec = {
    fluvieSpec: 1,
    size: { width: SIZE, height: SIZE },
    fps: 30,
    scenes: [
      {
        duration: '2s',
        background: { kind: 'color', color: '#00FF00' },
        children,
        transitions: [{ duration: '10f', between: ['a', 'b'], ...transition }],
      },
    ],
  };
  const specFile = path.join(dir, `${name}.fluvie.json`);
  await writeFile(specFile, JSON.stringify(spec));
  const out = path.join(dir, `${name}.mp4`);
  const run = await runCliCapture(['render', '--spec', specFile, '--out', out]);
  expect(run.stderr).not.toContain('error');
  expect(run.code).toBe(0);
  return out;
}

async function at(file: string, frame: number, x: number, y = SIZE / 2): Promise<Rgba> {
  return pixelAt(await readFrameRgba(file, frame, SIZE, SIZE), SIZE, x, y);
}

describe('element transitions', () => {
  it('wipe reveals the incoming clip from the left', async () => {
    // Overlap pulls clip b in to frames 20-50; the blend is frames 20-29, half done on frame 24.
    const file = await render('wipe', { kind: 'wipe', direction: 'right' });
    const video = await videoStream(file);
    expect(video.codec_name).toBe('h264');
    expect(video.frameCount).toBe(60);
    expectColorNear(await at(file, 10, 32), RED, 12);
    expectColorNear(await at(file, 24, 12), BLUE, 12);
    expectColorNear(await at(file, 24, 52), RED, 12);
    expectColorNear(await at(file, 35, 32), BLUE, 12);
    // Clip b keeps its one-second length, so it ends at frame 50.
    expectColorNear(await at(file, 55, 32), GREEN, 12);
  });

  it('wipe inside a Group uses the group box', async () => {
    // The group spans x 32..64; half way through the wipe, blue covers x 32..48 and red x 48..64.
    const file = await render('group', { kind: 'wipe', direction: 'right' }, true);
    expectColorNear(await at(file, 24, 40), BLUE, 12);
    expectColorNear(await at(file, 24, 58), RED, 12);
    expectColorNear(await at(file, 24, 16), GREEN, 12);
    expectColorNear(await at(file, 35, 40), BLUE, 12);
  });

  it('crossFade without overlap holds the outgoing clip', async () => {
    // Blend frames 30-39; clip a's window ended at 30, so it shows its held last frame under b.
    const file = await render('hold', { kind: 'crossFade', overlap: false });
    expectColorNear(await at(file, 34, 32), [127, 0, 128, 255], 14);
    expectColorNear(await at(file, 45, 32), BLUE, 12);
    expectColorNear(await at(file, 29, 32), RED, 12);
  });
});
