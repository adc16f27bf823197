/**
 * The audio side of element transitions, as Fluvie's clip transition audio does it. During a blend
 * the embedded audio of the two clips crossfades with equal-power gains: outgoing cos(p·π/2),
 * incoming sin(p·π/2), with p linear over the blend. The gains multiply each clip's own volume
 * automation. With `overlap: false` the outgoing clip's audio fades over its own last F frames,
 * because its picture is held but its sound is not. Pure.
 */
import type { VolumeStop } from '../encode/audio-mix.js';
import type { FrameWindow, PlannedElementBlend, RenderPlan } from './plan-types.js';

/** The gain-bearing part of a planned clip track. */
export interface ClipGainTrack {
  /** `<element path>.source`, as planClipAudio names clip tracks. */
  path: string;
  /** Seconds in the output. */
  start: number;
  end: number;
  automation: readonly VolumeStop[] | null;
}

/** Multiplies the transition gains into the automation of every clip track that an element blend touches. */
export function applyTransitionGains<Track extends ClipGainTrack>(tracks: Track[], plan: RenderPlan): Track[] {
  const blends = plan.scenes.flatMap((scene) => scene.elementBlends);
  if (blends.length === 0) return tracks;
  return tracks.map((track) => {
    const elementPath = track.path.replace(/\.source$/, '');
    const touching = blends.filter((blend) => blend.outgoing === elementPath || blend.incoming === elementPath);
    if (touching.length === 0) return track;
    const window = { start: Math.round(track.start * plan.fps), end: Math.round(track.end * plan.fps) };
    return { ...track, automation: transitionGainStops(elementPath, window, touching, plan.fps, track.automation) };
  });
}

/** Returns the clip's volume stops (seconds after its window start) with the crossfade gains applied. */
export function transitionGainStops(elementPath: string, window: FrameWindow, blends: readonly PlannedElementBlend[], fps: number, authored: readonly VolumeStop[] | null): VolumeStop[] {
  const length = window.end - window.start;
  const clampFrame = (frame: number): number => Math.min(Math.max(frame, 0), length);
  const fades = blends.map((blend) => ({ outgoing: blend.outgoing === elementPath, fade: fadeWindow(blend, elementPath, window) }));

  const frames = new Set<number>([0, length]);
  for (const stop of authored ?? []) frames.add(clampFrame(Math.round(stop.time * fps)));
  for (const { fade } of fades) {
    for (let frame = fade.start; frame <= fade.end; frame += 1) frames.add(clampFrame(frame - window.start));
  }

  return [...frames]
    .sort((a, b) => a - b)
    .map((frame) => {
      let value = volumeAt(authored, frame / fps);
      for (const { outgoing, fade } of fades) {
        const p = Math.min(Math.max((window.start + frame - fade.start) / (fade.end - fade.start), 0), 1);
        value *= outgoing ? Math.cos((p * Math.PI) / 2) : Math.sin((p * Math.PI) / 2);
      }
      return { time: frame / fps, value: Math.min(Math.max(value, 0), 1) };
    });
}

function fadeWindow(blend: PlannedElementBlend, elementPath: string, window: FrameWindow): FrameWindow {
  const frames = blend.blend.end - blend.blend.start;
  if (blend.holdFrame !== null && blend.outgoing === elementPath) return { start: window.end - frames, end: window.end };
  return blend.blend;
}

/** Returns the authored gain at `seconds`: linear between stops, held before the first and after the last, and 1 without automation. */
function volumeAt(stops: readonly VolumeStop[] | null, seconds: number): number {
  if (stops === null || stops.length === 0) return 1;
  if (seconds <= stops[0]!.time) return stops[0]!.value;
  for (let index = 1; index < stops.length; index += 1) {
    const next = stops[index]!;
    if (seconds > next.time) continue;
    const previous = stops[index - 1]!;
    const span = next.time - previous.time;
    return span <= 0 ? next.value : previous.value + ((next.value - previous.value) * (seconds - previous.time)) / span;
  }
  return stops[stops.length - 1]!.value;
}
