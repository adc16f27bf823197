/**
 * Element `effects` as wrappers. They wrap the element inside its animations, transform class
 * innermost, then pixel class, each group in list order. A keyframed parameter
 * (`{values, positions, easings?}`) becomes a track sampled every frame in the element scope.
 * Shaders are not drawn (unsupported-motion.ts gives the reason).
 */
import { easeFor, type EaseFunction } from '../../../motion/ease.js';
import { parseTime, resolveTimeFrames, type EffectSpec, type KeyframedNumberSpec } from '../../../../spec/index.js';
import { parseCubeLut, type CubeLut } from '../effects/cube-lut.js';
import { resolveParticleField } from '../effects/particles.js';
import { bakeCurveTable } from '../effects/tone-curve.js';
import type { Wrapper } from './wrappers.js';

interface ParamSpec {
  /** Key in the effect spec. */
  key: string;
  /** Field of the wrapper it sets. */
  field: string;
  fallback: number;
  min: number;
  max: number;
}

const param = (key: string, fallback: number, min = -Infinity, max = Infinity, field = key): ParamSpec => ({ key, field, fallback, min, max });
const amount = [param('amount', 0, 0, 1)];

const PARAMS: Partial<Record<EffectSpec['kind'], readonly ParamSpec[]>> = {
  grain: amount,
  vignette: amount,
  bloom: amount,
  scanlines: [param('spacing', 3, 1), param('opacity', 0.35, 0, 1)],
  chromatic: [param('px', 0)],
  blur: [param('sigma', 0, 0)],
  // Fluvie's GlitchEffect multiplies its 1 − progress strength by `intensity` clamped to 0..1.
  glitch: [param('intensity', 1, 0, 1, 'scale')],
  grade: [param('exposure', 0), param('contrast', 1), param('saturation', 1), param('temperature', 0), param('tint', 0), param('intensity', 1)],
  parallax: [param('depth', 0.2)],
  particles: [],
  curves: [param('intensity', 1, 0, 1)],
  lut: [param('intensity', 1, 0, 1)],
};

/** Effect kinds the engine draws; the rest (shader) are reported by unsupported-motion.ts. */
export function isDrawnEffectKind(kind: EffectSpec['kind']): boolean {
  return PARAMS[kind] !== undefined;
}

export interface EffectMotionOptions {
  /** JSON path of the effect, for messages. */
  path?: string;
  /** The parsed `.cube` file a `lut` effect's `asset` names, loaded before drawing starts. */
  lut?: CubeLut | null;
}

/** Stops of a keyframed number: values at frames (from the element scope start), eased per segment. */
export interface NumberTrack {
  frames: readonly number[];
  values: readonly number[];
  easings: readonly EaseFunction[] | null;
}

/** A keyframed parameter: the wrapper field it sets every frame, clamped to its range. */
export interface ParamTrack {
  field: string;
  min: number;
  max: number;
  track: NumberTrack;
}

export interface EffectMotion {
  wrapper: Wrapper;
  tracks: ParamTrack[];
}

/**
 * Prepares an effect: its wrapper with constant parameters filled in, plus a track per keyframed
 * parameter. Returns null for a disabled effect and 'unsupported' for kinds the engine cannot draw.
 * @throws FluvieError `spec_invalid` for malformed particles, curve points or inline `.cube` text.
 */
export function effectMotion(effect: EffectSpec, fps: number, scopeLength: number, options: EffectMotionOptions = {}): EffectMotion | null | 'unsupported' {
  if (effect.enabled === false) return null;
  const params = PARAMS[effect.kind];
  if (params === undefined) return 'unsupported';

  const fields: Record<string, unknown> = { kind: effect.kind };
  const tracks: ParamTrack[] = [];
  for (const spec of params) {
    const value = (effect as unknown as Record<string, KeyframedNumberSpec | undefined>)[spec.key];
    if (value === undefined || typeof value === 'number') {
      fields[spec.field] = clamp(value ?? spec.fallback, spec.min, spec.max);
      continue;
    }
    const track: NumberTrack = {
      frames: value.positions.map((time) => resolveTimeFrames(parseTime(time), fps, scopeLength)),
      values: value.values,
      easings: value.easings === undefined ? null : value.easings.map((ease) => easeFor(ease)),
    };
    fields[spec.field] = clamp(sampleNumberTrack(track, 0), spec.min, spec.max);
    tracks.push({ field: spec.field, min: spec.min, max: spec.max, track });
  }
  const path = options.path ?? 'effect';
  if (effect.kind === 'glitch') {
    fields.bias = effect.from === 'right' ? 1 : -1;
    fields.reverse = effect.reverse === true;
  }
  if (effect.kind === 'particles') fields.field = resolveParticleField(effect.particles, `${path}.particles`);
  if (effect.kind === 'curves') fields.table = bakeCurveTable(effect.curves, `${path}.curves`);
  if (effect.kind === 'lut') fields.lut = lutOf(effect, path, options.lut ?? null);
  return { wrapper: fields as unknown as Wrapper, tracks };
}

/** Samples a keyframed number `elapsed` frames into the element scope, holding its end values. */
export function sampleNumberTrack(track: NumberTrack, elapsed: number): number {
  const { frames, values } = track;
  const last = Math.min(frames.length, values.length) - 1;
  if (last <= 0 || elapsed <= frames[0]!) return values[0]!;
  if (elapsed >= frames[last]!) return values[last]!;
  let segment = 0;
  while (elapsed > frames[segment + 1]!) segment += 1;
  const span = frames[segment + 1]! - frames[segment]!;
  const local = span <= 0 ? 1 : (elapsed - frames[segment]!) / span;
  const ease = track.easings?.[segment];
  const t = ease === undefined ? local : ease(local);
  return values[segment]! + (values[segment + 1]! - values[segment]!) * t;
}

/** Sets every keyframed field of `wrapper` for `elapsed` frames into the scope; returns the values in `out`. */
export function applyParamTracks(wrapper: Wrapper, tracks: readonly ParamTrack[], elapsed: number, out: number[]): void {
  out.length = 0;
  // Wrapper fields are plain numbers; the tracks name them by key.
  const fields = wrapper as unknown as Record<string, number>;
  for (const param of tracks) {
    const value = clamp(sampleNumberTrack(param.track, elapsed), param.min, param.max);
    fields[param.field] = value;
    out.push(value);
  }
}

/**
 * Returns the LUT of a `lut` effect: inline `cube` text wins over the loaded `asset` file, as in
 * Fluvie. Returns null when the effect names neither.
 */
function lutOf(effect: Extract<EffectSpec, { kind: 'lut' }>, path: string, loaded: CubeLut | null): CubeLut | null {
  if (effect.cube !== undefined) return parseCubeLut(effect.cube, `${path}.cube`);
  return loaded;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
