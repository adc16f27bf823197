/**
 * Resolves the spec's music and sfx tracks to output times in seconds, ready for the audio mix.
 * A video-level track lives in the whole video, a scene-level track in its scene: its trigger
 * counts from that scope's start and it stops at that scope's end at the latest.
 */
import path from 'node:path';
import {
  parseTime,
  resolveTimeFrames,
  type AudioTrackSpec,
  type KeyframedNumberSpec,
  type TriggerSpec,
  type VideoSpec,
} from '../../spec/index.js';
import type { VolumeStop } from '../encode/audio-mix.js';
import type { FrameWindow, RenderPlan } from './plan-types.js';

export interface PlannedAudioTrack {
  /** JSON path, such as `scenes[1].audio[0]`. */
  path: string;
  /** Absolute local file. */
  file: string;
  /** Output seconds. */
  start: number;
  end: number;
  trimFrom: number | null;
  trimTo: number | null;
  loop: boolean;
  volume: number;
  automation: VolumeStop[] | null;
  fadeIn: number | null;
  fadeOut: number | null;
}

/** Trigger kinds an audio track may use here; the rest are listed as unsupported. */
export function isPlannableAudioTrigger(trigger: TriggerSpec | undefined): boolean {
  if (trigger === undefined || typeof trigger === 'string') return trigger !== 'previous';
  return trigger.kind === 'at';
}

/**
 * Lists the tracks with a local (`asset` or `file`) source and a plannable trigger. Other tracks are
 * left out; `findUnsupportedFeatures` names them so the render fails or warns first.
 */
export function planAudio(spec: VideoSpec, plan: RenderPlan, baseDir: string): PlannedAudioTrack[] {
  const video: FrameWindow = { start: 0, end: plan.totalFrames };
  const tracks: PlannedAudioTrack[] = [];
  (spec.audio ?? []).forEach((track, index) => addTrack(track, `audio[${index}]`, video));
  for (const scene of plan.scenes) {
    (scene.scene.audio ?? []).forEach((track, index) => addTrack(track, `${scene.path}.audio[${index}]`, scene.window));
  }
  return tracks;

  function addTrack(track: AudioTrackSpec, trackPath: string, scope: FrameWindow): void {
    if (track.source.kind !== 'asset' && track.source.kind !== 'file') return;
    if (!isPlannableAudioTrigger(track.at)) return;
    tracks.push(resolveTrack(track, trackPath, path.resolve(baseDir, track.source.value), scope, plan.fps));
  }
}

function resolveTrack(track: AudioTrackSpec, trackPath: string, file: string, scope: FrameWindow, fps: number): PlannedAudioTrack {
  const scopeFrames = scope.end - scope.start;
  const seconds = (time: string): number => resolveTimeFrames(parseTime(time), fps, scopeFrames) / fps;
  const music = track.kind === 'music' ? track : null;

  return {
    path: trackPath,
    file,
    start: triggerFrame(track.at, scope, fps) / fps,
    end: scope.end / fps,
    trimFrom: music?.trim?.from === undefined ? null : seconds(music.trim.from),
    trimTo: music?.trim?.to === undefined ? null : seconds(music.trim.to),
    loop: music?.loop === true,
    volume: track.volume ?? 1,
    automation: automationStops(track.automation?.volume, seconds),
    fadeIn: music?.fadeIn === undefined ? null : seconds(music.fadeIn),
    fadeOut: music?.fadeOut === undefined ? null : seconds(music.fadeOut),
  };
}

/** Returns the frame a track starts at: its scope's start, its end for `sceneEnd`, or the start plus an `at` time. */
function triggerFrame(trigger: TriggerSpec | undefined, scope: FrameWindow, fps: number): number {
  if (trigger === undefined || trigger === 'auto' || trigger === 'sceneStart') return scope.start;
  if (trigger === 'sceneEnd') return scope.end;
  if (typeof trigger !== 'string' && trigger.kind === 'at') {
    return scope.start + resolveTimeFrames(parseTime(trigger.time), fps, scope.end - scope.start);
  }
  return scope.start;
}

/**
 * Returns the automation stops in seconds after the track's start. A plain number is one constant stop.
 * NOTE: stop positions count from the track's start, not the scene's; the contract does not say which.
 */
function automationStops(volume: KeyframedNumberSpec | undefined, seconds: (time: string) => number): VolumeStop[] | null {
  if (volume === undefined) return null;
  if (typeof volume === 'number') return [{ time: 0, value: volume }];
  const count = Math.min(volume.values.length, volume.positions.length);
  return volume.values.slice(0, count).map((value, index) => ({ time: seconds(volume.positions[index]!), value }));
}
