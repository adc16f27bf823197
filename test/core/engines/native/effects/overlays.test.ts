import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { GrainPainter } from '../../../../../src/core/engines/native/effects/overlays.js';
import { noise2 } from '../../../../../src/core/motion/value-noise.js';

describe('GrainPainter', () => {
  it('paints noise2 per 2 px block at each progress', () => {
    const painter = new GrainPainter();
    for (const progress of [0, 0.37, 0.9]) {
      const canvas = createCanvas(20, 10);
      const ctx = canvas.getContext('2d');
      painter.paint(ctx, 20, 10, 1, progress, 1);
      const data = ctx.getImageData(0, 0, 20, 10).data;
      for (const [column, row] of [
        [0, 0],
        [3, 2],
        [9, 4],
      ] as const) {
        const value = noise2(column + 17 * progress, row - 17 * progress);
        const i = (row * 2 * 20 + column * 2) * 4;
        expect(data[i + 3]).toBe(Math.round(value * 200));
        // Colour comes back from premultiplied storage, so low alphas lose precision.
        expect(Math.abs(data[i]! - Math.round(value * 255))).toBeLessThanOrEqual(255 / data[i + 3]! + 1);
        // The block is 2 px wide.
        expect(data[i + 4 + 3]).toBe(data[i + 3]);
      }
    }
  });

  it('paints nothing at amount 0', () => {
    const canvas = createCanvas(4, 4);
    new GrainPainter().paint(canvas.getContext('2d'), 4, 4, 0, 0.5, 1);
    expect(canvas.getContext('2d').getImageData(0, 0, 4, 4).data.every((value) => value === 0)).toBe(true);
  });
});
