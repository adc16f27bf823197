/**
 * What each animation entry does on the native engine: a keyframe track (keyframe class), a
 * wrapper (transform or pixel class), both, or nothing visible. Returns null for entries the
 * engine cannot draw (shaders, and the audio-reactive forms when the render has no audio
 * analysis); unsupported.ts reports shaders.
 */
import { easeFor, type EaseFunction } from '../../../motion/ease.js';
import type { PlannedAnimation } from '../../../pipeline/plan-types.js';
import { resolveAlignment, type KeyframeSpec, type PresetAnimationSpec, type RawAnimationSpec } from '../../../../spec/index.js';
import type { KeyframeStop, KeyframeTrack } from './keyframe.js';
import { resolveParticleField } from '../effects/particles.js';
import { createPathSampler } from './path-sampler.js';
import type { Wrapper } from './wrappers.js';
import { parseAudioBand } from '../../../audio/audio-band.js';
import { selectTrack, type AudioAnalysis } from '../../../audio/audio-analysis.js';

export interface AnimationMotion {
  track: KeyframeTrack | null;
  wrapper: Wrapper | null;
}

const EDGES = {
  left: [-1, 0],
  right: [1, 0],
  top: [0, -1],
  bottom: [0, 1],
} as const;

type Edge = keyof typeof EDGES;

const gentle = easeFor('gentle');

/** Presets the engine draws (some, like `color`, draw nothing by design); see {@link presetMotion}. */
export const DRAWN_PRESETS = [
  'fadeIn',
  'fadeOut',
  'slideIn',
  'slideOut',
  'slideFadeIn',
  'slideFadeOut',
  'pop',
  'scaleIn',
  'scaleOut',
  'blurIn',
  'blurOut',
  'spin',
  'drift',
  'kenBurns',
  'maskWipeIn',
  'maskWipeOut',
  'glitchIn',
  'glitchOut',
  'float',
  'pulse',
  'color',
  'gradientShift',
  'grain',
  'vignette',
  'scanlines',
  'chromatic',
  'bloom',
  'parallax',
  'along',
  'particles',
] as const;

export function animationMotion(planned: PlannedAnimation, audio: AudioAnalysis | null = null): AnimationMotion | null {
  const animation = planned.animation;
  if ('preset' in animation && typeof animation.preset === 'string') {
    const preset = animation as PresetAnimationSpec;
    if (preset.preset === 'scaleY' || (preset.preset === 'pulse' && preset.on !== undefined)) return reactiveMotion(preset, planned, audio);
    return presetMotion(preset, planned);
  }
  return { track: rawTrack(animation as RawAnimationSpec, planned.stopPositions), wrapper: null };
}

