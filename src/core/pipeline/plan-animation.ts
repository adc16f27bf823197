/**
 * Animation spans: each `animate[]` entry becomes a frame span `[start, end)` with its curve, from
 * its phase, trigger, delay and duration. Duration and ease cascade field by field: the animation's
 * own value, then the scene's `motionDefaults`, then the video's, then the package default
 * (`0.2r@0.8s`, `smooth`). A spring (the entry's `spring`, or the one `pop`, `scaleIn` and
 * `scaleOut` always carry) replaces duration and ease, and the span lasts its settle frames.
 */
import { FluvieError } from '../errors.js';
import { NAMED_SPRINGS, popSpring, springSettleFrames, type SpringParams } from '../motion/spring.js';
import type { MotionCurve, MotionRepeat } from '../motion/progress.js';
import { parseTime, resolveTimeFrames, type AnimationSpec, type MotionDefaultsSpec, type SpringSpec } from '../../spec/index.js';
import type { AnimationPhase, FrameWindow, PlannedAnimation } from './plan-types.js';

/** Package defaults when no animation or motionDefaults sets them. */
const DEFAULT_DURATION = '0.2r@0.8s';
const DEFAULT_EASE = 'smooth';

const EXIT_PRESETS = new Set(['fadeOut', 'slideOut', 'slideFadeOut', 'scaleOut', 'blurOut', 'maskWipeOut', 'glitchOut', 'color']);
const DURING_PRESETS = new Set([
  'float',
  'pulse',
  'drift',
  'spin',
  'kenBurns',
  'scaleY',
  'grain',
  'vignette',
  'scanlines',
  'chromatic',
  'bloom',
  'parallax',
  'particles',
  'shader',
]);

/** Triggers the planner resolves; anchor and beat triggers are reported as unsupported and not planned. */
export const PLANNED_TRIGGERS = ['auto', 'sceneStart', 'sceneEnd', 'previous', 'at'] as const;

export interface AnimationScope {
  fps: number;
  /** The scene's own window (its start, and its end for `sceneEnd`). */
  scene: FrameWindow;
  /** The element's window: its `show` window, else the scene's. */
  window: FrameWindow;
  /** Cascade layers, nearest first: the scene's motionDefaults, then the video's. */
  motionDefaults: readonly (MotionDefaultsSpec | undefined)[];
}

export function phaseOf(animation: AnimationSpec): AnimationPhase {
  if ('preset' in animation && typeof animation.preset === 'string') {
    if (EXIT_PRESETS.has(animation.preset)) return 'exit';
    if (DURING_PRESETS.has(animation.preset)) return 'during';
    return 'enter';
  }
  const raw = animation as { phase?: AnimationPhase; from?: unknown; to?: unknown; keyframes?: unknown };
  if (raw.phase !== undefined) return raw.phase;
  return raw.from === undefined && raw.keyframes === undefined ? 'exit' : 'enter';
}

/** Plans every entry of an element's `animate[]`; entries with anchor or beat triggers are left out. */
export function planAnimations(animations: readonly AnimationSpec[], path: string, scope: AnimationScope): PlannedAnimation[] {
  const planned: PlannedAnimation[] = [];
  let previousEnd: number | null = null;
  animations.forEach((animation, index) => {
    const entryPath = `${path}.animate[${index}]`;
    const trigger = animation.at ?? 'auto';
    if (typeof trigger !== 'string' && trigger.kind !== 'at') return;
    if (trigger === 'previous' && previousEnd === null) {
      throw new FluvieError('spec_invalid', `${entryPath}.at is "previous" but no earlier animation of this element precedes it; use "auto" or a time trigger`);
    }
    const item = planAnimation(animation, entryPath, scope, previousEnd ?? 0);
    previousEnd = item.timing.end;
    planned.push(item);
  });
  return planned;
}

function planAnimation(animation: AnimationSpec, path: string, scope: AnimationScope, previousEnd: number): PlannedAnimation {
  const phase = phaseOf(animation);
  const scopeLength = scope.window.end - scope.window.start;
  const frames = (text: string): number => resolveTimeFrames(parseTime(text), scope.fps, scopeLength);

  const spring = springOf(animation);
  const duration = spring === null ? frames(cascade(animation.duration, scope, 'duration') ?? DEFAULT_DURATION) : springSettleFrames(spring, scope.fps);
  const curve: MotionCurve = spring === null ? { kind: 'ease', ease: cascade(animation.ease, scope, 'ease') ?? DEFAULT_EASE } : { kind: 'spring', spring };
  const delay = animation.delay === undefined ? 0 : frames(animation.delay);

  const { start, end } = spanOf(animation.at ?? 'auto', phase, duration, delay, scope, previousEnd, frames);
  return { path, animation, phase, timing: { start, end, curve, repeat: phase === 'during' ? repeatOf(animation, frames) : null } };
}

function spanOf(
  trigger: NonNullable<AnimationSpec['at']>,
  phase: AnimationPhase,
  duration: number,
  delay: number,
  scope: AnimationScope,
  previousEnd: number,
  frames: (text: string) => number,
): FrameWindow {
  const { window, scene } = scope;
  const from = (start: number): FrameWindow => ({ start, end: phase === 'during' ? window.end : start + duration });

  if (trigger === 'sceneStart') return from(scene.start + delay);
  if (trigger === 'sceneEnd') return { start: scene.end - delay - duration, end: scene.end - delay };
  if (trigger === 'previous') return from(previousEnd + delay);
  if (typeof trigger !== 'string' && trigger.kind === 'at') return from(window.start + frames(trigger.time) + delay);
  // auto: enter and during start at the window start; exit is anchored to the window end.
  if (phase === 'exit') return { start: window.end - delay - duration, end: window.end - delay };
  return from(window.start + delay);
}

function cascade<Key extends 'duration' | 'ease'>(
  own: MotionDefaultsSpec[Key],
  scope: AnimationScope,
  key: Key,
): MotionDefaultsSpec[Key] {
  if (own !== undefined) return own;
  for (const layer of scope.motionDefaults) {
    const value = layer?.[key];
    if (value !== undefined) return value;
  }
  return undefined;
}

function springOf(animation: AnimationSpec): SpringParams | null {
  if (animation.spring !== undefined) return springParams(animation.spring);
  if (!('preset' in animation)) return null;
  if (animation.preset === 'pop') return popSpring(animation.overshoot ?? 1.1);
  if (animation.preset === 'scaleIn' || animation.preset === 'scaleOut') return NAMED_SPRINGS.snappy;
  return null;
}

function springParams(spring: SpringSpec): SpringParams {
  if (typeof spring === 'string') return NAMED_SPRINGS[spring];
  return { stiffness: spring.stiffness, damping: spring.damping, mass: spring.mass ?? 1, initialVelocity: spring.initialVelocity ?? 0 };
}

function repeatOf(animation: AnimationSpec, frames: (text: string) => number): MotionRepeat | null {
  const repeat = animation.repeat;
  if (repeat === undefined) return null;
  if ('forever' in repeat) return { times: null, yoyo: repeat.yoyo === true, gap: 0 };
  return { times: repeat.times, yoyo: repeat.yoyo === true, gap: repeat.gap === undefined ? 0 : frames(repeat.gap) };
}
