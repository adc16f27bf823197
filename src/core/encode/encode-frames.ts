/**
 * Encodes a stream of raw RGBA frames into the requested output with ffmpeg. The file appears at
 * `outPath` only after ffmpeg exited 0 and the result was verified; on any failure or abort the
 * temp output is removed.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { FluvieError } from '../errors.js';
import { trackTempPath, untrackTempPath } from '../temp-registry.js';
import type { OutputFormat, Quality } from '../pipeline/render-request.js';
import {
  commitFile,
  commitFrameFolder,
  ensureParentFolder,
  outputBytes,
  checkOutputTarget,
  partialPath,
  removeQuietly,
} from './atomic-output.js';
import { type AudioMix, buildEncodeArgs, buildPosterArgs, FORMAT_EXTENSION } from './ffmpeg-args.js';
import type { ResolvedFfmpeg } from './resolve-ffmpeg.js';
import { runFfmpeg } from './run-ffmpeg.js';
import { verifyOutput } from './verify-output.js';

export interface EncodeFramesOptions {
  ffmpeg: ResolvedFfmpeg;
  format: OutputFormat;
  quality: Quality;
  /** Frame width in pixels. */
  width: number;
  /** Frame height in pixels. */
  height: number;
  /** Frames per second of the input and of the output (gif uses `gifFps`). */
  fps: number;
  /** GIF frame rate in frames per second. */
  gifFps: number;
  /** Raw RGBA frames of `width * height * 4` bytes each. A buffer may be reused once the next frame is requested. */
  frames: AsyncIterable<Uint8Array>;
  /** Output file, or output folder for imageSequence. Parent folders are created. */
  outPath: string;
  signal: AbortSignal;
  /** Called after each frame ffmpeg accepted, with the count so far. */
  onFrameWritten?: (count: number) => void;
  /** Called once per ffmpeg stderr line, for progress parsing and verbose logs. */
  onStderrLine?: (line: string) => void;
  /** Audio mixed into mp4 output; ignored by the other formats. */
  audio?: AudioMix | null;
}

export interface EncodeResult {
  /** Absolute output path. */
  outPath: string;
  /** File size, or the summed size of the frame files for imageSequence, in bytes. */
  bytes: number;
  /** Frames written to ffmpeg. */
  frames: number;
  /** Frames in the output file, which differs from `frames` for a gif resampled to its own rate. */
  outputFrames: number;
}

export interface WritePosterOptions {
  ffmpeg: ResolvedFfmpeg;
  /** One raw RGBA frame of `width * height * 4` bytes. */
  frame: Uint8Array;
  width: number;
  height: number;
  /** PNG file to write. Parent folders are created. */
  outPath: string;
  signal: AbortSignal;
}

/**
 * Encodes `frames` and moves the verified result onto `outPath`.
 *
 * @throws FluvieError `capture_failed` for a frame of the wrong size or an empty frame source.
 * @throws FluvieError `ffmpeg_failed`, `output_failed` or `canceled`.
 * @throws the error of the frame source, when the source throws.
 */
