/**
 * Pure builder of the ffmpeg audio mix of an mp4: one filter chain per track, then `amix` with
 * `normalize=0`, padded with silence and cut so the audio lasts exactly as long as the video.
 * Every time here is in seconds on the output timeline, already resolved from the spec's triggers.
 */
import type { AudioMix } from './ffmpeg-args.js';
import { tempoRampFilters, type TempoMap } from './tempo-ramp.js';

/** A volume stop of an automation curve; the gain moves linearly between stops. */
export interface VolumeStop {
  /** Seconds after the track's start. */
  time: number;
  /** Gain factor, multiplied with the track's `volume`. */
  value: number;
}

export interface AudioMixTrack {
  /** Local file ffmpeg reads. */
  file: string;
  /** Output time where the track starts. */
  start: number;
  /** Output time where the track stops at the latest (its scene's or the video's end). */
  end: number;
  /** Source range to play, in source seconds; null ends for the file's own start or end. */
  trimFrom: number | null;
  trimTo: number | null;
  /** Repeats the (trimmed) source until `end`. */
  loop: boolean;
  /** Gain factor. */
  volume: number;
  /** Time-varying gain, or null for a constant `volume`. */
  automation: readonly VolumeStop[] | null;
  /** Fade lengths; the fade out ends where the track stops playing. */
  fadeIn: number | null;
  fadeOut: number | null;
  /** Seconds the source plays once after trimming and speed; null when unknown. Places the fade out of an unlooped track. */
  playLength: number | null;
  /** Playback rate of a clip's audio; negative plays it backwards. Default 1. */
  speed?: number;
  /** A clip's speed ramp; when set it replaces `speed`. */
  tempoMap?: TempoMap | null;
}

/** Largest sample count `aloop` may buffer; it grows only as far as the trimmed segment needs. */
const ALOOP_MAX_SAMPLES = 2147483647;

/**
 * Builds the inputs and `-filter_complex` graph of the mix, or null when there is nothing to hear.
 * The graph ends in `[aout]`, exactly `durationSeconds` long: `apad` adds silence after audio that
 * ends early and `atrim` cuts audio that runs longer, so the video is never shortened to the audio.
 */
export function buildAudioMix(tracks: readonly AudioMixTrack[], durationSeconds: number): AudioMix | null {
  const audible = tracks.filter((track) => track.start < Math.min(track.end, durationSeconds) && track.volume > 0);
  if (audible.length === 0) return null;

  const inputArgs: string[] = [];
  const chains: string[] = [];
  audible.forEach((track, index) => {
    // Looping a trimmed range needs the filter; a whole file loops cheaper at the demuxer.
    const loopInput = track.loop && track.trimFrom === null && track.trimTo === null;
    inputArgs.push(...(loopInput ? ['-stream_loop', '-1'] : []), '-i', track.file);
    chains.push(`[${index + 1}:a]${trackFilters(track, durationSeconds, index).join(',')}[a${index}]`);
  });

  const labels = audible.map((_, index) => `[a${index}]`).join('');
  const total = seconds(durationSeconds);
  const mix = `${labels}amix=inputs=${audible.length}:normalize=0,apad=whole_dur=${total},atrim=end=${total}[aout]`;
  return { inputArgs, filterGraph: [...chains, mix].join(';') };
}

function trackFilters(track: AudioMixTrack, durationSeconds: number, index: number): string[] {
  const filters: string[] = [];
  if (track.trimFrom !== null || track.trimTo !== null) {
    const bounds = [
      ...(track.trimFrom === null ? [] : [`start=${seconds(track.trimFrom)}`]),
      ...(track.trimTo === null ? [] : [`end=${seconds(track.trimTo)}`]),
    ];
    filters.push(`atrim=${bounds.join(':')}`);
  }
  filters.push('asetpts=PTS-STARTPTS');
  const speed = track.speed ?? 1;
  if (track.tempoMap !== undefined && track.tempoMap !== null) {
    filters.push(...tempoRampFilters(track.tempoMap, index));
  } else {
    if (speed < 0) filters.push('areverse');
    filters.push(...tempoFilters(Math.abs(speed)));
  }
  if (track.loop && (track.trimFrom !== null || track.trimTo !== null)) filters.push(`aloop=loop=-1:size=${ALOOP_MAX_SAMPLES}`);
  if (track.start > 0) filters.push(`adelay=delays=${Math.round(track.start * 1000)}:all=1`);
  filters.push(volumeFilter(track));

  const stop = stopTime(track, durationSeconds);
  if (track.fadeIn !== null) filters.push(`afade=t=in:st=${seconds(track.start)}:d=${seconds(track.fadeIn)}`);
  if (track.fadeOut !== null) {
    const length = Math.min(track.fadeOut, stop - track.start);
    filters.push(`afade=t=out:st=${seconds(stop - length)}:d=${seconds(length)}`);
  }
  filters.push(`atrim=end=${seconds(Math.min(track.end, durationSeconds))}`);
  return filters;
}

/** Splits a rate into `atempo` stages, because one stage accepts only 0.5 to 2.0. */
function tempoFilters(rate: number): string[] {
  const stages: string[] = [];
  let rest = rate;
  while (rest > 2) {
    stages.push('atempo=2');
    rest /= 2;
  }
  while (rest < 0.5) {
    stages.push('atempo=0.5');
    rest /= 0.5;
  }
  if (Math.abs(rest - 1) > 1e-9) stages.push(`atempo=${number(rest)}`);
  return stages;
}

/** Output time where the track falls silent: its window's end, or earlier when an unlooped source runs out. */
function stopTime(track: AudioMixTrack, durationSeconds: number): number {
  const windowEnd = Math.min(track.end, durationSeconds);
  if (track.loop || track.playLength === null) return windowEnd;
  return Math.min(windowEnd, track.start + track.playLength);
}

/**
 * Builds a constant `volume=<v>`, or for automation a piecewise-linear expression of the output time `t`
 * evaluated per audio frame. The expression is single-quoted, so its commas stay inside the filter.
 */
function volumeFilter(track: AudioMixTrack): string {
  const stops = track.automation;
  if (stops === null || stops.length === 0) return `volume=${number(track.volume)}`;

  const absolute = [...stops].sort((a, b) => a.time - b.time).map((stop) => ({ time: track.start + stop.time, value: stop.value }));
  let expression = number(absolute[absolute.length - 1]!.value);
  for (let index = absolute.length - 2; index >= 0; index -= 1) {
    const from = absolute[index]!;
    const to = absolute[index + 1]!;
    const span = to.time - from.time;
    const ramp = span <= 0 ? number(to.value) : `${number(from.value)}+(${number(to.value - from.value)})*(t-${seconds(from.time)})/${seconds(span)}`;
    expression = `if(lt(t,${seconds(to.time)}),${ramp},${expression})`;
  }
  expression = `if(lt(t,${seconds(absolute[0]!.time)}),${number(absolute[0]!.value)},${expression})`;
  return `volume='${number(track.volume)}*(${expression})':eval=frame`;
}

/** Seconds with millisecond precision and no trailing zeros, as ffmpeg's time options take them. */
function seconds(value: number): string {
  return number(Math.max(0, Math.round(value * 1000) / 1000));
}

function number(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
