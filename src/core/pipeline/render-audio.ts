/**
 * The audio of a native render: plans the spec's tracks, reads with ffprobe how long the unlooped
 * sources play, and builds the mix. Only mp4 carries audio; every other format gets none.
 */
import { buildAudioMix, type AudioMixTrack } from '../encode/audio-mix.js';
import type { AudioMix } from '../encode/ffmpeg-args.js';
import { probeMedia } from '../encode/probe.js';
import type { ResolvedFfmpeg } from '../encode/resolve-ffmpeg.js';
import { FluvieError } from '../errors.js';
import type { VideoSpec } from '../../spec/index.js';
import { planAudio, planClipAudio, usesPreviousAudioTrigger, type PlannedAudioTrack } from './plan-audio.js';
import type { RenderPlan } from './plan-types.js';
import type { OutputFormat } from './render-request.js';

export interface RenderAudioOptions {
  spec: VideoSpec;
  plan: RenderPlan;
  baseDir: string;
  format: OutputFormat;
  ffmpeg: ResolvedFfmpeg;
  signal: AbortSignal;
}

/**
 * Returns the mix for an mp4, exactly as long as the rendered frames, or null for no audio.
 * @throws FluvieError `output_failed` when ffprobe cannot read a source that needs its length, and
 * `ffmpeg_missing` when no ffprobe is found.
 */
export async function buildRenderAudio(options: RenderAudioOptions): Promise<AudioMix | null> {
  if (options.format !== 'mp4') return null;
  const tracks: AudioMixTrack[] = [];
  const sourceSeconds = await probeSourceSeconds(options);
  for (const track of planAudio(options.spec, options.plan, options.baseDir, { sourceSeconds })) {
    tracks.push({ ...track, playLength: await playLength(track, options) });
  }
  for (const track of planClipAudio(options.plan, options.baseDir)) {
    const media = await probeMedia(requireFfprobe(track, options.ffmpeg), track.file, { signal: options.signal });
    if (!media.streams.some((stream) => stream.codec_type === 'audio')) continue;
    tracks.push({ ...track, playLength: lengthAfterTrim(track, Number(media.format.duration ?? NaN)) });
  }
  if (tracks.length === 0) return null;

  return buildAudioMix(tracks, options.plan.totalFrames / options.plan.fps);
}

/**
 * Reads the length of every local track source when a track starts on `previous`, because such a
 * track starts where the one before it falls silent. Returns an empty map otherwise.
 */
export async function probeSourceSeconds(options: Omit<RenderAudioOptions, 'format'>): Promise<Map<string, number>> {
  const lengths = new Map<string, number>();
  if (!usesPreviousAudioTrigger(options.spec)) return lengths;
  for (const track of planAudio(options.spec, options.plan, options.baseDir)) {
    if (lengths.has(track.file)) continue;
    const media = await probeMedia(requireFfprobe(track, options.ffmpeg), track.file, { signal: options.signal });
    const duration = Number(media.format.duration ?? NaN);
    if (Number.isFinite(duration)) lengths.set(track.file, duration);
  }
  return lengths;
}

/** Seconds an unlooped track plays before its source runs out; needed only to place its fade out. */
async function playLength(track: PlannedAudioTrack, options: RenderAudioOptions): Promise<number | null> {
  if (track.loop || track.fadeOut === null) return null;
  const media = await probeMedia(requireFfprobe(track, options.ffmpeg), track.file, { signal: options.signal });
  return lengthAfterTrim(track, Number(media.format.duration ?? NaN));
}

/** Seconds the trimmed source plays at the track's speed or ramp, or null for an unknown file length. */
function lengthAfterTrim(track: PlannedAudioTrack, duration: number): number | null {
  if (!Number.isFinite(duration)) return null;
  const from = track.trimFrom ?? 0;
  const to = track.trimTo === null ? duration : Math.min(track.trimTo, duration);
  const length = Math.max(0, to - from);
  const map = track.tempoMap;
  if (map === undefined || map === null) return length / Math.abs(track.speed);
  // Under a ramp the source runs out at the first output frame whose source clock reaches its length.
  const frame = map.sourceSeconds.findIndex((seconds) => seconds >= length);
  return frame < 0 ? null : frame / map.fps;
}

function requireFfprobe(track: PlannedAudioTrack, ffmpeg: ResolvedFfmpeg): string {
  if (ffmpeg.ffprobePath !== null) return ffmpeg.ffprobePath;
  throw new FluvieError(
    'ffmpeg_missing',
    `${track.path} needs ffprobe to read ${track.file}, but none was found next to ${ffmpeg.path} or on PATH. Install ffprobe with ffmpeg.`,
  );
}