function presetMotion(animation: PresetAnimationSpec, planned: PlannedAnimation): AnimationMotion | null {
  const track = (from: KeyframeStop, to: KeyframeStop): AnimationMotion => ({ track: lerp(from, to), wrapper: null });
  const wrap = (wrapper: Wrapper): AnimationMotion => ({ track: null, wrapper });
  switch (animation.preset) {
    case 'fadeIn':
      return track({ opacity: 0 }, {});
    case 'fadeOut':
      return track({}, { opacity: 0 });
    case 'slideIn':
      return track(edgeStop(animation.from ?? 'bottom', 1), {});
    case 'slideOut':
      return track({}, edgeStop(animation.to ?? 'top', 1));
    case 'slideFadeIn':
      return track({ opacity: 0, ...edgeStop(animation.from ?? 'bottom', 1) }, {});
    case 'slideFadeOut':
      return track({}, { opacity: 0, ...edgeStop(animation.to ?? 'top', 1) });
    case 'pop':
      return track({ scale: 0 }, { scale: 1 });
    case 'scaleIn':
      return track({ scale: animation.from ?? 0.85 }, { scale: 1 });
    case 'scaleOut':
      return track({ scale: 1 }, { scale: animation.to ?? 0.85 });
    case 'blurIn':
      return track({ blur: animation.sigma ?? 12 }, { blur: 0 });
    case 'blurOut':
      return track({ blur: 0 }, { blur: animation.sigma ?? 12 });
    case 'spin':
      return track({ rotation: 0 }, { rotation: 1 });
    case 'drift':
      return track({ x: 0, y: 0 }, edgeStop(animation.to ?? 'right', animation.distance ?? 0.1));
    case 'kenBurns': {
      const zoom = animation.zoom ?? 1.15;
      const [dx, dy] = EDGES[animation.pan ?? 'left'];
      return track({}, { scale: zoom, x: (-dx * (zoom - 1)) / 2, y: (-dy * (zoom - 1)) / 2 });
    }
    case 'float': {
      const amplitude = animation.amplitude ?? 0.04;
      if (animation.seed !== undefined) return wrap({ kind: 'float', amplitude, seed: String(animation.seed) });
      const stops = [{ y: 0 }, { y: -amplitude }, { y: 0 }, { y: amplitude }, { y: 0 }];
      return { track: { kind: 'stops', stops, positions: null, easings: [gentle, gentle, gentle, gentle] }, wrapper: null };
    }
    case 'pulse':
      return track({ scale: animation.min ?? 0.97 }, { scale: animation.max ?? 1.03 });
    case 'color':
    case 'gradientShift':
      // Fluvie publishes these for a Background.color or gradient *descendant* to read; a spec
      // element never has one, so on spec elements they change no pixels.
      return { track: null, wrapper: null };
    case 'maskWipeIn':
    case 'maskWipeOut': {
      const origin = resolveAlignment(animation.origin ?? 'center');
      return wrap({ kind: 'maskWipe', shape: animation.shape ?? 'circle', originX: origin.x, originY: origin.y, reverse: animation.preset === 'maskWipeOut' });
    }
    case 'glitchIn':
      return wrap({ kind: 'glitch', bias: (animation.from ?? 'left') === 'right' ? 1 : -1, reverse: false, scale: 1 });
    case 'glitchOut':
      return wrap({ kind: 'glitch', bias: (animation.to ?? 'right') === 'right' ? 1 : -1, reverse: true, scale: 1 });
    case 'grain':
      return wrap({ kind: 'grain', amount: clamp01(animation.amount ?? 0) });
    case 'vignette':
      return wrap({ kind: 'vignette', amount: clamp01(animation.amount ?? 0) });
    case 'scanlines':
      return wrap({ kind: 'scanlines', spacing: 3, opacity: 0.35 });
    case 'chromatic':
      return wrap({ kind: 'chromatic', px: animation.px ?? 0 });
    case 'bloom':
      return wrap({ kind: 'bloom', amount: clamp01(animation.amount ?? 0) });
    case 'parallax':
      return wrap({ kind: 'parallax', depth: animation.depth ?? 0.2 });
    case 'along':
      return wrap({ kind: 'along', path: createPathSampler(animation.path, `${planned.path}.path`), orient: animation.orient ?? true });
    case 'particles':
      return wrap({ kind: 'particles', field: resolveParticleField(animation.spec, `${planned.path}.spec`) });
    default:
      // shader; scaleY is handled by reactiveMotion before this switch.
      return null;
  }
}

/**
 * The audio-reactive `pulse {on}` and `scaleY {on}`: a transform wrapper scaling by 1 + gain·energy
 * (gain default 1) of the followed track's band. Returns null without an analysis.
 */
function reactiveMotion(animation: PresetAnimationSpec, planned: PlannedAnimation, audio: AudioAnalysis | null): AnimationMotion | null {
  if (audio === null || (animation.preset !== 'pulse' && animation.preset !== 'scaleY') || animation.on === undefined) return null;
  const band = parseAudioBand(animation.on, `${planned.path}.on`);
  const energies = selectTrack(audio, animation.track, planned.path).energies[band];
  return { track: null, wrapper: { kind: 'reactive', axes: animation.preset === 'pulse' ? 'both' : 'y', gain: animation.gain ?? 1, energies } };
}

function rawTrack(animation: RawAnimationSpec, positions: readonly number[] | null): KeyframeTrack {
  if (animation.keyframes !== undefined) {
    const easings: EaseFunction[] | null = animation.easings === undefined ? null : animation.easings.map((ease) => easeFor(ease));
    return { kind: 'stops', stops: animation.keyframes.map(stopOf), positions, easings };
  }
  return lerp(animation.from === undefined ? {} : stopOf(animation.from), animation.to === undefined ? {} : stopOf(animation.to));
}

/** A spec keyframe as a stop. `color` is dropped: spec elements never read a keyframe colour. */
function stopOf(keyframe: KeyframeSpec): KeyframeStop {
  const { color: _color, origin, ...numbers } = keyframe;
  const stop: KeyframeStop = { ...numbers };
  if (origin !== undefined) {
    const point = resolveAlignment(origin);
    stop.originX = point.x;
    stop.originY = point.y;
  }
  return stop;
}

function lerp(from: KeyframeStop, to: KeyframeStop): KeyframeTrack {
  return { kind: 'lerp', stops: [from, to], positions: null, easings: null };
}

function edgeStop(edge: Edge, distance: number): KeyframeStop {
  const [dx, dy] = EDGES[edge];
  return { x: dx * distance, y: dy * distance };
}

function clamp01(value: number): number {
  return Math.min(Math.max(value, 0), 1);
}

