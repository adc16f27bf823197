import { describe, expect, it } from 'vitest';
import { bounceOut, cubic, EASE_NAMES, easeFor, elasticOut } from '../../../src/core/motion/ease.js';

/** Exact cubic-bezier y for a given x, by a fine bisection (error far below Flutter's 0.001). */
function exactCubic(a: number, b: number, c: number, d: number, t: number): number {
  const bez = (p: number, q: number, m: number) => 3 * p * (1 - m) * (1 - m) * m + 3 * q * (1 - m) * m * m + m * m * m;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 80; i += 1) {
    const mid = (lo + hi) / 2;
    if (bez(a, c, mid) < t) lo = mid;
    else hi = mid;
  }
  return bez(b, d, (lo + hi) / 2);
}

describe('ease curves', () => {
  it('every ease maps 0 to 0 and 1 to 1', () => {
    for (const name of EASE_NAMES) {
      expect(easeFor(name)(0)).toBe(0);
      expect(easeFor(name)(1)).toBe(1);
    }
  });

  it('smooth and inOut are easeInOut, symmetric at 0.5', () => {
    expect(easeFor('smooth')(0.5)).toBe(0.5);
    expect(easeFor('inOut')).toBe(easeFor('smooth'));
  });

  const cubics: [string, [number, number, number, number]][] = [
    ['smooth', [0.42, 0, 0.58, 1]],
    ['snappy', [0.215, 0.61, 0.355, 1]],
    ['gentle', [0.445, 0.05, 0.55, 0.95]],
    ['in', [0.42, 0, 1, 1]],
    ['out', [0, 0, 0.58, 1]],
    ['back', [0.175, 0.885, 0.32, 1.275]],
  ];
  for (const [name, [a, b, c, d]] of cubics) {
    it(`${name} stays within the bisection error of the exact bezier`, () => {
      for (let i = 1; i < 20; i += 1) {
        const t = i / 20;
        // x error < 0.001 bounds the y error by the curve's slope; 0.005 covers every curve here.
        expect(Math.abs(easeFor(name as 'smooth')(t) - exactCubic(a, b, c, d, t))).toBeLessThan(0.005);
      }
    });
  }

  it('cubic stops at the first midpoint within 0.001, as Flutter does', () => {
    // Midpoints for t = 0.5 on easeIn: m = 0.5 (x = 0.6575), 0.25 (x = 0.3334), 0.375
    // (x = 0.50098, within 0.001), so y = y(0.375) = 0.31640625; the exact bezier gives 0.3153.
    expect(cubic(0.42, 0, 1, 1)(0.5)).toBe(0.31640625);
  });

  it('back overshoots above 1', () => {
    const peak = Math.max(...Array.from({ length: 99 }, (_, i) => easeFor('back')((i + 1) / 100)));
    expect(peak).toBeGreaterThan(1.05);
  });

  it('bounceOut follows the four parabolas', () => {
    expect(bounceOut(0.2)).toBeCloseTo(7.5625 * 0.04, 12);
    expect(bounceOut(0.5)).toBeCloseTo(7.5625 * (0.5 - 1.5 / 2.75) ** 2 + 0.75, 12);
    expect(bounceOut(0.85)).toBeCloseTo(7.5625 * (0.85 - 2.25 / 2.75) ** 2 + 0.9375, 12);
    expect(bounceOut(0.95)).toBeCloseTo(7.5625 * (0.95 - 2.625 / 2.75) ** 2 + 0.984375, 12);
  });

  it('elasticOut uses period 0.4', () => {
    expect(elasticOut(0.1)).toBeCloseTo(1, 12);
    expect(elasticOut(0.5)).toBeCloseTo(2 ** -5 * Math.sin((0.4 * 2 * Math.PI) / 0.4) + 1, 12);
    expect(elasticOut(0.2)).toBeCloseTo(2 ** -2 * Math.sin((0.1 * 2 * Math.PI) / 0.4) + 1, 12);
  });
});
