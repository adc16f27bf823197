/**
 * What the native engine paints above the scenes: video overlays on the video clock, over every
 * scene and blend, and, end to end through the CLI, overlays with the other scene-level features.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCapture } from '../../../helpers/cli.js';
import { expectColorNear, pixelAt, readFrameRgba, videoStream } from '../../../helpers/media.js';
import { capture, parseSpec, pixel } from './native-helpers.js';

const RED = [255, 0, 0, 255];
const BLUE = [0, 0, 255, 255];
const WHITE = [255, 255, 255, 255];

/** Two 10-frame scenes (red, blue) joined by a 4-frame wipe: 16 frames, blend frames 6-9. */
function twoScenes(overlays: unknown[]): ReturnType<typeof parseSpec> {
  return parseSpec({
    fluvieSpec: 1,
    size: { width: 100, height: 100 },
    fps: 10,
    transition: { kind: 'wipe', duration: '4f' },
    overlays,
    scenes: [
      { duration: '10f', background: { kind: 'color', color: '#FFFF0000' } },
      { duration: '10f', background: { kind: 'color', color: '#FF0000FF' } },
    ],
  });
}

const corner = { type: 'Box', color: '#FFFFFFFF', transform: { x: 0.9, y: 0.1, w: 0.2, h: 0.2 } };

describe('video overlays', () => {
  it('overlay is drawn over every scene and blend', async () => {
    const { stream } = await capture(twoScenes([corner]));
    for (const frame of [0, 7, 15]) {
      const pixels = await stream.renderFrame!(frame);
      expect(pixel(pixels, 100, 90, 10)).toEqual(WHITE);
    }
    expect(pixel(await stream.renderFrame!(15), 100, 50, 50)).toEqual(BLUE);
  });

  it('show window measures the whole video', async () => {
    // from 0.5r of 16 frames = frame 8, to 12f: visible on frames 8-11, across the boundary.
    const { stream } = await capture(twoScenes([{ ...corner, show: { from: '0.5r', to: '12f' } }]));
    expect(pixel(await stream.renderFrame!(7), 100, 90, 10)).toEqual(RED);
    expect(pixel(await stream.renderFrame!(8), 100, 90, 10)).toEqual(WHITE);
    expect(pixel(await stream.renderFrame!(11), 100, 90, 10)).toEqual(WHITE);
    expect(pixel(await stream.renderFrame!(12), 100, 90, 10)).toEqual(BLUE);
  });

  it('overlay animations run on the video clock', async () => {
    const { stream } = await capture(twoScenes([{ ...corner, animate: [{ preset: 'fadeIn', duration: '10f', ease: 'linear', at: { kind: 'at', time: '4f' } }] }]));
    expect(pixel(await stream.renderFrame!(3), 100, 90, 10)).toEqual(RED);
    // Frame 9 is half way through the fade (frames 4-14) and the last wipe frame, so white at 0.5 over blue.
    const [r, g, b] = pixel(await stream.renderFrame!(9), 100, 90, 10);
    expect(Math.abs(r - 128)).toBeLessThanOrEqual(1);
    expect(Math.abs(g - 128)).toBeLessThanOrEqual(1);
    expect(b).toBe(255);
  });
});

describe('scene-level features end to end', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fluvie-video-layers-'));
  });
  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('theme, master, overlay, child and morph render to mp4', async () => {
    const spec = {
      fluvieSpec: 1,
      size: { width: 96, height: 96 },
      fps: 10,
      theme: { palette: { bg: '#FF203040', accent: '#FFFF0000' } },
      masters: { deck: { background: { kind: 'color', color: { token: 'bg' } }, children: [{ type: 'Placeholder', slot: 'badge', transform: { x: 0.1, y: 0.9, w: 0.2, h: 0.2 } }] } },
      overlays: [{ type: 'Box', color: { token: 'accent' }, transform: { x: 0.9, y: 0.1, w: 0.2, h: 0.2 } }],
      transition: { kind: 'crossFade', duration: '4f' },
      scenes: [
        { duration: '10f', master: 'deck', fills: { badge: { type: 'Box', color: '#FFFFFF00' } }, children: [{ type: 'Box', color: '#FFFFFFFF', shared: 'hero', transform: { x: 0.25, y: 0.5, w: 0.125, h: 0.125 } }] },
        {
          duration: '10f',
          background: { kind: 'color', color: '#FF000000' },
          children: [
            { type: 'Box', color: '#FFFFFFFF', shared: 'hero', transform: { x: 0.75, y: 0.5, w: 0.25, h: 0.25 } },
            { type: 'Spotlight', region: { x: 0, y: 0, w: 0, h: 0 }, color: '#00000000', transform: { x: 0.5, y: 0.1, w: 0.2, h: 0.2 }, child: { type: 'Box', color: '#FF00FFFF', show: { from: '5f' } } },
          ],
        },
      ],
    };
    const specFile = path.join(dir, 'layers.fluvie.json');
    await writeFile(specFile, JSON.stringify(spec));
    const out = path.join(dir, 'layers.mp4');
    const run = await runCliCapture(['render', '--spec', specFile, '--out', out]);
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);

    const video = await videoStream(out);
    expect(video.codec_name).toBe('h264');
    expect([video.width, video.height]).toEqual([96, 96]);
    expect(video.frameCount).toBe(16);

    const frame = async (index: number): Promise<Uint8Array> => readFrameRgba(out, index, 96, 96);
    const first = await frame(2);
    expectColorNear(pixelAt(first, 96, 48, 48), [0x20, 0x30, 0x40, 255], 10);
    expectColorNear(pixelAt(first, 96, 9, 86), [255, 255, 0, 255], 12);
    expectColorNear(pixelAt(first, 96, 86, 9), [255, 0, 0, 255], 12);
    expectColorNear(pixelAt(first, 96, 24, 48), [255, 255, 255, 255], 12);
    // Blend frame 7 (p = 1/2): the hero rect spans x 36..60, y 36..60.
    expectColorNear(pixelAt(await frame(7), 96, 48, 48), [255, 255, 255, 255], 12);
    // Scene 2 starts at frame 6, so its child shows from frame 11.
    expectColorNear(pixelAt(await frame(10), 96, 48, 9), [0, 0, 0, 255], 12);
    expectColorNear(pixelAt(await frame(12), 96, 48, 9), [0, 255, 255, 255], 12);
    expectColorNear(pixelAt(await frame(12), 96, 86, 9), [255, 0, 0, 255], 12);
  });
});
