import { describe, expect, it } from 'vitest';
import { NAMED_SPRINGS, popSpring, solveSpring, springSettleFrames, springSettleSeconds } from '../../../src/core/motion/spring.js';

describe('spring settle table', () => {
  const table = [
    ['default', NAMED_SPRINGS.default, 1.17, 36, 71],
    ['gentle', NAMED_SPRINGS.gentle, 1.025, 31, 62],
    ['snappy', NAMED_SPRINGS.snappy, 0.716, 22, 43],
    ['bouncy', NAMED_SPRINGS.bouncy, 1.397, 42, 84],
    ['stiff', NAMED_SPRINGS.stiff, 0.518, 16, 32],
    ['pop 1.1', popSpring(1.1), 0.899, 27, 54],
  ] as const;

  for (const [name, params, seconds, at30, at60] of table) {
    it(`${name} settles in ${seconds}s`, () => {
      expect(springSettleSeconds(params)).toBeCloseTo(seconds, 6);
      expect(springSettleFrames(params, 30)).toBe(at30);
      expect(springSettleFrames(params, 60)).toBe(at60);
    });
  }
});

describe('spring solution', () => {
  it('starts at displacement 1 and decays towards 0', () => {
    const solution = solveSpring(NAMED_SPRINGS.default);
    expect(solution.displacement(0)).toBeCloseTo(1, 12);
    expect(Math.abs(solution.displacement(2))).toBeLessThan(0.001);
  });

  it('pop damping gives a first peak of the overshoot', () => {
    const params = popSpring(1.1);
    expect(params.damping).toBeCloseTo(15.862, 3);
    const solution = solveSpring(params);
    let peak = 0;
    for (let ms = 0; ms < 1000; ms += 1) peak = Math.max(peak, 1 - solution.displacement(ms / 1000));
    expect(peak).toBeCloseTo(1.1, 3);
  });

  it('overdamped and critical springs settle monotonically', () => {
    const over = { stiffness: 100, damping: 40, mass: 1, initialVelocity: 0 };
    const critical = { stiffness: 100, damping: 20, mass: 1, initialVelocity: 0 };
    for (const params of [over, critical]) {
      const solution = solveSpring(params);
      expect(solution.displacement(0)).toBeCloseTo(1, 12);
      expect(solution.displacement(0.5)).toBeLessThan(solution.displacement(0.1));
      expect(springSettleSeconds(params)).toBeGreaterThan(0);
    }
  });

  it('zero damping is rejected', () => {
    expect(() => solveSpring({ stiffness: 100, damping: 0, mass: 1, initialVelocity: 0 })).toThrow(/damping/);
  });

  it('pop overshoot outside (1, 2) is rejected', () => {
    expect(() => popSpring(2)).toThrow(/overshoot/);
    expect(() => popSpring(1)).toThrow(/overshoot/);
  });
});
