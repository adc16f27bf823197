/**
 * Animation spans: each `animate[]` entry becomes a frame span `[start, end)` with its curve, from
 * its phase, trigger, delay and duration. Duration, ease and stagger cascade field by field: the
 * animation's own value, then the scene's `motionDefaults`, then the video's, then the package
 * default (`0.2r@0.8s`, `smooth`, no stagger). A spring (the entry's `spring`, or the one `pop`,
 * `scaleIn` and `scaleOut` always carry) replaces duration and ease, and the span lasts its settle
 * frames.
 */
import { FluvieError } from '../errors.js';
import { NAMED_SPRINGS, popSpring, springSettleFrames, type SpringParams } from '../motion/spring.js';
import type { MotionCurve, MotionRepeat } from '../motion/progress.js';
import { parseTime, resolveTimeFrames, type AnimationSpec, type MotionDefaultsSpec, type SpringSpec } from '../../spec/index.js';
import { firstBeatAtOrAfter } from '../audio/audio-analysis.js';
import { presetTiming } from './plan-preset-timing.js';
import { resolveStagger } from './plan-stagger.js';
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

/** Triggers the planner resolves; `beat` triggers only when the scope carries beat frames. */
export const PLANNED_TRIGGERS = ['auto', 'sceneStart', 'sceneEnd', 'previous', 'at', 'whenEnds', 'whenStarts', 'beat'] as const;

export interface AnimationScope {
  fps: number;
  /** The scene's own window (its start, and its end for `sceneEnd`). */
  scene: FrameWindow;
  /** The element's window: its `show` window, else the scene's. */
  window: FrameWindow;
  /** Cascade layers, nearest first: the scene's motionDefaults, then the video's. */
  motionDefaults: readonly (MotionDefaultsSpec | undefined)[];
  /**
   * The timeline `[min start, max end]` of the element that declares `anchor`; `path` names the
   * trigger asking, for error messages. Absent when the caller plans no anchor triggers.
   */
  anchorTimeline?: (anchor: string, path: string) => FrameWindow;
  /**
   * The beat frames (ascending) of the music track named `track`, or of the video's first music
   * track when it is undefined. `path` names the trigger asking. Without an audio analysis this is
   * absent, and `beat` triggers are left out of the plan.
   */
  beatFrames?: (track: string | undefined, path: string) => readonly number[];
}

export function phaseOf(animation: AnimationSpec): AnimationPhase {
  if ('preset' in animation && typeof animation.preset === 'string') {
    // `along` is an enter preset unless its `phase` argument says otherwise.
    if (animation.preset === 'along' && animation.phase !== undefined) return animation.phase;
    if (EXIT_PRESETS.has(animation.preset)) return 'exit';
    if (DURING_PRESETS.has(animation.preset)) return 'during';
    return 'enter';
  }
  const raw = animation as { phase?: AnimationPhase; from?: unknown; to?: unknown; keyframes?: unknown };
  if (raw.phase !== undefined) return raw.phase;
  return raw.from === undefined && raw.keyframes === undefined ? 'exit' : 'enter';
}