export async function encodeFrames(options: EncodeFramesOptions): Promise<EncodeResult> {
  const { ffmpeg, format, signal } = options;
  const outPath = path.resolve(options.outPath);
  const folder = path.dirname(outPath);

  await ensureParentFolder(outPath);
  await checkOutputTarget(outPath, format);
  const temp = partialPath(outPath, format === 'imageSequence' ? '' : FORMAT_EXTENSION[format]);
  trackTempPath(temp);
  const frames = checkedFrames(options.frames, options.width, options.height)[Symbol.asyncIterator]();

  try {
    // ffmpeg starts only once the first frame exists, so a source that fails at once or is empty
    // never spawns it.
    const first = await frames.next();
    if (first.done === true) {
      throw new FluvieError('capture_failed', `The frame source produced no frames, so nothing was encoded to ${outPath}.`);
    }

    if (format === 'imageSequence') {
      await mkdir(temp).catch((error: unknown) => {
        throw new FluvieError('output_failed', `Cannot create the frame folder beside ${outPath}: ${error instanceof Error ? error.message : String(error)}. Choose a writable --out folder.`, { cause: error });
      });
    }

    // ffmpeg runs inside the destination folder and gets the temp name relative to it, so characters
    // of the folder path never reach ffmpeg's output name parsing.
    const args = buildEncodeArgs({
      format,
      width: options.width,
      height: options.height,
      fps: options.fps,
      quality: options.quality,
      gifFps: options.gifFps,
      input: 'pipe:0',
      output: path.basename(temp),
      audio: options.audio ?? null,
    });

    const run = await runFfmpeg({
      ffmpegPath: ffmpeg.path,
      args,
      cwd: folder,
      signal,
      stdin: prepend(first.value, frames),
      ...(options.onFrameWritten === undefined ? {} : { onChunkWritten: options.onFrameWritten }),
      ...(options.onStderrLine === undefined ? {} : { onStderrLine: options.onStderrLine }),
    });

    const verified = await verifyOutput({ ffmpeg, format, target: temp, width: options.width, height: options.height, frames: run.chunksWritten, signal });

    if (format === 'imageSequence') await commitFrameFolder(temp, outPath);
    else await commitFile(temp, outPath);

    // NOTE: without ffprobe the gif count is an estimate of ffmpeg's fps filter, not a measurement.
    const outputFrames = verified.frames ?? Math.round((run.chunksWritten * options.gifFps) / options.fps);
    return { outPath, bytes: await outputBytes(outPath), frames: run.chunksWritten, outputFrames };
  } finally {
    // Ends the frame source when ffmpeg never pulled all of it (a failed spawn, an early exit). Its
    // own cleanup error must not hide the error that ended the encode.
    await frames.return(undefined).catch(() => undefined);
    // After a successful commit the temp name no longer exists, so this only cleans up failures.
    await removeQuietly(temp);
    untrackTempPath(temp);
  }
}

/**
 * Encodes one raw RGBA frame as a PNG at `outPath`, with the same temp-then-rename rule.
 *
 * @throws FluvieError `capture_failed` for a frame of the wrong size, `ffmpeg_failed`, `output_failed` or `canceled`.
 */
export async function writePosterPng(options: WritePosterOptions): Promise<{ outPath: string; bytes: number }> {
  const { ffmpeg, signal, width, height } = options;
  const outPath = path.resolve(options.outPath);
  assertFrameSize(options.frame, width, height, 0);

  await ensureParentFolder(outPath);
  await checkOutputTarget(outPath, 'poster');
  const temp = partialPath(outPath, '.png');
  trackTempPath(temp);

  try {
    await runFfmpeg({
      ffmpegPath: ffmpeg.path,
      // The frame rate is irrelevant for a single still, but the raw input needs one.
      args: buildPosterArgs({ width, height, fps: 1, input: 'pipe:0', frame: 0, output: path.basename(temp) }),
      cwd: path.dirname(outPath),
      signal,
      stdin: singleChunk(options.frame),
    });

    await verifyOutput({ ffmpeg, format: 'poster', target: temp, width, height, frames: 1, signal });
    await commitFile(temp, outPath);

    return { outPath, bytes: await outputBytes(outPath) };
  } finally {
    await removeQuietly(temp);
    untrackTempPath(temp);
  }
}

/** Passes frames through, rejecting any whose size does not match, since ffmpeg would silently misalign them. */
async function* checkedFrames(frames: AsyncIterable<Uint8Array>, width: number, height: number): AsyncGenerator<Uint8Array> {
  let index = 0;
  for await (const frame of frames) {
    assertFrameSize(frame, width, height, index);
    yield frame;
    index += 1;
  }
}

function assertFrameSize(frame: Uint8Array, width: number, height: number, index: number): void {
  const expected = width * height * 4;
  if (frame.byteLength === expected) return;

  throw new FluvieError(
    'capture_failed',
    `Frame ${index} has ${frame.byteLength} bytes, but a ${width}x${height} RGBA frame has ${expected}.`,
  );
}

async function* prepend(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield first;
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield next.value;
}

async function* singleChunk(chunk: Uint8Array): AsyncGenerator<Uint8Array> {
  yield chunk;
}
