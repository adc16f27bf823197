import { describe, expect, it } from 'vitest';
import { lattice2, mixHash, noise2, valueForSeed } from '../../../src/core/motion/value-noise.js';

describe('value noise', () => {
  it('mixHash is the FNV step with a 15-bit fold', () => {
    // ((0x811C9DC5 ^ 0x61) * 0x01000193) mod 2^32 = 0xE40C292C; then h ^= h >>> 15.
    const h = 0xe40c292c;
    expect(mixHash(0x811c9dc5, 0x61)).toBe((h ^ (h >>> 15)) >>> 0);
  });

  it('valueForSeed hashes UTF-16 units into 0..1', () => {
    const h = mixHash(0x811c9dc5, 'a'.charCodeAt(0));
    expect(valueForSeed('a')).toBe((h & 0xffffff) / 0xffffff);
    expect(valueForSeed('glitch-0')).not.toBe(valueForSeed('glitch-1'));
  });

  it('lattice2 matches reference hashes', () => {
    // Computed with 64-bit integers as Fluvie's Dart ValueNoise does: mask to 32 bits after each
    // step, then keep the low 24 bits.
    const cases: Array<[number, number, number]> = [
      [0, 0, 0xf1f55e],
      [0, 1, 0xf1cdb1],
      [0, 40, 0xf05f66],
      [7, 1, 0xf29ef8],
      [-3, -1, 0xa00e35],
      [1000, -1000, 0xb7b916],
    ];
    for (const [x, y, hash] of cases) expect(lattice2(x, y), `lattice2(${x}, ${y})`).toBe(hash / 0xffffff);
  });

  it('lattice2 barely changes down a column', () => {
    // y is mixed in last with the multiplier 2^24 + 0x193, so a small y moves the product by about
    // 0x193·y and leaves bits 16..23, the top of the 24-bit value, nearly unchanged. This is why
    // grain (2 px blocks of noise2) shows vertical streaks, in Fluvie too.
    const column = Array.from({ length: 200 }, (_, y) => lattice2(3, y));
    const row = Array.from({ length: 200 }, (_, x) => lattice2(x, 3));

    expect(Math.max(...column) - Math.min(...column)).toBeLessThan(0.01);
    expect(Math.max(...row) - Math.min(...row)).toBeGreaterThan(0.9);
  });

  it('noise2 lands on lattice values at integers', () => {
    expect(noise2(3, -2)).toBe(lattice2(3, -2));
    expect(noise2(-1, 5)).toBe(lattice2(-1, 5));
  });

  it('noise2 interpolates with smoothstep between lattice points', () => {
    const a = lattice2(0, 0);
    const b = lattice2(1, 0);
    // smoothstep(0.25) = 0.15625
    expect(noise2(0.25, 0)).toBeCloseTo(a + (b - a) * 0.15625, 12);
    for (let i = 0; i < 100; i += 1) {
      const value = noise2(i * 0.37, -i * 0.73);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });
});
