/** Dart for animations, their timing tail, triggers, springs, staggers, repeats and motion defaults. */
import type { AnimationSpec, KeyframeSpec, PresetAnimationSpec, RawAnimationSpec, MotionDefaultsSpec, RepeatSpec, SpringSpec, StaggerSpec, TriggerSpec } from '../schema/types.js';
import type { AnchorNames } from './anchor-names.js';
import { call, list, named, positional, raw, type DartArg, type DartExpr } from './dart-expr.js';
import { dartAlignment, dartAudioBand, dartColor, dartEase, dartEnum, dartNumber, dartString, dartTime } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';
import { printEffectPreset } from './print-effect-presets.js';

/**
 * Presets that run for the whole window. Their Dart constructors take no duration, ease or spring,
 * and Fluvie's spec builder ignores a duration or spring on them, so the printer leaves those out.
 * An ease is applied with `.withEase(...)`, as the builder does.
 */
const AMBIENT_PRESETS = new Set(['spin', 'drift', 'kenBurns', 'float', 'pulse', 'scaleY']);

/** Prints one `.animate([...])` entry. */
export function printAnimation(animation: AnimationSpec, anchors: AnchorNames, path: string): DartExpr {
  if (isPreset(animation)) {
    const printed = printPreset(animation, anchors, path);
    if (!AMBIENT_PRESETS.has(animation.preset) || animation.ease === undefined) return printed;
    return call('withEase', [positional(dartEase(animation.ease, `${path}.ease`))], printed);
  }
  const keyframes = animation as RawAnimationSpec;
  if (keyframes.keyframes !== undefined) return printKeyframes(keyframes, keyframes.keyframes, anchors, path);
  // Fluvie's builder reads `easings`, `positions` and `phase` only in the keyframes form, so they are left out here.
  const tail = timingTail(animation, anchors, path, false);
  const { from, to } = keyframes;
  if (from !== undefined && to !== undefined) {
    return call('Animation.fromTo', [positional(keyframe(from, `${path}.from`)), positional(keyframe(to, `${path}.to`)), ...tail]);
  }
  if (from !== undefined) return call('Animation.from', [positional(keyframe(from, `${path}.from`)), ...tail]);
  if (to !== undefined) return call('Animation.to', [positional(keyframe(to, `${path}.to`)), ...tail]);
  throw new DartPrintError(path, 'an animation needs a preset, "from", "to" or "keyframes"');
}

/**
 * `Animation.keyframes([...], easings:, at: [positions], phase:, ...)`. On this constructor `at`
 * names the stop positions, so the start trigger prints as `trigger:`.
 */
function printKeyframes(animation: RawAnimationSpec, stops: readonly KeyframeSpec[], anchors: AnchorNames, path: string): DartExpr {
  const tail = timingTail(animation, anchors, path, false).map((arg) => (arg?.name === 'at' ? { name: 'trigger', value: arg.value } : arg));
  return call('Animation.keyframes', [
    positional(list(stops.map((stop, index) => keyframe(stop, `${path}.keyframes[${index}]`)))),
    animation.easings === undefined ? null : named('easings', list(animation.easings.map((ease, index) => dartEase(ease, `${path}.easings[${index}]`)))),
    animation.positions === undefined ? null : named('at', list(animation.positions.map((time, index) => dartTime(time, `${path}.positions[${index}]`)))),
    animation.phase === undefined ? null : named('phase', dartEnum('AnimationPhase', animation.phase)),
    ...tail,
  ]);
}

type Preset = PresetAnimationSpec;

function isPreset(animation: AnimationSpec): animation is PresetAnimationSpec {
  return (animation as { preset?: unknown }).preset !== undefined;
}

