/**
 * The keyframe presets the native engine draws, and how several of them combine on one element: each animation is
 * evaluated at its own progress and writes its fields into one keyframe in list order, the last
 * writer winning per field (values are never multiplied). Exit presets write their field even
 * before their span starts, because they lerp from the natural value.
 */
import type { ProgressEvaluator } from '../../motion/progress.js';
import type { PlannedAnimation } from '../../pipeline/plan-types.js';

/** The keyframe fields the engine animates so far: opacity, offset in element sizes, uniform scale. */
export interface ComposedKeyframe {
  opacity: number;
  x: number;
  y: number;
  scale: number;
}

/** A preset reduced to the fields it writes, each as a `[from, to]` pair lerped by progress. */
export interface FieldAnimation {
  planned: PlannedAnimation;
  opacity: readonly [number, number] | null;
  /** `[fromX, fromY, toX, toY]` in fractions of the element's own size. */
  offset: readonly [number, number, number, number] | null;
  scale: readonly [number, number] | null;
}

const EDGES = {
  left: [-1, 0],
  right: [1, 0],
  top: [0, -1],
  bottom: [0, 1],
} as const;

type Edge = keyof typeof EDGES;

/** Presets the engine draws; any other animation entry is reported as unsupported and skipped. */
export const DRAWN_PRESETS = ['fadeIn', 'fadeOut', 'slideIn', 'slideOut', 'slideFadeIn', 'slideFadeOut', 'pop', 'scaleIn', 'scaleOut'] as const;

/** Reduces a planned preset to its field lerps, or null for a preset the engine does not draw yet. */
export function toFieldAnimation(planned: PlannedAnimation): FieldAnimation | null {
  const animation = planned.animation as { preset?: string; from?: unknown; to?: unknown };
  const base = { planned, opacity: null, offset: null, scale: null };
  switch (animation.preset) {
    case 'fadeIn':
      return { ...base, opacity: [0, 1] };
    case 'fadeOut':
      return { ...base, opacity: [1, 0] };
    case 'slideIn':
      return { ...base, offset: slideFrom(edgeOr(animation.from, 'bottom')) };
    case 'slideOut':
      return { ...base, offset: slideTo(edgeOr(animation.to, 'top')) };
    case 'slideFadeIn':
      return { ...base, opacity: [0, 1], offset: slideFrom(edgeOr(animation.from, 'bottom')) };
    case 'slideFadeOut':
      return { ...base, opacity: [1, 0], offset: slideTo(edgeOr(animation.to, 'top')) };
    case 'pop':
      return { ...base, scale: [0, 1] };
    case 'scaleIn':
      return { ...base, scale: [numberOr(animation.from, 0.85), 1] };
    case 'scaleOut':
      return { ...base, scale: [1, numberOr(animation.to, 0.85)] };
    default:
      return null;
  }
}

/** Writes the composed keyframe of `animations` at `frame` into `out` (reused to avoid allocation). */
export function composeKeyframe(
  animations: readonly FieldAnimation[],
  frame: number,
  evaluator: ProgressEvaluator,
  out: ComposedKeyframe,
): ComposedKeyframe {
  out.opacity = 1;
  out.x = 0;
  out.y = 0;
  out.scale = 1;
  for (const animation of animations) {
    const p = evaluator.progress(animation.planned.timing, frame);
    if (animation.opacity !== null) out.opacity = lerp(animation.opacity[0], animation.opacity[1], p);
    if (animation.offset !== null) {
      out.x = lerp(animation.offset[0], animation.offset[2], p);
      out.y = lerp(animation.offset[1], animation.offset[3], p);
    }
    if (animation.scale !== null) out.scale = lerp(animation.scale[0], animation.scale[1], p);
  }
  return out;
}

/** Flutter `lerpDouble`: extrapolates when t leaves 0..1, so spring overshoot shows. */
function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

function slideFrom(edge: Edge): [number, number, number, number] {
  const [dx, dy] = EDGES[edge];
  return [dx, dy, 0, 0];
}

function slideTo(edge: Edge): [number, number, number, number] {
  const [dx, dy] = EDGES[edge];
  return [0, 0, dx, dy];
}

function edgeOr(value: unknown, fallback: Edge): Edge {
  return typeof value === 'string' && value in EDGES ? (value as Edge) : fallback;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}
