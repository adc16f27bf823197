/**
 * The animation entries and element effects the native engine cannot draw, with the reason.
 * Shader effects and presets cannot run here, see {@link NEEDS_FLUTTER_SHADER}.
 */
import type { AnimationSpec, EffectSpec } from '../../../spec/index.js';
import { DRAWN_PRESETS } from './animate.js';
import { isDrawnEffectKind } from './motion/element-effects.js';

type Add = (path: string, feature: string, reason?: string) => void;

const DRAWN_PRESET_SET = new Set<string>(DRAWN_PRESETS);

/**
 * Fluvie binds the asset through Flutter's `FragmentProgram`: a GLSL `.frag` listed under
 * `flutter: shaders:` that the Flutter build compiles (impellerc) into the app bundle. Node has no
 * runtime for that format, and @napi-rs/canvas 1.2 exposes no Skia runtime effects to run GLSL.
 */
const NEEDS_FLUTTER_SHADER =
  "needs Flutter's FragmentProgram to run a compiled .frag shader; the native engine has no shader runtime (render with --engine flutter)";

export function checkAnimation(animation: AnimationSpec, path: string, add: Add): void {
  if (!('preset' in animation) || typeof animation.preset !== 'string') return;
  // The audio-reactive scaleY is drawn from the analysed music track, like `pulse {on}`.
  if (animation.preset === 'scaleY') return;
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
