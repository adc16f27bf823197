import { describe, expect, it } from 'vitest';
import { integrateSpeedRamp, speedRampProblem } from '../../../src/core/motion/speed-ramp.js';

describe('integrateSpeedRamp', () => {
  it('integrates a linear ramp', () => {
    // Rate 1 → 3 over 1 s: the source clock is t + t².
    const seconds = integrateSpeedRamp({ values: [1, 3], positions: ['0s', '1s'] }, 30, 30);
    expect(seconds).toHaveLength(31);
    expect(seconds[0]).toBe(0);
    expect(seconds[15]).toBeCloseTo(0.75, 9);
    expect(seconds[30]).toBeCloseTo(2, 9);
  });

  it('holds the end rates outside the stops', () => {
    const seconds = integrateSpeedRamp({ values: [2, 4], positions: ['10f', '20f'] }, 10, 30);
    expect(seconds[10]).toBeCloseTo(2, 9);
    expect(seconds[30]! - seconds[20]!).toBeCloseTo(4, 9);
  });

  it('resolves relative positions in the window', () => {
    const seconds = integrateSpeedRamp({ values: [1, 1, 2], positions: ['0r', '0.5r', '1r'] }, 10, 20);
    expect(seconds[10]).toBeCloseTo(1, 9);
    expect(seconds[20]).toBeCloseTo(2.5, 9);
  });

  it('follows the easing', () => {
    const linear = integrateSpeedRamp({ values: [1, 2], positions: ['0f', '10f'] }, 10, 10);
    const eased = integrateSpeedRamp({ values: [1, 2], positions: ['0f', '10f'], easings: ['in'] }, 10, 10);
    expect(eased[10]!).toBeLessThan(linear[10]!);
  });
});

describe('speedRampProblem', () => {
  it('accepts positive rates', () => {
    expect(speedRampProblem({ values: [0.5, 2], positions: ['0s', '1s'] })).toBeNull();
  });

  it('rejects a zero or negative rate', () => {
    expect(speedRampProblem({ values: [1, -1], positions: ['0s', '1s'] })).toMatch(/finite positive rates/);
  });

  it('rejects an easing that overshoots below zero', () => {
    expect(speedRampProblem({ values: [2, 0.05], positions: ['0s', '1s'], easings: ['back'] })).toMatch(/segment 0 carries the rate/);
  });
});
