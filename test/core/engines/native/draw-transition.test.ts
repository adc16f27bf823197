import { describe, expect, it } from 'vitest';
import { capture, parseSpec, pixel } from './native-helpers.js';

const RED = [255, 0, 0, 255];
const BLUE = [0, 0, 255, 255];

/** A 100×40 red scene then a blue scene, joined by `transition` over 4 frames (blend frames 16–19). */
async function blendFrame(transition: Record<string, unknown>, frame: number): Promise<Uint8Array> {
  const spec = parseSpec({
    fluvieSpec: 1,
    size: { width: 100, height: 40 },
    transition: { duration: '4f', ...transition },
    scenes: [
      { duration: '20f', background: { kind: 'color', color: '#FF0000' } },
      { duration: '20f', background: { kind: 'color', color: '#0000FF' } },
    ],
  });
  const { stream } = await capture(spec);
  return stream.renderFrame(frame);
}

describe('scene transitions', () => {
  it('wipe right grows the incoming rect from the left edge', async () => {
    // Frame 17: p = 2/4, so the incoming scene covers x < 50.
    const frame = await blendFrame({ kind: 'wipe' }, 17);
    expect(pixel(frame, 100, 49, 20)).toEqual(BLUE);
    expect(pixel(frame, 100, 50, 20)).toEqual(RED);
  });

  it('wipe left and top grow from the far edge', async () => {
    const left = await blendFrame({ kind: 'wipe', direction: 'left' }, 16);
    expect(pixel(left, 100, 74, 20)).toEqual(RED);
    expect(pixel(left, 100, 75, 20)).toEqual(BLUE);
    const top = await blendFrame({ kind: 'wipe', direction: 'top' }, 16);
    expect(pixel(top, 100, 50, 29)).toEqual(RED);
    expect(pixel(top, 100, 50, 30)).toEqual(BLUE);
  });

  it('slide from right moves both scenes left', async () => {
    // Frame 16: e = 0.25, so the incoming scene starts at x = 75.
    const frame = await blendFrame({ kind: 'slide' }, 16);
    expect(pixel(frame, 100, 74, 20)).toEqual(RED);
    expect(pixel(frame, 100, 75, 20)).toEqual(BLUE);
  });

  it('slide from bottom moves the incoming scene up', async () => {
    const frame = await blendFrame({ kind: 'slide', from: 'bottom' }, 17);
    expect(pixel(frame, 100, 50, 19)).toEqual(RED);
    expect(pixel(frame, 100, 50, 20)).toEqual(BLUE);
  });

  it('zoom fades the scaled outgoing scene over the incoming', async () => {
    // Frame 17: e = 0.5, outgoing red at opacity 0.5 over blue.
    const frame = await blendFrame({ kind: 'zoom' }, 17);
    const [r, g, b, a] = pixel(frame, 100, 50, 20);
    expect(Math.abs(r - 128)).toBeLessThanOrEqual(1);
    expect(g).toBe(0);
    expect(Math.abs(b - 127)).toBeLessThanOrEqual(1);
    expect(a).toBe(255);
  });

  it('zoom scales the outgoing scene about the into point', async () => {
        const spec = parseSpec({
      fluvieSpec: 1,
      size: { width: 100, height: 100 },
      transition: { kind: 'zoom', duration: '4f' },
      scenes: [
        {
          duration: '20f',
          background: { kind: 'color', color: '#000000' },
          children: [{ type: 'Box', color: '#FFFFFF', transform: { x: 0.5, y: 0.5, w: 0.2, h: 0.2 } }],
        },
        { duration: '20f', background: { kind: 'color', color: '#000000' } },
      ],
    });
    const { stream } = await capture(spec);
    // A 20 px white square at the centre; frame 16: e = 0.25, scale 1.25, so it spans 37.5..62.5 at opacity 0.75.
    const frame = await stream.renderFrame(16);
    expect(pixel(frame, 100, 36, 50)[0]).toBe(0);
    expect(pixel(frame, 100, 37, 50)[0]).toBe(96);
    expect(pixel(frame, 100, 38, 50)[0]).toBe(191);
    expect(pixel(frame, 100, 61, 50)[0]).toBe(191);
    expect(pixel(frame, 100, 62, 50)[0]).toBe(96);
    expect(pixel(frame, 100, 63, 50)[0]).toBe(0);
  });

  it('blend ends on the incoming scene alone', async () => {
    expect(pixel(await blendFrame({ kind: 'wipe' }, 20), 100, 99, 39)).toEqual(BLUE);
    expect(pixel(await blendFrame({ kind: 'slide' }, 19), 100, 0, 0)).toEqual(BLUE);
  });
});
