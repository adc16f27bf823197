import { describe, expect, it } from 'vitest';
import { bakeCurveTable, createToneCurve, evaluateToneCurve, isIdentityTable } from '../../../../../src/core/engines/native/effects/tone-curve.js';

describe('evaluateToneCurve', () => {
  it('passes through every control point', () => {
    const curve = createToneCurve([[0, 0.1], [0.3, 0.5], [0.7, 0.6], [1, 0.9]], 'c');
    expect(evaluateToneCurve(curve, 0)).toBeCloseTo(0.1, 12);
    expect(evaluateToneCurve(curve, 0.3)).toBeCloseTo(0.5, 12);
    expect(evaluateToneCurve(curve, 0.7)).toBeCloseTo(0.6, 12);
    expect(evaluateToneCurve(curve, 1)).toBeCloseTo(0.9, 12);
  });

  it('never overshoots between increasing points', () => {
    const curve = createToneCurve([[0, 0], [0.1, 0.8], [0.2, 0.81], [1, 1]], 'c');
    for (let x = 0; x <= 1; x += 0.01) {
      const y = evaluateToneCurve(curve, x);
      const next = evaluateToneCurve(curve, x + 0.01);
      expect(next).toBeGreaterThanOrEqual(y - 1e-12);
    }
  });

  it('holds a plateau flat', () => {
    const curve = createToneCurve([[0, 0], [0.4, 0.5], [0.6, 0.5], [1, 1]], 'c');
    expect(evaluateToneCurve(curve, 0.5)).toBe(0.5);
  });

  it('holds the end values outside the points', () => {
    const curve = createToneCurve([[0.2, 0.3], [0.8, 0.6]], 'c');
    expect(evaluateToneCurve(curve, 0.1)).toBe(0.3);
    expect(evaluateToneCurve(curve, 0.9)).toBe(0.6);
  });

  it('clamps values to the unit range', () => {
    const curve = createToneCurve([[0, -1], [1, 2]], 'c');
    expect(evaluateToneCurve(curve, 0)).toBe(0);
    expect(evaluateToneCurve(curve, 1)).toBe(1);
  });
});

describe('createToneCurve', () => {
  it('rejects unsorted positions', () => {
    expect(() => createToneCurve([[0, 0], [0.5, 1], [0.5, 0.2]], 'effects[0].curves.red')).toThrow(/effects\[0\]\.curves\.red: curve positions must strictly increase/);
  });

  it('rejects a single point', () => {
    expect(() => createToneCurve([[0, 0]], 'c')).toThrow(/at least two/);
  });

  it('rejects non-finite numbers', () => {
    expect(() => createToneCurve([[0, 0], [1, Number.NaN]], 'c')).toThrow(/finite/);
  });
});

describe('bakeCurveTable', () => {
  it('inverts with a falling master curve', () => {
    const table = bakeCurveTable({ master: [[0, 1], [1, 0]] }, 'c');
    for (let v = 0; v < 256; v += 1) {
      expect(table[v]).toBe(255 - v);
      expect(table[512 + v]).toBe(255 - v);
    }
  });

  it('applies a channel curve after the master', () => {
    const table = bakeCurveTable({ master: [[0, 0], [1, 0.5]], red: [[0, 1], [1, 0]] }, 'c');
    expect(table[255]).toBe(128);
    expect(table[256 + 255]).toBe(128);
    expect(table[0]).toBe(255);
  });

  it('is the identity without curves', () => {
    expect(isIdentityTable(bakeCurveTable({}, 'c'))).toBe(true);
    expect(isIdentityTable(bakeCurveTable({ green: [[0, 0.1], [1, 1]] }, 'c'))).toBe(false);
  });
});
