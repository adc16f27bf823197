/**
 * The animation entries and element effects the native engine cannot draw, with the reason. The
 * audio-reactive forms (`pulse {on}`, `scaleY`) and `beat` triggers need a track's energy or beat
 * times, which the engine does not analyse (VideoSpec audio tracks carry no tempo). Shader effects
 * and presets cannot run here, see {@link NEEDS_FLUTTER_SHADER}.
 */
import type { AnimationSpec, EffectSpec } from '../../../spec/index.js';
import { DRAWN_PRESETS } from './animate.js';
import { isDrawnEffectKind } from './motion/element-effects.js';

type Add = (path: string, feature: string, reason?: string) => void;

const DRAWN_PRESET_SET = new Set<string>(DRAWN_PRESETS);
const NEEDS_AUDIO = 'needs audio analysis (track energy), which the native engine does not do';

/**
 * Fluvie binds the asset through Flutter's `FragmentProgram`: a GLSL `.frag` listed under
 * `flutter: shaders:` that the Flutter build compiles (impellerc) into the app bundle. Node has no
 * runtime for that format, and @napi-rs/canvas 1.2 exposes no Skia runtime effects to run GLSL.
 */
const NEEDS_FLUTTER_SHADER =
  "needs Flutter's FragmentProgram to run a compiled .frag shader; the native engine has no shader runtime (render with --engine flutter)";

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
  if (animation.preset === 'shader') {
    add(path, 'shader animation', `${NEEDS_FLUTTER_SHADER}; the animation would be skipped`);
    return;
  }
  if (!DRAWN_PRESET_SET.has(animation.preset)) add(path, `${animation.preset} animation`, 'not drawn by the native engine; the animation would be skipped');
}

export function checkEffects(effects: readonly EffectSpec[] | undefined, path: string, add: Add): void {
  (effects ?? []).forEach((effect, index) => {
    if (effect.enabled === false || isDrawnEffectKind(effect.kind)) return;
    const reason = effect.kind === 'shader' ? NEEDS_FLUTTER_SHADER : 'not drawn by the native engine';
    add(`${path}[${index}]`, `${effect.kind} effect`, `${reason}; the effect would be skipped`);
  });
}
