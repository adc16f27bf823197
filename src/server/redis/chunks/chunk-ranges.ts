/**
 * Splits a render's frame range into chunks of `chunkFrames` frames for parallel rendering. Every
 * chunk is encoded as its own file, so each starts with a keyframe and the files join without
 * re-encoding. A last chunk shorter than half a chunk is merged into the one before it, so no
 * worker starts ffmpeg for a handful of frames.
 */
import { FluvieError } from '../../../core/errors.js';

export interface FrameRange {
  /** First frame, inclusive. */
  start: number;
  /** Last frame, exclusive. */
  end: number;
}

export function planChunkRanges(totalFrames: number, chunkFrames: number): FrameRange[] {
  if (!Number.isInteger(totalFrames) || totalFrames < 1) throw new FluvieError('internal', `A render needs at least 1 frame, got ${totalFrames}.`);
  if (!Number.isInteger(chunkFrames) || chunkFrames < 1) throw new FluvieError('config_invalid', `CHUNK_FRAMES must be a whole number >= 1, got ${chunkFrames}.`);

  const ranges: FrameRange[] = [];
  for (let start = 0; start < totalFrames; start += chunkFrames) ranges.push({ start, end: Math.min(start + chunkFrames, totalFrames) });
  const last = ranges.at(-1);
  const previous = ranges.at(-2);
  if (last !== undefined && previous !== undefined && last.end - last.start < chunkFrames / 2) {
    ranges.pop();
    previous.end = last.end;
  }
  return ranges;
}

/** Seconds of video per chunk when CHUNK_FRAMES is unset. */
export const DEFAULT_CHUNK_SECONDS = 10;

export interface ChunkPlanInput {
  /** CHUNK_FRAMES: frames per chunk, 0 for never, or null for about {@link DEFAULT_CHUNK_SECONDS} of video. */
  chunkFrames: number | null;
  totalFrames: number;
  /** Frame rate of the video, in frames per second. */
  fps: number;
  /** Workers that serve the chunk queue, this one included. */
  workers: number;
}

/**
 * Returns the chunk ranges of a render, or null when it renders whole: chunking is off, fewer than
 * two workers can take chunks, or the video is too short to give two chunks.
 */
export function planChunks(input: ChunkPlanInput): FrameRange[] | null {
  const chunkFrames = input.chunkFrames ?? Math.max(1, Math.round(DEFAULT_CHUNK_SECONDS * input.fps));
  if (chunkFrames === 0 || input.workers < 2 || input.totalFrames <= chunkFrames) return null;

  const ranges = planChunkRanges(input.totalFrames, chunkFrames);
  return ranges.length < 2 ? null : ranges;
}
