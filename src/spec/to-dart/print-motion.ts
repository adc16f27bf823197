/** Dart for animations, their timing tail, triggers, springs, staggers, repeats and motion defaults. */
import type { AnimationSpec, KeyframeSpec, PresetAnimationSpec, RawAnimationSpec, MotionDefaultsSpec, RepeatSpec, SpringSpec, StaggerSpec, TriggerSpec } from '../schema/types.js';
import type { AnchorNames } from './anchor-names.js';
import { call, named, positional, raw, type DartArg, type DartExpr } from './dart-expr.js';
import { dartAlignment, dartColor, dartEase, dartEnum, dartNumber, dartString, dartTime } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';
import { printEffectPreset } from './print-effect-presets.js';

/** Presets whose Dart constructors take no duration, ease or spring (they run for the whole window). */
const AMBIENT_PRESETS = new Set(['spin', 'drift', 'kenBurns']);

/** Prints one `.animate([...])` entry. */
export function printAnimation(animation: AnimationSpec, anchors: AnchorNames, path: string): DartExpr {
  if (isPreset(animation)) return printPreset(animation, anchors, path);
  const keyframes = animation as RawAnimationSpec;
  if (keyframes.keyframes !== undefined || keyframes.positions !== undefined || keyframes.phase !== undefined) {
    throw new DartPrintError(path, 'multi-stop keyframe animations are not printed');
  }
  const tail = timingTail(animation, anchors, path, false);
  const { from, to } = keyframes;
  if (from !== undefined && to !== undefined) {
    return call('Animation.fromTo', [positional(keyframe(from, `${path}.from`)), positional(keyframe(to, `${path}.to`)), ...tail]);
  }
  if (from !== undefined) return call('Animation.from', [positional(keyframe(from, `${path}.from`)), ...tail]);
  if (to !== undefined) return call('Animation.to', [positional(keyframe(to, `${path}.to`)), ...tail]);
  throw new DartPrintError(path, 'an animation needs a preset, "from" or "to"');
}

type Preset = PresetAnimationSpec;

function isPreset(animation: AnimationSpec): animation is PresetAnimationSpec {
  return (animation as { preset?: unknown }).preset !== undefined;
}

function printPreset(animation: Preset, anchors: AnchorNames, path: string): DartExpr {
  const tail = AMBIENT_PRESETS.has(animation.preset) ? timingTail(animation, anchors, path, true) : timingTail(animation, anchors, path, false);
  const args = animation as unknown as Record<string, unknown>;
  const edge = (name: string): DartArg | null => (typeof args[name] === 'string' ? named(name, dartEnum('Edge', args[name] as string)) : null);
  const number = (name: string): DartArg | null => (typeof args[name] === 'number' ? named(name, dartNumber(args[name] as number, `${path}.${name}`)) : null);
  const name = `Animation.${animation.preset}`;

  switch (animation.preset) {
    case 'fadeIn':
    case 'fadeOut':
      return call(name, tail);
    case 'slideIn':
    case 'slideFadeIn':
      return call(name, [edge('from'), ...tail]);
    case 'slideOut':
    case 'slideFadeOut':
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
      return call(name, [animation.period === undefined ? null : named('period', dartTime(animation.period, `${path}.period`)), ...tail]);
    case 'drift':
      return call(name, [edge('to'), number('distance'), ...tail]);
    case 'kenBurns':
      return call(name, [number('zoom'), edge('pan'), ...tail]);
    default: {
      const printed = printEffectPreset(animation, tail, () => timingTail(animation, anchors, path, true), anchors, path);
      if (printed === null) throw new DartPrintError(path, `the "${animation.preset}" preset is not printed yet`);
      return printed;
    }
  }
}

/** Builds the shared timing arguments. Ambient presets take no duration, ease or spring. */
function timingTail(animation: AnimationSpec, anchors: AnchorNames, path: string, ambient: boolean): Array<DartArg | null> {
  if (ambient && (animation.duration !== undefined || animation.ease !== undefined || animation.spring !== undefined)) {
    throw new DartPrintError(path, 'spin, drift, kenBurns and scaleY take no duration, ease or spring in Dart');
  }
  return [
    animation.duration === undefined ? null : named('duration', dartTime(animation.duration, `${path}.duration`)),
    animation.ease === undefined ? null : named('ease', dartEase(animation.ease, `${path}.ease`)),
    animation.spring === undefined ? null : named('spring', printSpring(animation.spring, `${path}.spring`)),
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

function printStagger(stagger: StaggerSpec, path: string): DartExpr {
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
