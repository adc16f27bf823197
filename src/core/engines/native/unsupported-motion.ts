/**
 * The animation entries and element effects the native engine cannot draw, with the reason. The
 * audio-reactive forms (`pulse {on}`, `scaleY`) and `beat` triggers need a track's energy or beat
 * times, which the engine does not analyse (VideoSpec audio tracks carry no tempo). Particles,
 * shaders, curves and LUTs are not implemented.
 */
import type { AnimationSpec, EffectSpec } from '../../../spec/index.js';
import { DRAWN_PRESETS } from './animate.js';
import { effectMotion } from './motion/element-effects.js';

type Add = (path: string, feature: string, reason?: string) => void;

const DRAWN_PRESET_SET = new Set<string>(DRAWN_PRESETS);
const NEEDS_AUDIO = 'needs audio analysis (track energy), which the native engine does not do';

export function checkAnimation(animation: AnimationSpec, path: string, add: Add): void {
  const trigger = animation.at;
  if (trigger !== undefined && typeof trigger !== 'string' && trigger.kind === 'beat') {
    add(`${path}.at`, 'beat trigger', 'needs the beat times of a music track, which the native engine does not detect; use a time trigger ({"kind": "at"}) instead; the animation would be skipped');
  }
  if (!('preset' in animation) || typeof animation.preset !== 'string') return;
  if (animation.preset === 'scaleY' || (animation.preset === 'pulse' && animation.on !== undefined)) {
    add(path, `audio-reactive ${animation.preset} animation`, `${NEEDS_AUDIO}; the animation would be skipped`);
    return;
  }
  if (!DRAWN_PRESET_SET.has(animation.preset)) add(path, `${animation.preset} animation`, 'not drawn by the native engine; the animation would be skipped');
}

export function checkEffects(effects: readonly EffectSpec[] | undefined, path: string, add: Add): void {
  (effects ?? []).forEach((effect, index) => {
    // Scope length and fps only shape keyframed parameters, which every drawn kind accepts.
    if (effectMotion(effect, 30, 30) !== 'unsupported') return;
    add(`${path}[${index}]`, `${effect.kind} effect`, 'not drawn by the native engine; the effect would be skipped');
  });
}