function printPreset(animation: Preset, anchors: AnchorNames, path: string): DartExpr {
  const tail = timingTail(animation, anchors, path, AMBIENT_PRESETS.has(animation.preset));
  const args = animation as unknown as Record<string, unknown>;
  const edge = (name: string): DartArg | null => (typeof args[name] === 'string' ? named(name, dartEnum('Edge', args[name] as string)) : null);
  const number = (name: string): DartArg | null => (typeof args[name] === 'number' ? named(name, dartNumber(args[name] as number, `${path}.${name}`)) : null);
  const time = (name: string): DartArg | null => (typeof args[name] === 'string' ? named(name, dartTime(args[name] as string, `${path}.${name}`)) : null);
  const name = `Animation.${animation.preset}`;

  switch (animation.preset) {
    case 'fadeIn':
    case 'fadeOut':
    case 'scanlines':
      return call(name, tail);
    case 'slideIn':
    case 'slideFadeIn':
    case 'glitchIn':
      return call(name, [edge('from'), ...tail]);
    case 'slideOut':
    case 'slideFadeOut':
    case 'glitchOut':
      return call(name, [edge('to'), ...tail]);
    case 'pop':
      return call(name, [number('overshoot'), ...tail]);
    case 'scaleIn':
      return call(name, [number('from'), ...tail]);
    case 'scaleOut':
      return call(name, [number('to'), ...tail]);
    case 'blurIn':
    case 'blurOut':
      return call(name, [number('sigma'), ...tail]);
    case 'grain':
    case 'vignette':
      return call(name, [positional(dartNumber(animation.amount ?? 0, `${path}.amount`)), ...tail]);
    case 'spin':
      return call(name, [time('period'), ...tail]);
    case 'drift':
      return call(name, [edge('to'), number('distance'), ...tail]);
    case 'kenBurns':
      return call(name, [number('zoom'), edge('pan'), ...tail]);
    case 'maskWipeIn':
    case 'maskWipeOut':
      return call(name, [
        animation.shape === undefined ? null : named('shape', dartEnum('WipeShape', animation.shape)),
        animation.origin === undefined ? null : named('origin', dartAlignment(animation.origin, `${path}.origin`)),
        ...tail,
      ]);
    case 'float':
      // Fluvie's builder reads only a string seed; a whole-number seed is ignored there, so it is left out here.
      return call(name, [number('amplitude'), time('period'), typeof animation.seed === 'string' ? named('seed', dartString(animation.seed)) : null, ...tail]);
    case 'pulse':
      return call(name, [
        animation.on === undefined ? null : named('on', dartAudioBand(animation.on, `${path}.on`)),
        number('gain'),
        animation.track === undefined ? null : named('track', anchors.variableFor(animation.track)),
        number('min'),
        number('max'),
        time('period'),
        ...tail,
      ]);
    default: {
      const printed = printEffectPreset(animation, tail, anchors, path);
      if (printed === null) throw new DartPrintError(path, `the "${animation.preset}" preset has no Dart form`);
      return printed;
    }
  }
}

/** Builds the shared timing arguments. Ambient presets take no duration, ease or spring. */
function timingTail(animation: AnimationSpec, anchors: AnchorNames, path: string, ambient: boolean): Array<DartArg | null> {
  return [
    ambient || animation.duration === undefined ? null : named('duration', dartTime(animation.duration, `${path}.duration`)),
    ambient || animation.ease === undefined ? null : named('ease', dartEase(animation.ease, `${path}.ease`)),
    ambient || animation.spring === undefined ? null : named('spring', printSpring(animation.spring, `${path}.spring`)),
    animation.delay === undefined ? null : named('delay', dartTime(animation.delay, `${path}.delay`)),
    animation.at === undefined ? null : named('at', printTrigger(animation.at, anchors, `${path}.at`)),
    animation.stagger === undefined ? null : named('stagger', printStagger(animation.stagger, `${path}.stagger`)),
    animation.repeat === undefined ? null : named('repeat', printRepeat(animation.repeat, `${path}.repeat`)),
    animation.label === undefined ? null : named('label', dartString(animation.label)),
  ];
}

