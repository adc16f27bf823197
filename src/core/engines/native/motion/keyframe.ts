/**
 * Keyframes: the animatable fields of one element state, and how a keyframe track (two or more
 * stops) is sampled. A field a stop leaves out is "natural"; when only one side of a segment sets
 * a field, the other side is its identity (opacity 1, offsets 0, scales 1, rotation and skews 0,
 * blur 0, origin centre). Lerps extrapolate, so spring overshoot shows.
 */
import type { EaseFunction } from '../../../motion/ease.js';

export const KEYFRAME_FIELDS = ['opacity', 'x', 'y', 'scale', 'scaleX', 'scaleY', 'rotation', 'skewX', 'skewY', 'blur', 'originX', 'originY'] as const;

export type KeyframeField = (typeof KEYFRAME_FIELDS)[number];

/**
 * One stop. `x`/`y` are fractions of the element's own size, rotation and skews are turns, blur
 * is a gaussian sigma in pixels, and the origin is an alignment in −1..1.
 */
export type KeyframeStop = Partial<Record<KeyframeField, number>>;

const IDENTITY: Readonly<Record<KeyframeField, number>> = {
  opacity: 1,
  x: 0,
  y: 0,
  scale: 1,
  scaleX: 1,
  scaleY: 1,
  rotation: 0,
  skewX: 0,
  skewY: 0,
  blur: 0,
  originX: 0,
  originY: 0,
};

/**
 * Stops with optional positions (fractions 0..1, increasing) and one ease per segment. A `lerp`
 * track has two stops and extrapolates outside 0..1 (presets and the `from`/`to` forms); a `stops`
 * track holds its end stops (the `keyframes` form and float).
 */
export interface KeyframeTrack {
  kind: 'lerp' | 'stops';
  stops: readonly KeyframeStop[];
  positions: readonly number[] | null;
  easings: readonly EaseFunction[] | null;
}

/** The composed state of an element on one frame: every field resolved (identity when unwritten). */
export type ComposedFields = Record<KeyframeField, number>;

export function resetFields(out: ComposedFields): void {
  for (const field of KEYFRAME_FIELDS) out[field] = IDENTITY[field];
}

export function identityFields(): ComposedFields {
  return { ...IDENTITY };
}

/**
 * Writes the fields the track sets at progress `p` into `out`, leaving the others alone (the last
 * writer wins per field). Progress before the first stop or after the last holds that stop.
 */
export function writeTrack(track: KeyframeTrack, p: number, out: ComposedFields): void {
  const { stops, positions } = track;
  if (track.kind === 'lerp') {
    writeLerp(stops[0]!, stops[1]!, p, out);
    return;
  }
  const count = stops.length;
  const at = (i: number): number => (positions === null ? i / (count - 1) : positions[i]!);
  if (count === 1 || p <= at(0)) {
    writeStop(stops[0]!, out);
    return;
  }
  if (p >= at(count - 1)) {
    writeStop(stops[count - 1]!, out);
    return;
  }
  let segment = 0;
  while (p > at(segment + 1)) segment += 1;
  const from = at(segment);
  const local = (p - from) / (at(segment + 1) - from);
  const ease = track.easings?.[segment];
  writeLerp(stops[segment]!, stops[segment + 1]!, ease === undefined ? local : ease(local), out);
}

/** Two-stop shorthand: lerps `from` → `to` by `t` (which may leave 0..1). */
export function writeLerp(from: KeyframeStop, to: KeyframeStop, t: number, out: ComposedFields): void {
  for (const field of KEYFRAME_FIELDS) {
    const a = from[field];
    const b = to[field];
    if (a === undefined && b === undefined) continue;
    const start = a ?? IDENTITY[field];
    const end = b ?? IDENTITY[field];
    out[field] = start + (end - start) * t;
  }
}

function writeStop(stop: KeyframeStop, out: ComposedFields): void {
  for (const field of KEYFRAME_FIELDS) {
    const value = stop[field];
    if (value !== undefined) out[field] = value;
  }
}
