/**
 * Keyframed `Clip.speed` (a speed ramp): the playback rate as a keyframed number over the clip's
 * window, and the source clock it produces. The source seconds shown at an output frame are the
 * integral of the rate from the window's start, so a ramp from 1 to 3 over one second of output
 * plays two seconds of source. Picture and embedded audio read the same integrated map.
 */
import { parseTime, resolveTimeFrames, type KeyframedNumberSpec } from '../../spec/index.js';
import { easeFor, type EaseFunction } from './ease.js';

export type SpeedRampSpec = Exclude<KeyframedNumberSpec, number>;

/** Simpson steps per output frame; the rate curves are smooth, so 8 leave errors far below a sample. */
const STEPS_PER_FRAME = 8;
/** Samples per segment when checking that an eased rate stays positive (Fluvie's count). */
const CHECK_SAMPLES = 1024;

/**
 * Returns why a ramp cannot play forward, or null when it can. Every value must be a finite positive
 * rate, and an easing that overshoots (`back`, `elastic`) must not carry the rate to zero or below.
 */
export function speedRampProblem(ramp: SpeedRampSpec): string | null {
  const count = Math.min(ramp.values.length, ramp.positions.length);
  const values = ramp.values.slice(0, count);
  if (values.some((value) => !Number.isFinite(value) || value <= 0)) {
    return 'a speed ramp needs finite positive rates; use a constant negative speed to play backwards';
  }
  const easings = easingsOf(ramp, count);
  for (let segment = 0; segment < count - 1; segment += 1) {
    const ease = easings[segment]!;
    for (let sample = 0; sample <= CHECK_SAMPLES; sample += 1) {
      const rate = values[segment]! + (values[segment + 1]! - values[segment]!) * ease(sample / CHECK_SAMPLES);
      if (!Number.isFinite(rate) || rate <= 0) return `the easing of segment ${segment} carries the rate to ${rate.toFixed(3)}; a speed ramp must stay above zero`;
    }
  }
  return null;
}

/**
 * Returns the source clock of a ramp over a window of `windowFrames` output frames. Entry k is the
 * source seconds (after the trim start) at the start of output frame k, so the array has
 * windowFrames + 1 entries and starts at 0. Positions resolve in the window, and `r` times are
 * fractions of it.
 */
export function integrateSpeedRamp(ramp: SpeedRampSpec, fps: number, windowFrames: number): Float64Array {
  const rate = rampRate(ramp, fps, windowFrames);
  const frames = Math.max(0, Math.trunc(windowFrames));
  const seconds = new Float64Array(frames + 1);
  const h = 1 / STEPS_PER_FRAME;
  for (let frame = 0; frame < frames; frame += 1) {
    // Composite Simpson's rule over the frame, in output frames, then divided by fps.
    let sum = rate(frame) + rate(frame + 1);
    for (let step = 1; step < STEPS_PER_FRAME; step += 1) sum += (step % 2 === 1 ? 4 : 2) * rate(frame + step * h);
    seconds[frame + 1] = seconds[frame]! + (sum * h) / 3 / fps;
  }
  return seconds;
}

/** Returns the rate at a (fractional) output frame of the window, holding the end values. */
function rampRate(ramp: SpeedRampSpec, fps: number, windowFrames: number): (frame: number) => number {
  const count = Math.min(ramp.values.length, ramp.positions.length);
  const frames = ramp.positions.slice(0, count).map((time) => resolveTimeFrames(parseTime(time), fps, windowFrames));
  const values = ramp.values.slice(0, count);
  const easings = easingsOf(ramp, count);
  return (frame) => {
    const last = count - 1;
    if (last <= 0 || frame <= frames[0]!) return values[0]!;
    if (frame >= frames[last]!) return values[last]!;
    let segment = 0;
    while (frame > frames[segment + 1]!) segment += 1;
    const span = frames[segment + 1]! - frames[segment]!;
    const local = span <= 0 ? 1 : (frame - frames[segment]!) / span;
    return values[segment]! + (values[segment + 1]! - values[segment]!) * easings[segment]!(local);
  };
}

/** Returns one easing per segment; a missing list or entry is linear. */
function easingsOf(ramp: SpeedRampSpec, count: number): EaseFunction[] {
  const linear = easeFor('linear');
  return Array.from({ length: Math.max(0, count - 1) }, (_, index) => {
    const name = ramp.easings?.[index];
    return name === undefined ? linear : easeFor(name);
  });
}
