/**
 * Resolves the spec's music and sfx tracks to output times in seconds, ready for the audio mix.
 * A video-level track lives in the whole video, a scene-level track in its scene: its trigger
 * counts from that scope's start and it stops at that scope's end at the latest.
 */
import path from 'node:path';
import { parseTime, resolveTimeFrames, type AudioTrackSpec, type ClipElement, type TriggerSpec, type VideoSpec } from '../../spec/index.js';
import type { AudioMixTrack } from '../encode/audio-mix.js';
import type { TempoMap } from '../encode/tempo-ramp.js';
import { integrateSpeedRamp, speedRampProblem } from '../motion/speed-ramp.js';
import { firstBeatAtOrAfter, selectTrack, type AudioAnalysis } from '../audio/audio-analysis.js';
import { FluvieError } from '../errors.js';
import { automationStops } from './plan-automation.js';
import { applyTransitionGains } from './plan-transition-audio.js';
import type { FrameWindow, PlannedElement, RenderPlan } from './plan-types.js';

/** A track placed on the output timeline: the mixer's fields plus where it came from. */
export interface PlannedAudioTrack extends Omit<AudioMixTrack, 'playLength' | 'speed'> {
  /** JSON path, such as `scenes[1].audio[0]`. */
  path: string;
  /** `clip` for the embedded audio of a Clip element. */
  kind: 'music' | 'sfx' | 'clip';
  /** The music track's `track` id, or null. */
  anchor: string | null;
  /** Playback rate (clips only); negative plays backwards. */
  speed: number;
}

/** Returns whether an audio track may start on `trigger`. A `beat` also needs the plan's music analysis. */
export function isPlannableAudioTrigger(trigger: TriggerSpec | undefined): boolean {
  if (trigger === undefined || typeof trigger === 'string') return true;
  return trigger.kind === 'at' || trigger.kind === 'whenStarts' || trigger.kind === 'whenEnds' || trigger.kind === 'beat';
}

/** Returns whether `trigger` waits for a beat of a music track, which needs the plan's audio analysis. */
function isBeatTrigger(trigger: TriggerSpec | undefined): trigger is Extract<TriggerSpec, { kind: 'beat' }> {
  return trigger !== undefined && typeof trigger !== 'string' && trigger.kind === 'beat';
}

/** Returns whether any track of `spec` starts on `previous`, which needs its predecessor's source length. */
export function usesPreviousAudioTrigger(spec: VideoSpec): boolean {
  return [spec.audio ?? [], ...spec.scenes.map((scene) => scene.audio ?? [])].some((list) => list.some((track) => track.at === 'previous'));
}

export interface PlanAudioOptions {
  /** Seconds each source file lasts, by absolute file name; needed for tracks that start on `previous`. */
  sourceSeconds?: ReadonlyMap<string, number>;
}

/**
 * Lists the tracks with a local (`asset` or `file`) source and a plannable trigger. Other tracks are
 * left out; `findUnsupportedFeatures` names them so the render fails or warns first. A track that
 * starts on `previous` starts where the track before it in the same `audio` list falls silent,
 * and is left out with that track.
 * @throws FluvieError `spec_invalid` for `previous` on the first track of a list, or an unknown anchor.
 */
export function planAudio(spec: VideoSpec, plan: RenderPlan, baseDir: string, options: PlanAudioOptions = {}): PlannedAudioTrack[] {
  const video: FrameWindow = { start: 0, end: plan.totalFrames };
  const anchors = anchorTimelines(plan);
  const tracks: PlannedAudioTrack[] = [];
  addList(spec.audio ?? [], 'audio', video);
  for (const scene of plan.scenes) addList(scene.scene.audio ?? [], `${scene.path}.audio`, scene.window);
  return tracks;

  function addList(list: readonly AudioTrackSpec[], listPath: string, scope: FrameWindow): void {
    // undefined means no earlier track, and null an earlier track that was left out, whose end is unknown.
    let previousEnd: number | null | undefined;
    list.forEach((track, index) => {
      const trackPath = `${listPath}[${index}]`;
      if (track.at === 'previous' && previousEnd === undefined) {
        throw new FluvieError('spec_invalid', `${trackPath}.at is "previous" but no earlier track of this list precedes it; use "sceneStart" or a time trigger`);
      }
      const local = track.source.kind === 'asset' || track.source.kind === 'file';
      // Without the analysis (the draft plan that places the music for analysing), beat tracks wait.
      const waitsForBeats = isBeatTrigger(track.at) && plan.audio === null;
      if (!local || !isPlannableAudioTrigger(track.at) || waitsForBeats || (track.at === 'previous' && previousEnd === null)) {
        previousEnd = null;
        return;
      }
      const file = path.resolve(baseDir, track.source.value);
      const planned = resolveTrack(track, trackPath, file, scope, plan.fps, { anchors, previousEnd: previousEnd ?? undefined, analysis: plan.audio });
      tracks.push(planned);
      previousEnd = silentFrom(planned, options.sourceSeconds?.get(file));
    });
  }
}

