/**
 * Progress of one animation on a global frame, as Fluvie's motion runner computes it: 0 before
 * the span, exactly 1 at or after its end, eased in between; springs map elapsed seconds through
 * the spring solution; `during` animations may repeat, with an optional gap and yoyo.
 */
import { easeFor, type EaseValue } from './ease.js';
import { solveSpring, springProgress, type SpringParams, type SpringSolution } from './spring.js';

export type MotionCurve = { kind: 'ease'; ease: EaseValue } | { kind: 'spring'; spring: SpringParams };

/** Repeat of a `during` animation: `times` null repeats forever; `cycle` and `gap` are in frames. */
export interface MotionRepeat {
  times: number | null;
  yoyo: boolean;
  gap: number;
  /** Frames of one cycle: the animation's effective duration, not its span (which runs to the window end). */
  cycle: number;
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
    if (timing.repeat !== null && timing.repeat.cycle > 0) return this.repeated(timing.curve, timing.repeat, frame - timing.start);
    if (frame >= timing.end || length <= 0) return 1;
    return this.shape(timing.curve, (frame - timing.start) / length, length);
  }

  private repeated(curve: MotionCurve, repeat: MotionRepeat, local: number): number {
    const cycle = repeat.cycle;
    const period = cycle + repeat.gap;
    let k = Math.floor(local / period);
    let position = local - k * period;
    if (repeat.times !== null && k >= repeat.times) {
      k = repeat.times - 1;
      position = cycle;
    }
    let linear = Math.min(position, cycle) / cycle;
    if (repeat.yoyo && k % 2 === 1) linear = 1 - linear;
    return this.shape(curve, linear, cycle);
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
