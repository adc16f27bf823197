/**
 * Scene offsets and total length. Scenes play back to back; an overlapping transition starts the
 * next scene F frames before the previous one ends, which shortens the video by F.
 */
import { FluvieError } from '../core/errors.js';
import type { AlignmentSpec, SceneSpec, TransitionSpec, VideoSpec } from './schema/types.js';
import type { EaseSpec } from './schema/types.js';
import { formatTime, parseTime, resolveTimeFrames } from './time.js';

/** Frames per second when a spec sets no `fps`. */
export const DEFAULT_FPS = 30;

type Edge = 'left' | 'right' | 'top' | 'bottom';

interface BlendBase {
  /** Blend length in frames (F > 0). */
  readonly frames: number;
  /** True when the outgoing scene keeps playing under the blend (its last F frames). */
  readonly overlap: boolean;
  readonly ease: EaseSpec;
}

/** A blended transition into a scene, with its defaults resolved. */
export type SceneTransitionIn =
  | (BlendBase & { readonly kind: 'crossFade' })
  | (BlendBase & { readonly kind: 'wipe'; readonly direction: Edge })
  | (BlendBase & { readonly kind: 'zoom'; readonly into: AlignmentSpec })
  | (BlendBase & { readonly kind: 'slide'; readonly from: Edge });

export interface SceneWindow {
  readonly index: number;
  /** First frame of the scene in video frames. */
  readonly start: number;
  /** Full length of the scene in frames (an overlap does not shorten it). */
  readonly duration: number;
  /** Blend at the start of this scene; null for a cut and for the first scene. */
  readonly transitionIn: SceneTransitionIn | null;
}

export interface SceneTimeline {
  readonly fps: number;
  readonly scenes: readonly SceneWindow[];
  /** Output frames 0 .. totalFrames - 1. */
  readonly totalFrames: number;
}

/**
 * Picks the transition at the boundary into `next`: `next.enter`, else `previous.exit`, else the
 * video's `transition`. A scene-level `cut` on either side wins over everything. Null means none.
 * NOTE: Fluvie documents only that "an explicit cut always wins"; reading a video-level cut as a
 * default that a scene's own transition overrides is this project's interpretation.
 */
export function chooseBoundaryTransition(previous: SceneSpec, next: SceneSpec, video: VideoSpec): TransitionSpec | null {
  if (next.enter?.kind === 'cut' || previous.exit?.kind === 'cut') return { kind: 'cut' };
  return next.enter ?? previous.exit ?? video.transition ?? null;
}

/**
 * Resolves scene starts, durations, blends and the total frame count.
 * @throws FluvieError `spec_invalid` when a scene or transition duration is relative (`r`).
 */
export function resolveSceneTimeline(spec: VideoSpec): SceneTimeline {
  const fps = spec.fps ?? DEFAULT_FPS;
  const durations = spec.scenes.map((scene, index) => resolveAbsoluteFrames(scene.duration, fps, `scenes[${index}].duration`));

  const scenes: SceneWindow[] = [];
  let start = 0;
  for (const [index, scene] of spec.scenes.entries()) {
    const previous = index === 0 ? undefined : spec.scenes[index - 1];
    const transitionIn = previous === undefined ? null : resolveBlend(chooseBoundaryTransition(previous, scene, spec), fps, index);
    if (index > 0) {
      start += (durations[index - 1] ?? 0) - (transitionIn?.overlap === true ? transitionIn.frames : 0);
    }
    scenes.push({ index, start, duration: durations[index] ?? 0, transitionIn });
  }

  const last = scenes[scenes.length - 1];
  return { fps, scenes, totalFrames: last === undefined ? 0 : last.start + last.duration };
}

/** Resolves a timed transition's defaults; null for a cut or zero length. `sceneIndex` names it in errors. */
export function resolveBlend(transition: TransitionSpec | null, fps: number, sceneIndex: number): SceneTransitionIn | null {
  if (transition === null || transition.kind === 'cut') return null;

  const frames = resolveAbsoluteFrames(transition.duration, fps, `transition into scenes[${sceneIndex}]`);
  if (frames <= 0) return null;

  const base = { frames, overlap: transition.overlap !== false, ease: transition.ease ?? 'linear' } as const;
  switch (transition.kind) {
    case 'crossFade':
      return { ...base, kind: 'crossFade' };
    case 'wipe':
      return { ...base, kind: 'wipe', direction: transition.direction ?? 'right' };
    case 'zoom':
      return { ...base, kind: 'zoom', into: transition.into ?? 'center' };
    case 'slide':
      return { ...base, kind: 'slide', from: transition.from ?? 'right' };
  }
}

function resolveAbsoluteFrames(text: string, fps: number, where: string): number {
  const value = parseTime(text);
  if (value.kind === 'relative') {
    throw new FluvieError('spec_invalid', `${where} is ${JSON.stringify(formatTime(value))}, a relative time; scene and transition durations must be absolute ("90f", "3s" or "500ms")`);
  }
  return resolveTimeFrames(value, fps, 0);
}