/** Output seconds where `track` falls silent: its window's end, or earlier when an unlooped source runs out. */
function silentFrom(track: PlannedAudioTrack, sourceSeconds: number | undefined): number {
  if (track.loop || sourceSeconds === undefined) return track.end;
  const to = track.trimTo === null ? sourceSeconds : Math.min(track.trimTo, sourceSeconds);
  return Math.min(track.end, track.start + Math.max(0, to - (track.trimFrom ?? 0)));
}

interface TriggerContext {
  anchors: ReadonlyMap<string, FrameWindow>;
  /** Output seconds where the previous track of the list falls silent. */
  previousEnd: number | undefined;
  /** The music analysis that `beat` triggers read, or null when the plan has none. */
  analysis: AudioAnalysis | null;
}

function resolveTrack(track: AudioTrackSpec, trackPath: string, file: string, scope: FrameWindow, fps: number, context: TriggerContext): PlannedAudioTrack {
  const scopeFrames = scope.end - scope.start;
  const frames = (time: string): number => resolveTimeFrames(parseTime(time), fps, scopeFrames);
  const seconds = (time: string): number => frames(time) / fps;
  const music = track.kind === 'music' ? track : null;
  const start = startSeconds(track, trackPath, scope, fps, context);

  return {
    path: trackPath,
    kind: track.kind,
    anchor: music?.track ?? null,
    file,
    start,
    end: scope.end / fps,
    trimFrom: music?.trim?.from === undefined ? null : seconds(music.trim.from),
    trimTo: music?.trim?.to === undefined ? null : seconds(music.trim.to),
    loop: music?.loop === true,
    volume: track.volume ?? 1,
    automation: automationStops(track.automation?.volume, fps, frames),
    fadeIn: music?.fadeIn === undefined ? null : seconds(music.fadeIn),
    fadeOut: music?.fadeOut === undefined ? null : seconds(music.fadeOut),
    speed: 1,
  };
}

function startSeconds(track: AudioTrackSpec, trackPath: string, scope: FrameWindow, fps: number, context: TriggerContext): number {
  if (track.at === 'previous') return context.previousEnd ?? scope.start / fps;
  if (isBeatTrigger(track.at)) return beatFrame(track.at, `${trackPath}.at`, scope, context.analysis) / fps;
  return triggerFrame(track.at, scope, fps, context.anchors, trackPath) / fps;
}

/**
 * Returns the first of every `every` beats (default 1) of the named music track, or of the video's
 * first music track, at or after the start of the track's scope.
 * @throws FluvieError `spec_invalid` when no such beat comes before the scope ends.
 */
function beatFrame(trigger: Extract<TriggerSpec, { kind: 'beat' }>, path: string, scope: FrameWindow, analysis: AudioAnalysis | null): number {
  if (analysis === null) throw new FluvieError('internal', `${path} waits for a beat, but the plan carries no music analysis`);
  const beats = selectTrack(analysis, trigger.track, path).beats;
  const beat = firstBeatAtOrAfter(beats, scope.start, trigger.every ?? 1);
  if (beat === null || beat >= scope.end) {
    const source = trigger.track === undefined ? "the video's first music track" : `track "${trigger.track}"`;
    throw new FluvieError(
      'spec_invalid',
      `${path} waits for a beat of ${source}, but none was detected between frames ${scope.start} and ${scope.end} (${beats.length} beats in all); use a time trigger ({"kind": "at"}) or music with a clear beat in that window`,
    );
  }
  return beat;
}

/**
 * Lists the Clip elements with a local source as candidate tracks of their embedded audio, each
 * delayed to the element's window (its `show` window, else its scene) and cut at the window's end.
 * The caller keeps only files that have an audio stream.
 */
