/**
 * Composition of one element's animations and effects on a frame. Keyframe-class animations are
 * evaluated at their own progress and write their fields into one keyframe in list order, the
 * last writer winning per field (values are never multiplied). Exit presets write their field even
 * before their span starts, because they lerp from the natural value. Wrappers (mask wipe,
 * parallax, glitch, grain and the other effects) are collected per class for draw-motion.ts.
 */
import type { ProgressEvaluator } from '../../motion/progress.js';
import { noise2, valueForSeed } from '../../motion/value-noise.js';
import type { FrameWindow, PlannedAnimation, PlannedElement } from '../../pipeline/plan-types.js';
import { energyAt, type AudioAnalysis } from '../../audio/audio-analysis.js';
import { identityFields, KEYFRAME_FIELDS, resetFields, writeTrack, type ComposedFields, type KeyframeTrack } from './motion/keyframe.js';
import { animationMotion } from './motion/presets.js';
import { applyParamTracks, effectMotion, type ParamTrack } from './motion/element-effects.js';
import { isPixelWrapper, type ActiveWrapper, type Wrapper } from './motion/wrappers.js';
import type { CubeLut } from './effects/cube-lut.js';

export { DRAWN_PRESETS } from './motion/presets.js';

/** The composed state of one element on the frame being drawn. */
export interface ComposedKeyframe extends ComposedFields {
  /** Active wrappers by class, each in list order (the first one innermost). */
  animationTransforms: ActiveWrapper[];
  animationPixels: ActiveWrapper[];
  effectTransforms: ActiveWrapper[];
  effectPixels: ActiveWrapper[];
}

/** One animation entry or element effect, prepared for per-frame evaluation. */
export interface FieldAnimation {
  /** The planned entry; null for an element effect, which has no timing. */
  planned: PlannedAnimation | null;
  track: KeyframeTrack | null;
  /** The wrapper and its per-frame value (reused every frame). */
  active: ActiveWrapper | null;
  /** Keyframed effect parameters, sampled into the wrapper every frame. */
  tracks: readonly ParamTrack[];
  /** The element scope, which parallax measures its progress in. */
  scope: FrameWindow;
}

export function identityKeyframe(): ComposedKeyframe {
  return { ...identityFields(), animationTransforms: [], animationPixels: [], effectTransforms: [], effectPixels: [] };
}

/** Prepares a planned animation, or returns null for one the engine does not draw. */
export function toFieldAnimation(planned: PlannedAnimation, audio: AudioAnalysis | null = null): FieldAnimation | null {
  const motion = animationMotion(planned, audio);
  if (motion === null) return null;
  return {
    planned,
    track: motion.track,
    active: motion.wrapper === null ? null : { wrapper: motion.wrapper, value: 0, params: [] },
    tracks: [],
    scope: planned.scope,
  };
}

/**
 * Prepares an element's drawable `effects`; unsupported ones are skipped (unsupported.ts reports
 * them). `luts` maps an effect's JSON path to its loaded `.cube` file.
 */
export function elementEffectAnimations(planned: PlannedElement, fps: number, luts?: ReadonlyMap<string, CubeLut>): FieldAnimation[] {
  const prepared: FieldAnimation[] = [];
  const scopeLength = planned.scope.end - planned.scope.start;
  (planned.element.effects ?? []).forEach((effect, index) => {
    const path = `${planned.path}.effects[${index}]`;
    const motion = effectMotion(effect, fps, scopeLength, { path, lut: luts?.get(path) ?? null });
    if (motion === null || motion === 'unsupported') return;
    prepared.push({
      planned: null,
      track: null,
      active: { wrapper: motion.wrapper, value: 0, params: [] },
      tracks: motion.tracks,
      scope: planned.scope,
    });
  });
  return prepared;
}

/** Writes the composed keyframe of `animations` at `frame` into `out` (reused to avoid allocation). */
export function composeKeyframe(
  animations: readonly FieldAnimation[],
  frame: number,
  evaluator: ProgressEvaluator,
  out: ComposedKeyframe,
): ComposedKeyframe {
  resetFields(out);
  out.animationTransforms.length = 0;
  out.animationPixels.length = 0;
  out.effectTransforms.length = 0;
  out.effectPixels.length = 0;
  for (const animation of animations) {
    // An element effect has no span of its own, so Fluvie drives it with the element scope's progress.
    const p = animation.planned === null ? scopeProgress(animation.scope, frame) : evaluator.progress(animation.planned.timing, frame);
    if (animation.track !== null) writeTrack(animation.track, p, out);
    const active = animation.active;
    if (active === null) continue;
    if (animation.tracks.length > 0) applyParamTracks(active.wrapper, animation.tracks, frame - animation.scope.start, active.params);
    active.value = wrapperValue(active.wrapper, animation, p, frame);
    const pixel = isPixelWrapper(active.wrapper);
    if (animation.planned === null) (pixel ? out.effectPixels : out.effectTransforms).push(active);
    else (pixel ? out.animationPixels : out.animationTransforms).push(active);
  }
  return out;
}

