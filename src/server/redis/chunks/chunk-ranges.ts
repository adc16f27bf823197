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
