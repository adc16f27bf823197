/**
 * Timing rules that need the whole document: absolute scene and transition lengths, transitions
 * that fit their scenes, the total frame limit and `show` windows.
 */
import { error, formatPath, warning, type Diagnostic, type PathSegment } from './diagnostics.js';
import { collectElements } from './element-walk.js';
import type { TransitionSpec, VideoSpec } from './schema/types.js';
import { DEFAULT_FPS, resolveSceneTimeline, type SceneTimeline } from './timeline.js';
import { formatTime, parseTime, resolveTimeFrames } from './time.js';

/** Default limit on the total frame count (8 minutes at 30 fps). */
export const DEFAULT_MAX_FRAMES = 14_400;

/** Checks scene and transition lengths, transition fit and the frame limit; returns the timeline when it resolves. */
export function checkSceneTiming(spec: VideoSpec, maxFrames: number): { diagnostics: Diagnostic[]; timeline: SceneTimeline | null } {
  const fps = spec.fps ?? DEFAULT_FPS;
  const diagnostics = [...checkAbsoluteDurations(spec, fps)];
  if (diagnostics.length > 0) return { diagnostics, timeline: null };

  const timeline = resolveSceneTimeline(spec);
  diagnostics.push(...checkTransitionsFit(timeline));
  if (timeline.totalFrames > maxFrames) {
    diagnostics.push(
      error(
        'scenes',
        'too_many_frames',
        `the video is ${timeline.totalFrames} frames (${(timeline.totalFrames / fps).toFixed(2)} s at ${fps} fps), over the limit of ${maxFrames} frames; shorten the scenes or raise the limit (--max-frames)`,
      ),
    );
  }
  return { diagnostics, timeline };
}

function checkAbsoluteDurations(spec: VideoSpec, fps: number): Diagnostic[] {
  const found: Diagnostic[] = [];
  const checkTransition = (transition: TransitionSpec | null | undefined, path: PathSegment[]): void => {
    if (transition === null || transition === undefined || transition.kind === 'cut') return;
    if (parseTime(transition.duration).kind === 'relative') {
      found.push(error(formatPath([...path, 'duration']), 'relative_duration', `transition duration ${JSON.stringify(transition.duration)} is relative; use frames, seconds or milliseconds such as "12f" or "0.4s"`));
    }
  };

  checkTransition(spec.transition, ['transition']);
  spec.scenes.forEach((scene, index) => {
    const path = formatPath(['scenes', index, 'duration']);
    const value = parseTime(scene.duration);
    if (value.kind === 'relative') {
      found.push(error(path, 'relative_duration', `scene duration ${JSON.stringify(scene.duration)} is relative; use frames, seconds or milliseconds such as "90f" or "3s"`));
    } else if (resolveTimeFrames(value, fps, 0) <= 0) {
      found.push(error(path, 'zero_duration', `scene duration ${JSON.stringify(scene.duration)} rounds to 0 frames at ${fps} fps; use at least "1f"`));
    }
    checkTransition(scene.enter, ['scenes', index, 'enter']);
    checkTransition(scene.exit, ['scenes', index, 'exit']);
  });
  return found;
}

/** Each scene must hold its incoming blend plus, when the next one overlaps, its outgoing blend. */
function checkTransitionsFit(timeline: SceneTimeline): Diagnostic[] {
  const found: Diagnostic[] = [];
  timeline.scenes.forEach((scene, index) => {
    const incoming = scene.transitionIn?.frames ?? 0;
    const next = timeline.scenes[index + 1]?.transitionIn;
    const outgoing = next?.overlap === true ? next.frames : 0;
    if (incoming + outgoing <= scene.duration) return;

    found.push(
      error(
        formatPath(['scenes', index, 'duration']),
        'transition_too_long',
        `scene ${index} is ${scene.duration} frames but its transitions take ${incoming} frames in + ${outgoing} frames out = ${incoming + outgoing}; lengthen the scene or shorten the transitions`,
      ),
    );
  });
  return found;
}

/** `show` windows resolve against their scene (the whole video for overlays); `from` must come before `to`. */
export function checkShowWindows(spec: VideoSpec, timeline: SceneTimeline): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const { element, path, sceneIndex, owner } of collectElements(spec)) {
    if (element.show === undefined || owner === 'master') continue;

    const scopeFrames = sceneIndex === null ? timeline.totalFrames : (timeline.scenes[sceneIndex]?.duration ?? 0);
    const from = element.show.from === undefined ? 0 : resolveTimeFrames(parseTime(element.show.from), timeline.fps, scopeFrames);
    const to = element.show.to === undefined ? scopeFrames : resolveTimeFrames(parseTime(element.show.to), timeline.fps, scopeFrames);
    const showPath = formatPath([...path, 'show']);
    const describe = (text: string | undefined, frame: number): string => (text === undefined ? `frame ${frame}` : `${JSON.stringify(formatTime(parseTime(text)))} (frame ${frame})`);

    if (from > to) {
      found.push(error(showPath, 'inverted_window', `show window is inverted: from ${describe(element.show.from, from)} comes after to ${describe(element.show.to, to)}; "from" must be before "to"`));
    } else if (from === to) {
      found.push(warning(showPath, 'empty_window', `show window is empty: from and to are both frame ${from}, so the element never shows`));
    } else if (from >= scopeFrames) {
      found.push(warning(showPath, 'window_outside_scene', `show window starts at frame ${from}, at or after the end of its ${scopeFrames}-frame scope, so the element never shows`));
    }
  }
  return found;
}
