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
import { planAudio, type PlannedAudioTrack } from './plan-audio.js';
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
  const planned = planAudio(options.spec, options.plan, options.baseDir);
  if (planned.length === 0) return null;

  const tracks: AudioMixTrack[] = [];
  for (const track of planned) {
    tracks.push({ ...track, playLength: await playLength(track, options) });
  }
  return buildAudioMix(tracks, options.plan.totalFrames / options.plan.fps);
}

/** Seconds an unlooped track plays before its source runs out; needed only to place its fade out. */
async function playLength(track: PlannedAudioTrack, options: RenderAudioOptions): Promise<number | null> {
  if (track.loop || track.fadeOut === null) return null;
  const ffprobe = options.ffmpeg.ffprobePath;
  if (ffprobe === null) {
    throw new FluvieError(
      'ffmpeg_missing',
      `${track.path} fades out, which needs the length of ${track.file}, but no ffprobe was found next to ${options.ffmpeg.path} or on PATH. Install ffprobe with ffmpeg.`,
    );
  }
  const media = await probeMedia(ffprobe, track.file, { signal: options.signal });
  const duration = Number(media.format.duration ?? NaN);
  if (!Number.isFinite(duration)) return null;
  const from = track.trimFrom ?? 0;
  const to = track.trimTo === null ? duration : Math.min(track.trimTo, duration);
  return Math.max(0, to - from);
}
