import { describe, expect, it } from 'vitest';
import { niceCeil } from '../../../../src/core/engines/native/chart-axes.js';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

describe('niceCeil', () => {
  it('rounds up to 1, 2, 5 or 10 times a power of ten', () => {
    expect([niceCeil(7), niceCeil(12), niceCeil(1), niceCeil(0.3), niceCeil(420), niceCeil(0)]).toEqual([10, 20, 1, 0.5, 500, 1]);
  });
});

describe('Chart frames', () => {
  it('bars grow over the default 0.6r reveal in palette order', async () => {
    // A 2 s scene: 0.6r is 36 frames. Bar B (value 10 of a 10 top) reaches the top gridline.
    const { stream } = await capture(sceneOf([{ type: 'Chart', variant: 'bar', data: { A: 5, B: 10 } }]));
    const before = await stream.renderFrame!(0);
    const done = await stream.renderFrame!(36);
    // Band centres of two bars over the 304 px plot: x = 84 and 236.
    expect(pixel(before, 320, 84, 120)).toEqual([32, 36, 40, 255]);
    expect(pixel(done, 320, 84, 120)).toEqual([0x6c, 0x5c, 0xe7, 255]);
    expect(pixel(done, 320, 236, 20)).toEqual([0x00, 0xb8, 0x94, 255]);
    expect(pixel(done, 320, 84, 30)).toEqual([32, 36, 40, 255]);
  });

  it('pie starts at 12 o clock and runs clockwise', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Chart', variant: 'pie', data: { A: 1, B: 3 } }]));
    const frame = await stream.renderFrame!(40);
    // A covers the first quarter (12 to 3 o'clock), B the rest.
    expect(pixel(frame, 320, 180, 60)).toEqual([0x6c, 0x5c, 0xe7, 255]);
    expect(pixel(frame, 320, 140, 60)).toEqual([0x00, 0xb8, 0x94, 255]);
  });

  it('donut leaves the inner radius empty', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Chart', variant: 'donut', innerRadius: 0.5, data: { A: 1 } }]));
    const frame = await stream.renderFrame!(40);
    expect(pixel(frame, 320, 160, 90)).toEqual([32, 36, 40, 255]);
    expect(pixel(frame, 320, 160, 90 - 70)).toEqual([0x6c, 0x5c, 0xe7, 255]);
  });

  it('area fills at 0.55 with no outline', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Chart', variant: 'area', series: [{ name: 'a', data: { x: 1, y: 1 } }] }]));
    const frame = await stream.renderFrame!(40);
    // The palette's first colour at 0.55 over the #202428 background, inside the filled region.
    const inside = pixel(frame, 320, 160, 100);
    expect(Math.abs(inside[0] - 74)).toBeLessThanOrEqual(1);
    expect(Math.abs(inside[1] - 67)).toBeLessThanOrEqual(1);
    expect(Math.abs(inside[2] - 145)).toBeLessThanOrEqual(1);
    // The flat line sits on the top gridline (value 1 is the nice maximum); an outline would paint it opaque.
    expect(pixel(frame, 320, 160, 8)).not.toEqual([0x6c, 0x5c, 0xe7, 255]);
  });
});
