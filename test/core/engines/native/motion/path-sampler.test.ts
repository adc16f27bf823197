import { describe, expect, it } from 'vitest';
import { FluvieError } from '../../../../../src/core/errors.js';
import { createPathSampler } from '../../../../../src/core/engines/native/motion/path-sampler.js';

describe('createPathSampler', () => {
  it('walks lines by arc length', () => {
    const sampler = createPathSampler('M0 0 L10 0 L10 10', 'p');
    expect(sampler.length).toBe(20);
    expect(sampler.at(0.25)).toEqual({ x: 5, y: 0, angle: 0 });
    expect(sampler.at(0.75)).toEqual({ x: 10, y: 5, angle: Math.PI / 2 });
  });

  it('clamps progress to the ends', () => {
    const sampler = createPathSampler('M0 0 H10', 'p');
    expect(sampler.at(-1)).toMatchObject({ x: 0, y: 0 });
    expect(sampler.at(2)).toMatchObject({ x: 10, y: 0 });
  });

  it('reads relative commands and closes paths', () => {
    const sampler = createPathSampler('m5 5 l10 0 v10 z', 'p');
    expect(sampler.at(0)).toMatchObject({ x: 5, y: 5 });
    const length = 20 + Math.hypot(10, 10);
    expect(sampler.length).toBeCloseTo(length, 10);
    // Half the length is 10 along the top edge, then the rest down the right edge.
    expect(sampler.at(0.5).x).toBe(15);
    expect(sampler.at(0.5).y).toBeCloseTo(5 + length / 2 - 10, 10);
  });

  it('flattens curves close to their arc length', () => {
    // A quarter circle of radius 100 as a cubic; its arc length is about 157.08.
    const sampler = createPathSampler('M100 0 C100 55.23 55.23 100 0 100', 'p');
    expect(Math.abs(sampler.length - (Math.PI * 100) / 2)).toBeLessThan(0.5);
    expect(sampler.at(1).x).toBeCloseTo(0, 10);
    expect(sampler.at(1).y).toBeCloseTo(100, 10);
  });

  it('rejects unknown commands with the path', () => {
    expect(() => createPathSampler('M0 0 A 5 5 0 0 1 10 10', 'scenes[0].children[0].animate[0].path')).toThrow(FluvieError);
    expect(() => createPathSampler('M0 0 A 5 5 0 0 1 10 10', 'scenes[0].children[0].animate[0].path')).toThrow(/animate\[0\]\.path/);
  });
});
