/**
 * Effects that wrap an element instead of writing keyframe fields. Transform-class wrappers (mask
 * wipe, parallax, seeded float, path following) clip or move the element; pixel-class wrappers
 * (grain, vignette, scanlines, chromatic, bloom, glitch, grade, blur, particles, curves, lut)
 * post-process its pixels.
 */
import type { CubeLut } from '../effects/cube-lut.js';
import type { ParticleField } from '../effects/particles.js';
import type { PathSampler } from './path-sampler.js';

export type TransformWrapper =
  | { kind: 'maskWipe'; shape: 'circle' | 'rect' | 'diagonal'; originX: number; originY: number; reverse: boolean }
  /** Moves the element down by `depth` element heights times the scope's progress. */
  | { kind: 'parallax'; depth: number }
  /** The seeded float: a sine bob plus a value-noise wobble, in element heights. */
  | { kind: 'float'; amplitude: number; seed: string }
  | { kind: 'along'; path: PathSampler; orient: boolean }
  /** Scales about the box centre by 1 + gain·energy: both axes for `pulse`, only y for `scaleY`. */
  | { kind: 'reactive'; axes: 'both' | 'y'; gain: number; energies: Float32Array };

export type PixelWrapper =
  | { kind: 'grain'; amount: number }
  | { kind: 'vignette'; amount: number }
  | { kind: 'scanlines'; spacing: number; opacity: number }
  | { kind: 'chromatic'; px: number }
  | { kind: 'bloom'; amount: number }
  /** `bias` +1 shifts bands right, −1 left; `reverse` degrades instead of resolving; `scale` multiplies the intensity. */
  | { kind: 'glitch'; bias: number; reverse: boolean; scale: number }
  | { kind: 'grade'; exposure: number; contrast: number; saturation: number; temperature: number; tint: number; intensity: number }
  | { kind: 'blur'; sigma: number }
  /** A particle field painted over the box at the wrapper's progress. */
  | { kind: 'particles'; field: ParticleField }
  /** `table` is a baked curve table (768 bytes, see tone-curve.ts). */
  | { kind: 'curves'; table: Uint8Array; intensity: number }
  /** `lut` is null for a `lut` effect that names no LUT, which changes nothing. */
  | { kind: 'lut'; lut: CubeLut | null; intensity: number };

export type Wrapper = TransformWrapper | PixelWrapper;

const PIXEL_KINDS = new Set<Wrapper['kind']>(['grain', 'vignette', 'scanlines', 'chromatic', 'bloom', 'glitch', 'grade', 'blur', 'particles', 'curves', 'lut']);

export function isPixelWrapper(wrapper: Wrapper): wrapper is PixelWrapper {
  return PIXEL_KINDS.has(wrapper.kind);
}

/**
 * A wrapper with its per-frame value: the animation progress (mask wipe, glitch, grain), the
 * vertical offset in element heights (parallax, float) or the path progress (along).
 */
export interface ActiveWrapper {
  wrapper: Wrapper;
  value: number;
  /** This frame's values of the keyframed effect parameters, for the frame signature. */
  params: number[];
}
