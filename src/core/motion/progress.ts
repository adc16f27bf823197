/**
 * Progress of one animation on a global frame, as Fluvie's motion runner computes it: 0 before
 * the span, exactly 1 at or after its end, eased in between; springs map elapsed seconds through
 * the spring solution; `during` animations may repeat, with an optional gap and yoyo.
 */
import { easeFor, type EaseValue } from './ease.js';
import { solveSpring, springProgress, type SpringParams, type SpringSolution } from './spring.js';

export type MotionCurve = { kind: 'ease'; ease: EaseValue } | { kind: 'spring'; spring: SpringParams };

/** Repeat of a `during` animation: `times` null repeats forever; `gap` is in frames. */
export interface MotionRepeat {
  times: number | null;
  yoyo: boolean;
  gap: number;
}

/** A resolved animation span `[start, end)` in global frames with its curve. */
export interface MotionTiming {
  start: number;
  end: number;
  curve: MotionCurve;
  /** Only `during` animations repeat; null plays once. */
  repeat: MotionRepeat | null;
}

/** Evaluates progress curves for one fps; caches spring solutions so per-frame calls allocate nothing. */
export class ProgressEvaluator {
  private readonly springs = new Map<SpringParams, SpringSolution>();

  constructor(private readonly fps: number) {}

  progress(timing: MotionTiming, frame: number): number {
    if (frame < timing.start) return 0;
    const length = timing.end - timing.start;
    if (timing.repeat !== null && length > 0) return this.repeated(timing, timing.repeat, frame, length);
    if (frame >= timing.end || length <= 0) return 1;
    return this.shape(timing.curve, (frame - timing.start) / length, length);
  }

  private repeated(timing: MotionTiming, repeat: MotionRepeat, frame: number, cycle: number): number {
    const period = cycle + repeat.gap;
    const local = frame - timing.start;
    let k = Math.floor(local / period);
    let position = local - k * period;
    if (repeat.times !== null && k >= repeat.times) {
      k = repeat.times - 1;
      position = cycle;
    }
    let linear = Math.min(position, cycle) / cycle;
    if (repeat.yoyo && k % 2 === 1) linear = 1 - linear;
    return this.shape(timing.curve, linear, cycle);
  }

  private shape(curve: MotionCurve, linear: number, spanFrames: number): number {
    if (curve.kind === 'ease') return easeFor(curve.ease)(linear);
    return springProgress(this.solution(curve.spring), linear, spanFrames, this.fps);
  }

  private solution(params: SpringParams): SpringSolution {
    let solution = this.springs.get(params);
    if (solution === undefined) {
      solution = solveSpring(params);
      this.springs.set(params, solution);
    }
    return solution;
  }
}
