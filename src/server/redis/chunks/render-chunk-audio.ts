/**
 * Renders the audio of a chunked render once, for the whole video, into an AAC file that the join
 * muxes with stream copy. It builds the same mix a whole native render builds (`buildRenderAudio`)
 * and encodes it with the same encoder settings, so the joined file's audio packets equal those of
 * a whole render of the spec.
 */
import path from 'node:path';
import { buildAudioOnlyArgs } from '../../../core/encode/ffmpeg-args.js';
import type { ResolvedFfmpeg } from '../../../core/encode/resolve-ffmpeg.js';
import { runFfmpeg } from '../../../core/encode/run-ffmpeg.js';
import type { RenderPlan } from '../../../core/pipeline/plan-types.js';
import { buildRenderAudio } from '../../../core/pipeline/render-audio.js';
import type { VideoSpec } from '../../../spec/index.js';

export interface RenderChunkAudioOptions {
  spec: VideoSpec;
  /** The plan of the whole video; the audio lasts `plan.totalFrames / plan.fps` seconds. */
  plan: RenderPlan;
  /** Folder that relative audio sources resolve against. */
  baseDir: string;
  ffmpeg: ResolvedFfmpeg;
  /** The `.m4a` file to write. */
  outPath: string;
  signal: AbortSignal;
}

/**
 * Writes the whole video's audio mix to `outPath` and returns that path, or returns null when the
 * spec has nothing to hear.
 * @throws FluvieError `ffmpeg_failed`, `canceled`, and the errors of `buildRenderAudio`.
 */
export async function renderChunkAudio(options: RenderChunkAudioOptions): Promise<string | null> {
  const { spec, plan, baseDir, ffmpeg, signal } = options;
  const audio = await buildRenderAudio({ spec, plan, baseDir, format: 'mp4', ffmpeg, signal });
  if (audio === null) return null;

  const outPath = path.resolve(options.outPath);
  await runFfmpeg({ ffmpegPath: ffmpeg.path, args: buildAudioOnlyArgs(audio, outPath), cwd: path.dirname(outPath), signal });
  return outPath;
}
