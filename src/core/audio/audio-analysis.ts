/**
 * The analysed music tracks of a render, on the video's frame clock: per-frame band energies and
 * beat frames. Plain data (typed arrays and numbers), so it travels with the render plan to a
 * drawing worker. The lookups here are pure.
 */
import { FluvieError } from '../errors.js';
import type { AudioBand } from './audio-band.js';

export interface AnalysedTrack {
  /** JSON path of the track, such as `audio[0]`. */
  path: string;
  /** The track's `track` id, or null when it has none. */
  anchor: string | null;
  /** One value per video frame of the whole spec, 0..1, with the loudest frame of each band at 1. */
  energies: Record<AudioBand, Float32Array>;
  /** Video frames of the detected beats, ascending. */
  beats: number[];
}

export interface AudioAnalysis {
  /**
   * The analysed music tracks in declaration order, video-level tracks first. `defaultTrack` is
   * the video's first music track, which audio-reactive parts without a `track` follow; null
   * when none of them needs it.
   */
  tracks: AnalysedTrack[];
  defaultTrack: AnalysedTrack | null;
}

/**
 * Returns the track named `anchor`, or the default track when `anchor` is undefined.
 * @throws FluvieError `spec_invalid` naming `path` when no analysed music track matches.
 */
export function selectTrack(analysis: AudioAnalysis, anchor: string | undefined, path: string): AnalysedTrack {
  if (anchor === undefined) {
    if (analysis.defaultTrack !== null) return analysis.defaultTrack;
    throw new FluvieError('spec_invalid', `${path} follows the video's first music track, but the spec has no music track with a local file; add one to "audio"`);
  }
  const track = analysis.tracks.find((candidate) => candidate.anchor === anchor);
  if (track !== undefined) return track;
  const known = analysis.tracks.flatMap((candidate) => (candidate.anchor === null ? [] : [`"${candidate.anchor}"`]));
  throw new FluvieError(
    'spec_invalid',
    `${path} names track "${anchor}", but no music track with a local file declares "track": "${anchor}"` +
      (known.length === 0 ? '; set "track" on the music track to follow' : `; declared tracks: ${known.join(', ')}`),
  );
}

/** Returns the energy on `frame`, or 0 outside the series. */
export function energyAt(series: Float32Array, frame: number): number {
  return frame >= 0 && frame < series.length ? series[frame]! : 0;
}

/**
 * Returns the first of every `every` beats (beats 0, every, 2·every …) at or after `frame`, or null
 * when there is none.
 */
export function firstBeatAtOrAfter(beats: readonly number[], frame: number, every: number): number | null {
  for (let index = 0; index < beats.length; index += every) {
    if (beats[index]! >= frame) return beats[index]!;
  }
  return null;
}
