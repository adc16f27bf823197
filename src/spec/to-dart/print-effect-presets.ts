/**
 * Dart for the colour, post-effect, audio-reactive and path presets (`color`, `gradientShift`,
 * `scanlines`, `chromatic`, `bloom`, `parallax`, `shader`, `scaleY`, `along`), in the argument
 * shapes of Fluvie's Animation constructors.
 */
import type { PresetAnimationSpec } from '../schema/types.js';
import type { AnchorNames } from './anchor-names.js';
import { call, list, named, positional, raw, type DartArg, type DartExpr } from './dart-expr.js';
import { dartColor, dartEnum, dartNumber, dartString } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';

/** Prints one of the presets above, or returns null for any other preset. */
export function printEffectPreset(
  animation: PresetAnimationSpec,
  tail: ReadonlyArray<DartArg | null>,
  /** Builds the tail of presets that take no duration, ease or spring; it rejects those fields. */
  ambientTail: () => ReadonlyArray<DartArg | null>,
  anchors: AnchorNames,
  path: string,
): DartExpr | null {
  switch (animation.preset) {
    case 'color':
      return call('Animation.color', [named('to', dartColor(animation.to, `${path}.to`)), ...tail]);
    case 'gradientShift':
      return call('Animation.gradientShift', [named('to', list(animation.to.map((color, index) => dartColor(color, `${path}.to[${index}]`)))), ...tail]);
    case 'scanlines':
      return call('Animation.scanlines', [...tail]);
    case 'chromatic':
      return call('Animation.chromatic', [positional(dartNumber(animation.px ?? 0, `${path}.px`)), ...tail]);
    case 'bloom':
      return call('Animation.bloom', [positional(dartNumber(animation.amount ?? 0, `${path}.amount`)), ...tail]);
    case 'parallax':
      return call('Animation.parallax', [animation.depth === undefined ? null : named('depth', dartNumber(animation.depth, `${path}.depth`)), ...tail]);
    case 'shader':
      return call('Animation.shader', [positional(dartString(animation.asset)), uniformsArg(animation.uniforms, `${path}.uniforms`), ...tail]);
    case 'scaleY':
      if (animation.on === undefined) throw new DartPrintError(`${path}.on`, 'scaleY needs an audio band in "on" to print');
      return call('Animation.scaleY', [
        named('on', dartEnum('AudioBand', animation.on)),
        animation.gain === undefined ? null : named('gain', dartNumber(animation.gain, `${path}.gain`)),
        animation.track === undefined ? null : named('track', anchors.variableFor(animation.track)),
        ...ambientTail(),
      ]);
    case 'along':
      return call('Animation.along', [
        positional(call('pathFromSvg', [positional(dartString(animation.path))])),
        animation.orient === false ? named('orient', raw('false')) : null,
        animation.phase === undefined ? null : named('phase', dartEnum('AnimationPhase', animation.phase)),
        ...tail,
      ]);
    default:
      return null;
  }
}

/** `uniforms: {'name': 1.0}`, left out when empty; Fluvie's shader uniforms are numbers only. */
function uniformsArg(uniforms: Record<string, unknown> | undefined, path: string): DartArg | null {
  if (uniforms === undefined || Object.keys(uniforms).length === 0) return null;
  const entries = Object.entries(uniforms).map(([key, value]) => {
    if (typeof value !== 'number') throw new DartPrintError(`${path}.${key}`, 'shader uniforms must be numbers to print');
    return `${(dartString(key) as { text: string }).text}: ${(dartNumber(value, `${path}.${key}`) as { text: string }).text}`;
  });
  return named('uniforms', raw(`{${entries.join(', ')}}`));
}