/** Returns how far `frame` is through `scope`, clamped to 0..1 (0 for an empty scope). */
function scopeProgress(scope: FrameWindow, frame: number): number {
  const span = scope.end - scope.start;
  if (span <= 0) return 0;
  return Math.min(Math.max((frame - scope.start) / span, 0), 1);
}

function wrapperValue(wrapper: Wrapper, animation: FieldAnimation, p: number, frame: number): number {
  switch (wrapper.kind) {
    case 'parallax': {
      const { start, end } = animation.scope;
      const progress = end <= start ? 0 : Math.min(Math.max((frame - start) / (end - start), 0), 1);
      return wrapper.depth * progress;
    }
    case 'reactive':
      // Fluvie's reactive effect ignores the animation's progress and reads the frame clock.
      return wrapper.gain * energyAt(wrapper.energies, frame);
    case 'float':
      // Fluvie's FloatEffect reads the video's frame index, which no scene or element offsets.
      return floatOffset(frame, animation.planned?.timing.repeat?.cycle ?? 0, wrapper.amplitude, wrapper.seed);
    default:
      return p;
  }
}

/**
 * Fluvie's seeded float: −a·sin(2π·phase) plus a wobble of up to 0.4·a sampled from value noise
 * on a circle of radius 2.3 around a per-seed centre, so it repeats exactly every cycle.
 */
export function floatOffset(frame: number, cycleFrames: number, amplitude: number, seed: string): number {
  if (cycleFrames <= 0) return 0;
  const phase = (((frame % cycleFrames) + cycleFrames) % cycleFrames) / cycleFrames;
  const base = -amplitude * Math.sin(2 * Math.PI * phase);
  const angle = 2 * Math.PI * phase;
  const cx = valueForSeed(`${seed}-x`) * 16;
  const cy = valueForSeed(`${seed}-y`) * 16;
  const sample = noise2(cx + 2.3 * Math.cos(angle), cy + 2.3 * Math.sin(angle));
  return base + (sample * 2 - 1) * amplitude * 0.4;
}

/** False when nothing of the element can show: zero opacity or zero scale, and no overlay effect. */
export function keyframeVisible(keyframe: ComposedKeyframe): boolean {
  const overlay = keyframe.animationPixels.some((active) => PAINTS_WITHOUT_CONTENT.has(active.wrapper.kind));
  return overlay || (keyframe.opacity > 0 && keyframe.scale !== 0 && keyframe.scaleX !== 0 && keyframe.scaleY !== 0);
}

/** Grain, vignette, scanlines and particles paint over the element box even where its content is transparent. */
const PAINTS_WITHOUT_CONTENT = new Set<Wrapper['kind']>(['grain', 'vignette', 'scanlines', 'particles']);

/**
 * Pixel wrappers whose drawing (effects/pixel-stage.ts) reads only the wrapper's parameters, never
 * the per-frame `value`. An element effect's value is the scope progress, which changes every frame,
 * so leaving it out of the signature lets a static blurred or vignetted element reuse its frames.
 */
const PAINTS_WITHOUT_VALUE = new Set<Wrapper['kind']>(['vignette', 'scanlines', 'chromatic', 'bloom', 'grade', 'blur', 'curves', 'lut']);

/** Appends every drawn value of `keyframe` to `signature`, so unchanged frames can be reused. */
export function pushKeyframeSignature(keyframe: ComposedKeyframe, signature: number[]): void {
  for (const field of KEYFRAME_FIELDS) signature.push(keyframe[field]);
  for (const list of [keyframe.animationTransforms, keyframe.animationPixels, keyframe.effectTransforms, keyframe.effectPixels]) {
    signature.push(list.length);
    for (const active of list) signature.push(PAINTS_WITHOUT_VALUE.has(active.wrapper.kind) ? 0 : active.value, ...active.params);
  }
}
