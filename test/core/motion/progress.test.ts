import { describe, expect, it } from 'vitest';
import { easeFor } from '../../../src/core/motion/ease.js';
import { ProgressEvaluator, type MotionTiming } from '../../../src/core/motion/progress.js';
import { NAMED_SPRINGS, solveSpring } from '../../../src/core/motion/spring.js';

const evaluator = new ProgressEvaluator(30);
const linear = (start: number, end: number): MotionTiming => ({ start, end, curve: { kind: 'ease', ease: 'linear' }, repeat: null });

describe('progress', () => {
  it('is 0 before the span, 1 at and after its end', () => {
    const timing = linear(10, 20);
    expect(evaluator.progress(timing, 9)).toBe(0);
    expect(evaluator.progress(timing, 10)).toBe(0);
    expect(evaluator.progress(timing, 15)).toBe(0.5);
    expect(evaluator.progress(timing, 20)).toBe(1);
    expect(evaluator.progress(timing, 500)).toBe(1);
  });

  it('treats a zero-length span as done', () => {
    expect(evaluator.progress(linear(5, 5), 5)).toBe(1);
  });

  it('applies the ease to the linear fraction', () => {
    const timing: MotionTiming = { start: 0, end: 10, curve: { kind: 'ease', ease: 'smooth' }, repeat: null };
    expect(evaluator.progress(timing, 3)).toBe(easeFor('smooth')(0.3));
  });

  it('maps spring spans through elapsed seconds without clamping', () => {
    const spring = NAMED_SPRINGS.bouncy;
    const timing: MotionTiming = { start: 0, end: 42, curve: { kind: 'spring', spring }, repeat: null };
    const solution = solveSpring(spring);
    expect(evaluator.progress(timing, 9)).toBeCloseTo(1 - solution.displacement(9 / 30), 12);
    const values = Array.from({ length: 42 }, (_, f) => evaluator.progress(timing, f));
    expect(Math.max(...values)).toBeGreaterThan(1);
  });

  it('repeats with a gap that holds the endpoint', () => {
    const timing: MotionTiming = { ...linear(0, 10), repeat: { times: null, yoyo: false, gap: 5, cycle: 10 } };
    expect(evaluator.progress(timing, 5)).toBe(0.5);
    expect(evaluator.progress(timing, 12)).toBe(1);
    expect(evaluator.progress(timing, 15)).toBe(0);
    expect(evaluator.progress(timing, 20)).toBe(0.5);
  });

  it('yoyo reverses odd cycles and times holds the last cycle end', () => {
    const timing: MotionTiming = { ...linear(0, 10), repeat: { times: 2, yoyo: true, gap: 0, cycle: 10 } };
    expect(evaluator.progress(timing, 4)).toBe(0.4);
    expect(evaluator.progress(timing, 14)).toBe(0.6);
    expect(evaluator.progress(timing, 25)).toBe(0);
    expect(evaluator.progress(timing, 100)).toBe(0);
  });
});
