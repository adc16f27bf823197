/**
 * Pure parts of clip playback: the ffmpeg decode arguments (trim, speed, reverse, scale, frame
 * rate) and the per-frame opacity of the fades. Times are in seconds unless named frames.
 */

export interface ClipPlayback {
  /** Source seconds where playback starts, and where it ends (null: the file's end). */
  trimFrom: number;
  trimTo: number | null;
  /** Playback rate; negative plays the trimmed range backwards. Ignored when `ramp` is set. */
  speed: number;
  /**
   * A speed ramp's source clock: entry k is the source seconds after `trimFrom` shown at output
   * frame k of the window (see speed-ramp.ts). Null or absent for a constant `speed`.
   */
  ramp?: Float64Array | null;
}

/**
 * Returns the decoded frame index that output frame `index` of the window shows under a ramp, when
 * the decoder emits `decodeFps` frames per source second: the frame on screen at that source time.
 */
export function rampFrameIndex(ramp: Float64Array, index: number, decodeFps: number): number {
  const seconds = ramp[Math.min(Math.max(index, 0), ramp.length - 1)]!;
  // The epsilon keeps a source time that lands exactly on a frame from rounding down to the previous one.
  return Math.floor(seconds * decodeFps + 1e-6);
}

export interface DecodeArgsOptions extends ClipPlayback {
  file: string;
  /** Composition frame rate: the decoder emits one frame per output frame. */
  fps: number;
  /** Decoded frame size in pixels. */
  width: number;
  height: number;
}

/** Largest trimmed range, in decoded bytes, that reverse playback may hold in memory. */
export const REVERSE_MAX_BYTES = 512 * 1024 * 1024;

/**
 * Builds the ffmpeg argv of a decoder. Reverse playback uses the `reverse` filter, which buffers every
 * frame of the trimmed range in memory, so the frames are scaled down to the element box first.
 */
export function clipDecodeArgs(options: DecodeArgsOptions): string[] {
  const speed = Math.abs(options.speed);
  const range = [
    ...(options.trimFrom > 0 ? ['-ss', seconds(options.trimFrom)] : []),
    ...(options.trimTo === null ? [] : ['-t', seconds(Math.max(0, options.trimTo - options.trimFrom))]),
  ];
  const filters = [
    `scale=${options.width}:${options.height}:flags=bicubic`,
    ...(options.speed < 0 ? ['reverse'] : []),
    `setpts=(PTS-STARTPTS)/${number(speed)}`,
    `fps=${options.fps}`,
  ];
  return [
    '-v', 'error', '-nostdin',
    ...range,
    '-i', options.file,
    '-an', '-sn', '-dn',
    '-vf', filters.join(','),
    '-f', 'rawvideo', '-pix_fmt', 'rgba',
    'pipe:1',
  ];
}

/** Estimates the bytes the `reverse` filter buffers: every source frame of the range, as decoded RGBA. */
export function reverseBytes(rangeSeconds: number, sourceFps: number, width: number, height: number): number {
  return Math.ceil(rangeSeconds * sourceFps) * width * height * 4;
}

/** Returns the opacity of the clip `elapsed` frames into a window of `windowFrames`, from its fades. */
export function clipFadeOpacity(elapsed: number, windowFrames: number, fadeInFrames: number, fadeOutFrames: number): number {
  let opacity = 1;
  if (fadeInFrames > 0) opacity = Math.min(opacity, elapsed / fadeInFrames);
  if (fadeOutFrames > 0) opacity = Math.min(opacity, (windowFrames - elapsed) / fadeOutFrames);
  return Math.min(Math.max(opacity, 0), 1);
}

function seconds(value: number): string {
  return number(Math.round(value * 1000) / 1000);
}

function number(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}
