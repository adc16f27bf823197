/**
 * The audio analysis of a render: decodes each music track that a beat trigger, an audio-reactive
 * animation or a Bars element follows, once, and places its band energies and beats on the
 * video's frame clock. VideoSpec music tracks carry no tempo, so beats are the onsets detected
 * in the audio.
 */
import type { VideoSpec } from '../../spec/index.js';
import type { PlannedAudioTrack } from '../pipeline/plan-audio.js';
import { planAudio } from '../pipeline/plan-audio.js';
import type { RenderPlan } from '../pipeline/plan-types.js';
import { throwIfAborted } from '../errors.js';
import { ANALYSIS_SAMPLE_RATE } from './audio-band.js';
import { selectTrack, type AnalysedTrack, type AudioAnalysis } from './audio-analysis.js';
import { findAudioUsers } from './audio-users.js';
import { PcmDecoder } from './decode-pcm.js';
import { beatFrames, energyPerFrame, type TrackPlacement } from './frame-series.js';
import { detectOnsets } from './onsets.js';
import { analyseSpectrum, type SpectrumHops } from './spectrum.js';

export interface AnalyseAudioOptions {
  spec: VideoSpec;
  /** A plan of the spec; scene windows and anchor timelines place the tracks. */
  plan: RenderPlan;
  baseDir: string;
  ffmpegPath: string;
  /** Source lengths by file, for tracks that start on `previous`. */
  sourceSeconds?: ReadonlyMap<string, number>;
  signal: AbortSignal;
}

/**
 * Returns the analysis, or null when nothing in the spec reads audio.
 * @throws FluvieError `spec_invalid` when a part names a band or track that does not exist,
 * `ffmpeg_failed` when a track cannot be decoded, `canceled` on abort.
 */
export async function analyseAudio(options: AnalyseAudioOptions): Promise<AudioAnalysis | null> {
  const users = findAudioUsers(options.spec);
  if (users.length === 0) return null;

  const music = planAudio(options.spec, options.plan, options.baseDir, { sourceSeconds: options.sourceSeconds }).filter((track) => track.kind === 'music');
  const needsDefault = users.some((user) => user.track === undefined);
  const anchors = new Set(users.flatMap((user) => (user.track === undefined ? [] : [user.track])));
  const needed = music.filter((track, index) => (index === 0 && needsDefault) || (track.anchor !== null && anchors.has(track.anchor)));

  const decoder = new PcmDecoder(options.ffmpegPath, options.signal);
  const spectra = new Map<string, { hops: SpectrumHops; onsets: number[]; seconds: number }>();
  const tracks: AnalysedTrack[] = [];
  for (const track of needed) {
    throwIfAborted(options.signal);
    const request = { file: track.file, trimFrom: track.trimFrom, trimTo: track.trimTo };
    const key = JSON.stringify(request);
    let spectrum = spectra.get(key);
    if (spectrum === undefined) {
      const samples = await decoder.decode(request);
      const hops = analyseSpectrum(samples, ANALYSIS_SAMPLE_RATE);
      spectrum = { hops, onsets: detectOnsets(hops.flux), seconds: samples.length / ANALYSIS_SAMPLE_RATE };
      spectra.set(key, spectrum);
    }
    tracks.push(placeTrack(track, spectrum, options.plan));
  }

  const first = music[0];
  const analysis: AudioAnalysis = {
    tracks,
    defaultTrack: needsDefault && first !== undefined ? (tracks.find((track) => track.path === first.path) ?? null) : null,
  };
  // Every user's track must exist, so a misspelt id fails before the first frame.
  for (const user of users) selectTrack(analysis, user.track, user.path);
  return analysis;
}

function placeTrack(track: PlannedAudioTrack, spectrum: { hops: SpectrumHops; onsets: number[]; seconds: number }, plan: RenderPlan): AnalysedTrack {
  const placement: TrackPlacement = { start: track.start, end: track.end, loop: track.loop, sourceSeconds: spectrum.seconds };
  const frames = plan.specTotalFrames;
  const { bands } = spectrum.hops;
  return {
    path: track.path,
    anchor: track.anchor,
    energies: {
      bass: energyPerFrame(bands.bass, placement, plan.fps, frames),
      mid: energyPerFrame(bands.mid, placement, plan.fps, frames),
      treble: energyPerFrame(bands.treble, placement, plan.fps, frames),
    },
    beats: beatFrames(spectrum.onsets, placement, plan.fps, frames),
  };
}
