import { describe, expect, it } from 'vitest';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

function brightest(frame: Uint8Array, x0: number, y0: number, x1: number, y1: number): number {
  let max = 0;
  for (let y = y0; y < y1; y += 1) for (let x = x0; x < x1; x += 1) max = Math.max(max, pixel(frame, 320, x, y)[0]);
  return max;
}

describe('TitleCard frames', () => {
  it('fades the block in over reveal', async () => {
    const { stream } = await capture(sceneOf([{ type: 'TitleCard', title: 'Title', reveal: '10f' }]));
    expect(brightest(await stream.renderFrame!(0), 100, 60, 220, 120)).toBe(32);
    const half = brightest(await stream.renderFrame!(5), 100, 60, 220, 120);
    expect(half).toBeGreaterThan(110);
    expect(half).toBeLessThan(160);
    expect(brightest(await stream.renderFrame!(10), 100, 60, 220, 120)).toBe(255);
  });
});

describe('LowerThird frames', () => {
  it('bar sits 48 px above the bottom and slides in 64 px', async () => {
    const { stream } = await capture(sceneOf([{ type: 'LowerThird', name: 'Ada', reveal: '10f' }]));
    const done = await stream.renderFrame!(10);
    // Bar: 22 px name line (≈25.8 px) plus 2 × 12 padding, bottom edge at 180 − 48 = 132.
    expect(pixel(done, 320, 300, 130)).not.toEqual([32, 36, 40, 255]);
    expect(pixel(done, 320, 300, 134)).toEqual([32, 36, 40, 255]);
    const start = await stream.renderFrame!(0);
    // At progress 0 the bar is shifted 64 px left, so its right end leaves a gap.
    expect(pixel(start, 320, 300, 130)).toEqual([32, 36, 40, 255]);
    expect(pixel(start, 320, 250, 130)).not.toEqual([32, 36, 40, 255]);
  });
});
