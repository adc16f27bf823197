/**
 * Checks an encoded temp output before it is renamed onto the requested path: ffmpeg can exit 0
 * and still write an empty or truncated file (no input frames, a full disk noticed late).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

import { FluvieError } from '../errors.js';
import type { OutputFormat } from '../pipeline/render-request.js';
import { IMAGE_SEQUENCE_FILE } from './ffmpeg-args.js';
import { probeMedia, type ProbedStream } from './probe.js';
import type { ResolvedFfmpeg } from './resolve-ffmpeg.js';
import { runFfmpeg } from './run-ffmpeg.js';

export interface VerifyOutputOptions {
  ffmpeg: ResolvedFfmpeg;
  format: OutputFormat | 'poster';
  /** Temp file, or temp folder for imageSequence. */
  target: string;
  /** Input frame size in pixels. */
  width: number;
  height: number;
  /** Frames written to ffmpeg. */
  frames: number;
  signal: AbortSignal;
}

/** Measurements taken from the verified output. */
export interface VerifiedOutput {
  /**
   * Frames in the output: the frames written for mp4 and webm, the PNG count for imageSequence,
   * and the decoded count for gif, or null for a gif when no ffprobe is available.
   */
  frames: number | null;
}

/**
 * Verifies the output: a video stream of the expected size (with alpha for transparent, and the
 * frame count when the container records one), or for imageSequence one PNG per written frame.
 * Without ffprobe, ffmpeg decodes the first frame instead.
 *
 * @throws FluvieError `output_failed` describing what is wrong with the file.
 */
export async function verifyOutput(options: VerifyOutputOptions): Promise<VerifiedOutput> {
  const { format, target } = options;

  if (format === 'imageSequence') {
    const files = (await readdir(target)).filter((name) => IMAGE_SEQUENCE_FILE.test(name)).sort();
    if (files.length !== options.frames) {
      throw invalid(`ffmpeg wrote ${files.length} PNG files for ${options.frames} frames`);
    }
    const first = files[0];
    if (first !== undefined) await verifyFile({ ...options, target: path.join(target, first) }, { checkFrames: false });
    return { frames: files.length };
  }

  return verifyFile(options, { checkFrames: format === 'mp4' });
}

async function verifyFile(options: VerifyOutputOptions, checks: { checkFrames: boolean }): Promise<VerifiedOutput> {
  const { ffmpeg, target, signal } = options;

  if (ffmpeg.ffprobePath === null) {
    await decodeFirstFrame(ffmpeg.path, target, signal);
    return { frames: options.format === 'gif' ? null : options.frames };
  }

  // A gif is resampled to its own frame rate and records no frame count, so only decoding counts it.
  const countFrames = options.format === 'gif';
  const media = await probeMedia(ffmpeg.ffprobePath, target, { signal, countFrames });
  const video = media.streams.find((stream) => stream.codec_type === 'video');
  if (video === undefined) throw invalid(`ffprobe finds no video stream in ${target}`);

  // Every format keeps the frame size, gif with odd sizes included.
  if (video.width !== options.width || video.height !== options.height) {
    throw invalid(`${target} is ${video.width}x${video.height} pixels, expected ${options.width}x${options.height}`);
  }

  if (options.format === 'transparent' && !hasAlpha(video)) {
    throw invalid(`${target} has no alpha channel (the VP9 stream lacks the alpha_mode=1 tag)`);
  }

  const recorded = video.nb_frames === undefined ? NaN : Number(video.nb_frames);
  if (checks.checkFrames && Number.isFinite(recorded) && recorded !== options.frames) {
    throw invalid(`${target} contains ${recorded} frames, but ${options.frames} were encoded`);
  }

  if (!countFrames) return { frames: options.frames };
  const counted = Number(video.nb_read_frames);
  return { frames: Number.isSafeInteger(counted) ? counted : null };
}

function hasAlpha(stream: ProbedStream): boolean {
  const tags = stream.tags ?? {};
  return Object.entries(tags).some(([key, value]) => key.toLowerCase() === 'alpha_mode' && value === '1');
}

async function decodeFirstFrame(ffmpegPath: string, file: string, signal: AbortSignal): Promise<void> {
  try {
    await runFfmpeg({
      ffmpegPath,
      args: ['-v', 'error', '-i', file, '-map', '0:v:0', '-frames:v', '1', '-f', 'null', '-'],
      cwd: path.dirname(file),
      signal,
    });
  } catch (error: unknown) {
    if (error instanceof FluvieError && error.code === 'canceled') throw error;
    throw invalid(`ffmpeg cannot decode a video frame from ${file}`, error);
  }
}

function invalid(problem: string, cause?: unknown): FluvieError {
  return new FluvieError('output_failed', `The encoded output is invalid: ${problem}. Nothing was written to the output path.`, {
    cause,
  });
}
