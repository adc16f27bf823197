/**
 * Stagger offsets: a stagger shifts child i of a multi-child target (SplitText parts, Chart bars
 * and scatter points) by an offset in frames, and leaves the window unchanged. `{each: g}` gives
 * i·g, `{evenly: T}` gives round(i·T/(n−1)), and `{from: origin, gap}` gives the child's wave
 * position times the gap (default 80 ms), ranking children by distance from the origin.
 */
import { parseTime, resolveTimeFrames, type StaggerSpec } from '../../spec/index.js';
import type { PlannedAnimation, PlannedStagger } from './plan-types.js';

/** Gap of a `{from}` stagger when it names none. */
const DEFAULT_WAVE_GAP = '80ms';

/** Resolves a stagger's times once, in the element scope (`scopeLength` frames for relative times). */
export function resolveStagger(stagger: StaggerSpec, fps: number, scopeLength: number): PlannedStagger {
  const frames = (text: string): number => resolveTimeFrames(parseTime(text), fps, scopeLength);
  if ('each' in stagger) return { kind: 'each', frames: frames(stagger.each) };
  if ('evenly' in stagger) return { kind: 'evenly', frames: frames(stagger.evenly) };
  return { kind: 'wave', origin: stagger.from, frames: frames(stagger.gap ?? DEFAULT_WAVE_GAP) };
}

/** Offset in frames of child `index` among `count` children. */
export function staggerOffset(stagger: PlannedStagger, index: number, count: number): number {
  switch (stagger.kind) {
    case 'each':
      return index * stagger.frames;
    case 'evenly':
      return count <= 1 ? 0 : dartRound((index * stagger.frames) / (count - 1));
    case 'wave':
      return wavePositions(stagger.origin, count)[index]! * stagger.frames;
  }
}

/**
 * Returns the animations child `index` of `count` runs: the staggered ones, each span shifted by
 * the child's offset. The parent keeps the others, so SplitText parts pass these to their nodes.
 */
export function staggeredForChild(animations: readonly PlannedAnimation[], index: number, count: number): PlannedAnimation[] {
  return animations.flatMap((animation) => {
    if (animation.stagger === null) return [];
    const offset = staggerOffset(animation.stagger, index, count);
    return [{ ...animation, timing: { ...animation.timing, start: animation.timing.start + offset, end: animation.timing.end + offset } }];
  });
}

/**
 * Unique wave positions 0..n−1: children sorted by their rank (distance from the origin), ties
 * going to the lower index. Ranks: start i, end n−1−i, center |2i−(n−1)|, edges min(i, n−1−i).
 */
export function wavePositions(origin: 'start' | 'end' | 'center' | 'edges', count: number): number[] {
  const rank = (i: number): number => {
    switch (origin) {
      case 'start':
        return i;
      case 'end':
        return count - 1 - i;
      case 'center':
        return Math.abs(2 * i - (count - 1));
      case 'edges':
        return Math.min(i, count - 1 - i);
    }
  };
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => rank(a) - rank(b) || a - b);
  const positions = new Array<number>(count).fill(0);
  order.forEach((child, position) => {
    positions[child] = position;
  });
  return positions;
}

/** Dart `round()`: halves go away from zero. */
function dartRound(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}