const KEYFRAME_NUMBERS = ['opacity', 'x', 'y', 'scale', 'scaleX', 'scaleY', 'rotation', 'skewX', 'skewY', 'blur'] as const;

function keyframe(frame: KeyframeSpec, path: string): DartExpr {
  return call('Keyframe', [
    ...KEYFRAME_NUMBERS.map((field) => {
      const value = frame[field];
      return value === undefined ? null : named(field, dartNumber(value, `${path}.${field}`));
    }),
    frame.color === undefined ? null : named('color', dartColor(frame.color, `${path}.color`)),
    frame.origin === undefined ? null : named('origin', dartAlignment(frame.origin, `${path}.origin`)),
  ]);
}

/** Prints a `Trigger`. Anchor references print as the shared variables. */
export function printTrigger(trigger: TriggerSpec, anchors: AnchorNames, path: string): DartExpr {
  if (typeof trigger === 'string') return raw(`Trigger.${trigger}`);
  switch (trigger.kind) {
    case 'at':
      return call('Trigger.at', [positional(dartTime(trigger.time, `${path}.time`))]);
    case 'beat':
      return call('Trigger.beat', [
        trigger.every === undefined ? null : named('every', dartNumber(trigger.every, `${path}.every`)),
        trigger.track === undefined ? null : named('track', anchors.variableFor(trigger.track)),
      ]);
    case 'whenEnds':
      return call('Trigger.whenEnds', [positional(anchors.variableFor(trigger.anchor))]);
    case 'whenStarts':
      return call('Trigger.whenStarts', [positional(anchors.variableFor(trigger.anchor))]);
  }
}

function printSpring(spring: SpringSpec, path: string): DartExpr {
  if (typeof spring === 'string') return raw(`Spring.${spring}`);
  return call('Spring', [
    named('stiffness', dartNumber(spring.stiffness, `${path}.stiffness`)),
    named('damping', dartNumber(spring.damping, `${path}.damping`)),
    spring.mass === undefined ? null : named('mass', dartNumber(spring.mass, `${path}.mass`)),
    spring.initialVelocity === undefined ? null : named('initialVelocity', dartNumber(spring.initialVelocity, `${path}.initialVelocity`)),
  ]);
}

export function printStagger(stagger: StaggerSpec, path: string): DartExpr {
  if ('each' in stagger) return call('Stagger.each', [positional(dartTime(stagger.each, `${path}.each`))]);
  if ('evenly' in stagger) return call('Stagger.evenly', [named('over', dartTime(stagger.evenly, `${path}.evenly`))]);
  return call('Stagger.from', [
    positional(dartEnum('StaggerOrigin', stagger.from)),
    stagger.gap === undefined ? null : named('gap', dartTime(stagger.gap, `${path}.gap`)),
  ]);
}

function printRepeat(repeat: RepeatSpec, path: string): DartExpr {
  const yoyo = repeat.yoyo === true ? named('yoyo', raw('true')) : null;
  if ('forever' in repeat) return call('Repeat.forever', [yoyo]);
  return call('Repeat.times', [
    positional(dartNumber(repeat.times, `${path}.times`)),
    yoyo,
    repeat.gap === undefined ? null : named('gap', dartTime(repeat.gap, `${path}.gap`)),
  ]);
}

/** Prints `Defaults(...)` over the fields that are set. */
export function printMotionDefaults(defaults: MotionDefaultsSpec, path: string): DartExpr {
  return call('Defaults', [
    defaults.duration === undefined ? null : named('duration', dartTime(defaults.duration, `${path}.duration`)),
    defaults.ease === undefined ? null : named('ease', dartEase(defaults.ease, `${path}.ease`)),
    defaults.stagger === undefined ? null : named('stagger', printStagger(defaults.stagger, `${path}.stagger`)),
  ]);
}