/** Plans every entry of an element's `animate[]`; `beat` triggers are left out when the scope has no beat frames. */
export function planAnimations(animations: readonly AnimationSpec[], path: string, scope: AnimationScope): PlannedAnimation[] {
  const planned: PlannedAnimation[] = [];
  let previousEnd: number | null = null;
  animations.forEach((animation, index) => {
    const entryPath = `${path}.animate[${index}]`;
    const trigger = animation.at ?? 'auto';
    if (typeof trigger !== 'string' && trigger.kind === 'beat' && scope.beatFrames === undefined) return;
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

  const preset = presetTiming(animation);
  const spring = springOf(animation);
  const duration = spring === null ? durationFrames(animation, preset.duration, preset.durationFactor, scope, frames) : springSettleFrames(spring, scope.fps);
  const ease = animation.ease ?? preset.ease ?? cascade(undefined, scope, 'ease') ?? DEFAULT_EASE;
  const curve: MotionCurve = spring === null ? { kind: 'ease', ease } : { kind: 'spring', spring };
  const delay = animation.delay === undefined ? 0 : frames(animation.delay);

  const { start, end } = spanOf(animation.at ?? 'auto', phase, duration, delay, scope, previousEnd, frames, path);
  const repeat = phase === 'during' ? repeatOf(animation.repeat ?? preset.repeat ?? undefined, duration, frames) : null;
  const stagger = animation.stagger ?? cascade(undefined, scope, 'stagger');
  return {
    path,
    animation,
    phase,
    timing: { start, end, curve, repeat },
    stagger: stagger === undefined ? null : resolveStagger(stagger, scope.fps, scopeLength),
    stopPositions: stopPositionsOf(animation, end - start, scope.fps),
    scope: scope.window,
    scene: scope.scene,
  };
}

/**
 * Resolves raw `keyframes` stop positions against the animation's own span: a relative time is a
 * fraction of it, an absolute time is its frames divided by the span length.
 */
function stopPositionsOf(animation: AnimationSpec, spanFrames: number, fps: number): number[] | null {
  if ('preset' in animation && animation.preset !== undefined) return null;
  const positions = (animation as { positions?: readonly string[] }).positions;
  if (positions === undefined || spanFrames <= 0) return null;
  return positions.map((text) => resolveTimeFrames(parseTime(text), fps, spanFrames) / spanFrames);
}

function durationFrames(
  animation: AnimationSpec,
  presetDuration: string | null,
  factor: number,
  scope: AnimationScope,
  frames: (text: string) => number,
): number {
  const text = presetDuration ?? cascade(animation.duration, scope, 'duration') ?? DEFAULT_DURATION;
  const resolved = frames(text);
  return factor === 1 ? resolved : Math.round(resolved * factor);
}

function spanOf(
  trigger: NonNullable<AnimationSpec['at']>,
  phase: AnimationPhase,
  duration: number,
  delay: number,
  scope: AnimationScope,
  previousEnd: number,
  frames: (text: string) => number,
  path: string,
): FrameWindow {
  const { window, scene } = scope;
  const from = (start: number): FrameWindow => ({ start, end: phase === 'during' ? window.end : start + duration });

  if (typeof trigger !== 'string' && (trigger.kind === 'whenEnds' || trigger.kind === 'whenStarts')) {
    if (scope.anchorTimeline === undefined) {
      throw new FluvieError('spec_invalid', `${path}.at names anchor "${trigger.anchor}", but anchors are not resolved in this context`);
    }
    const timeline = scope.anchorTimeline(trigger.anchor, `${path}.at`);
    return from((trigger.kind === 'whenEnds' ? timeline.end : timeline.start) + delay);
  }

  if (typeof trigger !== 'string' && trigger.kind === 'beat') return from(beatStart(trigger, window, scope, `${path}.at`) + delay);
  if (trigger === 'sceneStart') return from(scene.start + delay);
  if (trigger === 'sceneEnd') return { start: scene.end - delay - duration, end: scene.end - delay };
  if (trigger === 'previous') return from(previousEnd + delay);
  if (typeof trigger !== 'string' && trigger.kind === 'at') return from(window.start + frames(trigger.time) + delay);
  // auto: enter and during start at the window start; exit is anchored to the window end.
  if (phase === 'exit') return { start: window.end - delay - duration, end: window.end - delay };
  return from(window.start + delay);
}

/**
 * Returns the first of every `every` beats (default 1) at or after the window start.
 * @throws FluvieError `spec_invalid` when no such beat comes before the window ends.
 */
function beatStart(trigger: { every?: number; track?: string }, window: FrameWindow, scope: AnimationScope, path: string): number {
  const beats = scope.beatFrames?.(trigger.track, path) ?? [];
  const beat = firstBeatAtOrAfter(beats, window.start, trigger.every ?? 1);
  if (beat === null || beat >= window.end) {
    const track = trigger.track === undefined ? "the video's first music track" : `track "${trigger.track}"`;
    throw new FluvieError(
      'spec_invalid',
      `${path} waits for a beat of ${track}, but none was detected between frames ${window.start} and ${window.end} (${beats.length} beats in all); use a time trigger ({"kind": "at"}) or music with a clear beat in that window`,
    );
  }
  return beat;
}

function cascade<Key extends 'duration' | 'ease' | 'stagger'>(
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

function repeatOf(repeat: AnimationSpec['repeat'], cycle: number, frames: (text: string) => number): MotionRepeat | null {
  if (repeat === undefined) return null;
  if ('forever' in repeat) return { times: null, yoyo: repeat.yoyo === true, gap: 0, cycle };
  return { times: repeat.times, yoyo: repeat.yoyo === true, gap: repeat.gap === undefined ? 0 : frames(repeat.gap), cycle };
}
