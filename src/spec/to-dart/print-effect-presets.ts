/**
 * Dart for the colour, post-effect, particle, audio-reactive and path presets (`color`,
 * `gradientShift`, `chromatic`, `bloom`, `parallax`, `particles`, `shader`, `scaleY`, `along`), in
 * the argument shapes of Fluvie's Animation constructors.
 */
import type { PresetAnimationSpec } from '../schema/types.js';
import type { AnchorNames } from './anchor-names.js';
import { call, list, named, positional, raw, type DartArg, type DartExpr } from './dart-expr.js';
import { dartAudioBand, dartColor, dartEnum, dartNumber, dartString } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';

/** Prints one of the presets above, or returns null for any other preset. */
export function printEffectPreset(
  animation: PresetAnimationSpec,
  /** The timing arguments, already without duration, ease and spring for the ambient `scaleY`. */
  tail: ReadonlyArray<DartArg | null>,
  anchors: AnchorNames,
  path: string,
): DartExpr | null {
  switch (animation.preset) {
    case 'color':
      return call('Animation.color', [named('to', dartColor(animation.to, `${path}.to`)), ...tail]);
    case 'gradientShift':
      return call('Animation.gradientShift', [named('to', list(animation.to.map((color, index) => dartColor(color, `${path}.to[${index}]`)))), ...tail]);
    case 'chromatic':
      return call('Animation.chromatic', [positional(dartNumber(animation.px ?? 0, `${path}.px`)), ...tail]);
    case 'bloom':
      return call('Animation.bloom', [positional(dartNumber(animation.amount ?? 0, `${path}.amount`)), ...tail]);
    case 'parallax':
      return call('Animation.parallax', [animation.depth === undefined ? null : named('depth', dartNumber(animation.depth, `${path}.depth`)), ...tail]);
    case 'particles':
      return call('Animation.particles', [positional(printParticles(animation.spec, `${path}.spec`)), ...tail]);
    case 'shader':
      return call('Animation.shader', [positional(dartString(animation.asset)), uniformsArg(animation.uniforms, `${path}.uniforms`), ...tail]);
    case 'scaleY':
      if (animation.on === undefined) throw new DartPrintError(`${path}.on`, 'scaleY needs an audio band in "on" to print');
      return call('Animation.scaleY', [
        named('on', dartAudioBand(animation.on, `${path}.on`)),
        animation.gain === undefined ? null : named('gain', dartNumber(animation.gain, `${path}.gain`)),
        animation.track === undefined ? null : named('track', anchors.variableFor(animation.track)),
        ...tail,
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

const PARTICLE_KINDS = new Set(['confetti', 'snow', 'sparkle']);
const PARTICLE_NUMBERS = ['minSize', 'maxSize', 'fallSpeed', 'drift', 'spinSpeed'] as const;
const PARTICLE_KEYS = new Set(['kind', 'count', 'seed', 'palette', ...PARTICLE_NUMBERS]);

/** `Particles.<kind>(...)` over the fields the document sets, so each kind keeps its own defaults. */
export function printParticles(spec: { kind: string } & Record<string, unknown>, path: string): DartExpr {
  if (!PARTICLE_KINDS.has(spec.kind)) throw new DartPrintError(`${path}.kind`, `Fluvie has no ${JSON.stringify(spec.kind)} particles; use confetti, snow or sparkle`);
  const extra = Object.keys(spec).find((key) => !PARTICLE_KEYS.has(key));
  if (extra !== undefined) throw new DartPrintError(`${path}.${extra}`, `the particles property "${extra}" has no Dart form`);
  const number = (key: string): DartArg | null => {
    const value = spec[key];
    if (value === undefined) return null;
    if (typeof value !== 'number') throw new DartPrintError(`${path}.${key}`, `"${key}" must be a number`);
    return named(key, dartNumber(value, `${path}.${key}`));
  };
  const { seed, palette } = spec;
  if (seed !== undefined && typeof seed !== 'string') throw new DartPrintError(`${path}.seed`, '"seed" must be a string');
  if (palette !== undefined && !Array.isArray(palette)) throw new DartPrintError(`${path}.palette`, '"palette" must be a list of colours');
  return call(`Particles.${spec.kind}`, [
    number('count'),
    seed === undefined ? null : named('seed', dartString(seed)),
    palette === undefined ? null : named('palette', list(palette.map((color: unknown, index) => paletteColor(color, `${path}.palette[${index}]`)))),
    ...PARTICLE_NUMBERS.map(number),
  ]);
}

function paletteColor(color: unknown, path: string): DartExpr {
  if (typeof color !== 'string') throw new DartPrintError(path, 'a palette colour must be a "#RRGGBB" or "#AARRGGBB" string');
  return dartColor(color, path);
}
