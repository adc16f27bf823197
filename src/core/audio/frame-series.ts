/**
 * Places a track's per-hop analysis on the video's frame clock. Frame f shows output time f/fps;
 * the track plays its decoded (already trimmed) source from `start`, repeating it when `loop` is
 * set, until `end`. Outside that range, and after an unlooped source runs out, the track is silent.
 */
import { HOP_SECONDS } from './audio-band.js';

export interface TrackPlacement {
  /** Output seconds where the track starts. */
  start: number;
  /** Output seconds where it stops at the latest (its scene's or the video's end). */
  end: number;
  /** Repeats the source until `end`. */
  loop: boolean;
  /** Seconds of decoded source, after trimming. */
  sourceSeconds: number;
}

/**
 * Returns one value per video frame: the nearest hop's value at the source time that frame plays,
 * 0 where the track is silent, divided by the largest value so the loudest frame is 1.
 */
export function energyPerFrame(hops: Float64Array, placement: TrackPlacement, fps: number, frameCount: number): Float32Array {
  const energies = new Float32Array(frameCount);
  if (hops.length === 0) return energies;

  let peak = 0;
  for (let frame = 0; frame < frameCount; frame += 1) {
    const sourceTime = sourceTimeAt(frame / fps, placement);
    if (sourceTime === null) continue;
    const hop = Math.min(Math.max(Math.round(sourceTime / HOP_SECONDS), 0), hops.length - 1);
    const value = hops[hop]!;
    energies[frame] = value;
    if (value > peak) peak = value;
  }
  if (peak > 0) {
    for (let frame = 0; frame < frameCount; frame += 1) energies[frame] = energies[frame]! / peak;
  }
  return energies;
}

/**
 * Returns the video frames of the onsets at `onsetHops` (hop indices into the source), ascending
 * and without repeats, for every repetition of a looped source, cut at `end` and at `frameCount`.
 */
export function beatFrames(onsetHops: readonly number[], placement: TrackPlacement, fps: number, frameCount: number): number[] {
  const frames: number[] = [];
  const length = placement.sourceSeconds;
  if (length <= 0) return frames;

  const repetitions = placement.loop ? Math.ceil((placement.end - placement.start) / length) : 1;
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    for (const hop of onsetHops) {
      const sourceTime = hop * HOP_SECONDS;
      if (sourceTime >= length) continue;
      const time = placement.start + repetition * length + sourceTime;
      if (time >= placement.end) break;
      const frame = Math.round(time * fps);
      if (frame >= frameCount) break;
      if (frames.length === 0 || frame > frames[frames.length - 1]!) frames.push(frame);
    }
  }
  return frames;
}

/** Source seconds the track plays at output time `time`, or null where it is silent. */
function sourceTimeAt(time: number, placement: TrackPlacement): number | null {
  if (time < placement.start || time >= placement.end || placement.sourceSeconds <= 0) return null;
  const elapsed = time - placement.start;
  if (placement.loop) return elapsed % placement.sourceSeconds;
  return elapsed < placement.sourceSeconds ? elapsed : null;
}