export function planClipAudio(plan: RenderPlan, baseDir: string): PlannedAudioTrack[] {
  const tracks: PlannedAudioTrack[] = [];
  const visit = (elements: readonly PlannedElement[]): void => {
    for (const planned of elements) {
      const element = planned.element;
      if (element.visible !== false && element.type === 'Clip' && (element.source.kind === 'asset' || element.source.kind === 'file')) {
        tracks.push(clipTrack(planned, element, path.resolve(baseDir, element.source.value), plan.fps));
      }
      visit(planned.children);
      if (planned.child !== undefined) visit([planned.child]);
    }
  };
  for (const scene of plan.scenes) visit(scene.children);
  visit(plan.overlays);
  // Element transitions crossfade the audio of the two clips as well as their pictures.
  return applyTransitionGains(tracks, plan);
}

function clipTrack(planned: PlannedElement, element: ClipElement, file: string, fps: number): PlannedAudioTrack {
  const window = planned.window ?? planned.scope;
  const scopeFrames = planned.scope.end - planned.scope.start;
  const frames = (time: string): number => resolveTimeFrames(parseTime(time), fps, scopeFrames);
  const seconds = (time: string | undefined): number | null => (time === undefined ? null : frames(time) / fps);
  const speed = typeof element.speed === 'number' ? element.speed : (element.speed?.values[0] ?? 1) || 1;
  // A ramp that cannot play forward is reported by the unsupported check and plays at its first value.
  const ramp = element.speed !== undefined && typeof element.speed !== 'number' && speedRampProblem(element.speed) === null ? element.speed : null;
  return {
    path: `${planned.path}.source`,
    kind: 'clip',
    anchor: null,
    file,
    start: window.start / fps,
    end: window.end / fps,
    trimFrom: seconds(element.trim?.from),
    trimTo: seconds(element.trim?.to),
    loop: false,
    volume: element.volume ?? 1,
    automation: automationStops(element.automation?.volume, fps, frames),
    fadeIn: seconds(element.fadeIn),
    fadeOut: seconds(element.fadeOut),
    speed: ramp === null ? speed : 1,
    tempoMap: ramp === null ? null : { fps, sourceSeconds: integrateSpeedRamp(ramp, fps, window.end - window.start) },
  };
}

/**
 * Returns the frame a track starts at: its scope's start, its end for `sceneEnd`, the start plus an
 * `at` time, or the start or end of an anchor element's timeline.
 * @throws FluvieError `spec_invalid` for an anchor no element declares.
 */
function triggerFrame(trigger: TriggerSpec | undefined, scope: FrameWindow, fps: number, anchors: ReadonlyMap<string, FrameWindow>, trackPath: string): number {
  if (trigger === undefined || trigger === 'auto' || trigger === 'sceneStart') return scope.start;
  if (trigger === 'sceneEnd') return scope.end;
  if (typeof trigger === 'string') return scope.start;
  if (trigger.kind === 'at') return scope.start + resolveTimeFrames(parseTime(trigger.time), fps, scope.end - scope.start);
  if (trigger.kind === 'whenStarts' || trigger.kind === 'whenEnds') {
    const timeline = anchors.get(trigger.anchor);
    if (timeline === undefined) {
      throw new FluvieError('spec_invalid', `${trackPath}.at waits for anchor "${trigger.anchor}", which no element declares; set "anchor": "${trigger.anchor}" on the element to follow`);
    }
    return trigger.kind === 'whenStarts' ? timeline.start : timeline.end;
  }
  return scope.start;
}

/**
 * Returns each anchor's timeline as the animation planner defines it: the union of the element's
 * animation spans, or its scope when it has none. The first element declaring an anchor wins.
 */
function anchorTimelines(plan: RenderPlan): Map<string, FrameWindow> {
  const timelines = new Map<string, FrameWindow>();
  const visit = (elements: readonly PlannedElement[]): void => {
    for (const planned of elements) {
      const anchor = planned.element.anchor;
      if (anchor !== undefined && !timelines.has(anchor)) {
        const spans = planned.animations.map((animation) => animation.timing);
        timelines.set(
          anchor,
          spans.length === 0 ? planned.scope : { start: Math.min(...spans.map((span) => span.start)), end: Math.max(...spans.map((span) => span.end)) },
        );
      }
      visit(planned.children);
    }
  };
  for (const scene of plan.scenes) visit(scene.children);
  return timelines;
}
