import { describe, expect, it } from 'vitest';
import { capture, parseSpec, pixel } from './native-helpers.js';

const WHITE = [255, 255, 255, 255];
const BLACK = [0, 0, 0, 255];
const GREY = [16, 16, 16, 255];

/**
 * Renders `frames` of a 100×100 black scene with a 10 px white hero centred at (25, 50), then a
 * grey scene with a 30 px hero centred at (75, 50). The scenes are joined by `transition`, by
 * default a 4-frame crossFade whose blend frames are 6-9.
 */
async function heroFrames(frames: number[], options: { transition?: Record<string, unknown>; source?: Record<string, unknown>; target?: Record<string, unknown> } = {}): Promise<Uint8Array[]> {
  const hero = (transform: Record<string, number>, extra: Record<string, unknown> = {}) => ({ type: 'Box', color: '#FFFFFFFF', shared: 'hero', transform, ...extra });
  const spec = parseSpec({
    fluvieSpec: 1,
    size: { width: 100, height: 100 },
    fps: 10,
    transition: options.transition ?? { kind: 'crossFade', duration: '4f' },
    scenes: [
      { duration: '10f', background: { kind: 'color', color: '#FF000000' }, children: [hero({ x: 0.25, y: 0.5, w: 0.1, h: 0.1 }, options.source)] },
      { duration: '10f', background: { kind: 'color', color: '#FF101010' }, children: [hero({ x: 0.75, y: 0.5, w: 0.3, h: 0.3 }, options.target)] },
    ],
  });
  const { stream } = await capture(spec);
  const out: Uint8Array[] = [];
  for (const frame of frames) out.push(new Uint8Array(await stream.renderFrame!(frame)));
  return out;
}

describe('shared-element morph', () => {
  it('hero travels between the two rects', async () => {
    // Frame 7: p = 2/4, so the rect is x 40..60, y 40..60; neither slot is drawn in its scene.
    const [frame] = await heroFrames([7]);
    expect(pixel(frame!, 100, 50, 50)).toEqual(WHITE);
    expect(pixel(frame!, 100, 41, 41)).toEqual(WHITE);
    expect(pixel(frame!, 100, 38, 50)).not.toEqual(WHITE);
    expect(pixel(frame!, 100, 25, 50)).not.toEqual(WHITE);
    expect(pixel(frame!, 100, 75, 50)).not.toEqual(WHITE);
  });

  it('slots show in their scenes outside the blend', async () => {
    const [before, after] = await heroFrames([5, 10]);
    expect(pixel(before!, 100, 25, 50)).toEqual(WHITE);
    expect(pixel(before!, 100, 50, 50)).toEqual(BLACK);
    expect(pixel(after!, 100, 75, 50)).toEqual(WHITE);
    expect(pixel(after!, 100, 50, 50)).toEqual(GREY);
  });

  it('last blend frame lands on the target rect', async () => {
    const [frame] = await heroFrames([9]);
    expect(pixel(frame!, 100, 61, 36)).toEqual(WHITE);
    expect(pixel(frame!, 100, 58, 50)).toEqual(GREY);
  });

  it('opacity lerps between the slots', async () => {
    // The target slot is faded to 0 by its own keyframe, so on frame 7 the clone is at opacity 0.5.
    const [frame] = await heroFrames([7], { target: { animate: [{ from: { opacity: 0 }, to: { opacity: 0 }, duration: '1f' }] } });
    const [r] = pixel(frame!, 100, 50, 50);
    // Over the crossFade of black and grey (about 8) a half-white clone gives about 132.
    expect(Math.abs(r - 132)).toBeLessThanOrEqual(3);
  });

  it('rotated slot morphs from its bounds', async () => {
    // A 10 px square turned 45° spans 14.1 px, so on frame 6 (p = 1/4) the rect starts at x 28.4, not 30.
    const [rotated] = await heroFrames([6], { source: { transform: { x: 0.25, y: 0.5, w: 0.1, h: 0.1, rotation: 45 } } });
    const [upright] = await heroFrames([6]);
    expect(pixel(rotated!, 100, 29, 50)).toEqual(WHITE);
    expect(pixel(upright!, 100, 29, 50)).not.toEqual(WHITE);
    expect(pixel(upright!, 100, 31, 50)).toEqual(WHITE);
  });

  it('hero inside a child prop morphs', async () => {
    // The target hero is a TitleCard's child, which fills the card's box x 60..90, y 35..65.
    const spec = parseSpec({
      fluvieSpec: 1,
      size: { width: 100, height: 100 },
      fps: 10,
      transition: { kind: 'crossFade', duration: '4f' },
      scenes: [
        { duration: '10f', background: { kind: 'color', color: '#FF000000' }, children: [{ type: 'Box', color: '#FFFFFFFF', shared: 'hero', transform: { x: 0.25, y: 0.5, w: 0.1, h: 0.1 } }] },
        { duration: '10f', background: { kind: 'color', color: '#FF101010' }, children: [{ type: 'TitleCard', title: '', transform: { x: 0.75, y: 0.5, w: 0.3, h: 0.3 }, child: { type: 'Box', color: '#FFFFFFFF', shared: 'hero' } }] },
      ],
    });
    const { stream } = await capture(spec);
    const frame = await stream.renderFrame!(7);
    expect(pixel(frame, 100, 50, 50)).toEqual(WHITE);
    expect(pixel(frame, 100, 75, 50)).not.toEqual(WHITE);
  });

  it('cut boundary does not morph', async () => {
    const [frame] = await heroFrames([10], { transition: { kind: 'cut' } });
    expect(pixel(frame!, 100, 75, 50)).toEqual(WHITE);
    expect(pixel(frame!, 100, 50, 50)).toEqual(GREY);
  });
});
