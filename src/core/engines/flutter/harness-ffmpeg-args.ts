/**
 * The ffmpeg argument list that the Fluvie harness writes into `manifest.ffmpegArgs` for a video
 * without audio. fluvie-render predicts it to start encoding while capture is still running, and
 * keeps the streamed result only when the manifest later carries exactly these arguments.
 */

export type HarnessFormat = 'mp4' | 'gif' | 'transparent' | 'imageSequence';
export type HarnessQuality = 'low' | 'medium' | 'high' | 'max';

export interface HarnessEncodeSettings {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly format: HarnessFormat;
  readonly quality: HarnessQuality;
  /** Output frame rate of gif exports; the harness default is 15. */
  readonly gifFps: number;
  readonly framesFileName: string;
}

/** CRF of libx264 per quality level, as the harness sets it. */
export const CRF_BY_QUALITY: Readonly<Record<HarnessQuality, number>> = { low: 28, medium: 23, high: 18, max: 14 };

export const OUTPUT_FILE_NAMES: Readonly<Record<HarnessFormat, string>> = {
  mp4: 'out.mp4',
  gif: 'out.gif',
  transparent: 'out.webm',
  imageSequence: 'frame_%06d.png',
};

/** Every harness run ends with these flags, which keep the output reproducible. */
const BITEXACT_TAIL = ['-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1', '-threads', '1'];

export function buildInputArgs(settings: Pick<HarnessEncodeSettings, 'width' | 'height' | 'fps' | 'framesFileName'>): string[] {
  return ['-f', 'rawvideo', '-pix_fmt', 'rgba', '-video_size', `${settings.width}x${settings.height}`, '-framerate', String(settings.fps), '-i', settings.framesFileName];
}

function buildOutputOptions(settings: HarnessEncodeSettings): string[] {
  const fps = String(settings.fps);
  switch (settings.format) {
    case 'mp4':
      return ['-c:v', 'libx264', '-preset', 'medium', '-crf', String(CRF_BY_QUALITY[settings.quality]), '-pix_fmt', 'yuv420p', '-r', fps];
    case 'gif':
      return ['-filter_complex', `fps=${settings.gifFps},scale=trunc(iw/2)*2:trunc(ih/2)*2:flags=lanczos,split[s0][s1];[s0]palettegen=stats_mode=diff[p];[s1][p]paletteuse=dither=bayer`];
    case 'imageSequence':
      return ['-c:v', 'png', '-f', 'image2', '-r', fps];
    case 'transparent':
      return ['-c:v', 'libvpx-vp9', '-pix_fmt', 'yuva420p', '-auto-alt-ref', '0', '-r', fps];
  }
}

/** Returns the harness's `ffmpegArgs` for a silent video. */
export function buildHarnessFfmpegArgs(settings: HarnessEncodeSettings): string[] {
  return [...buildInputArgs(settings), ...buildOutputOptions(settings), '-an', ...BITEXACT_TAIL, OUTPUT_FILE_NAMES[settings.format]];
}

/** Returns the harness's `posterArgs`: frame `posterFrame` of the capture as a PNG. */
export function buildHarnessPosterArgs(settings: Pick<HarnessEncodeSettings, 'width' | 'height' | 'fps' | 'framesFileName'>, posterFrame: number, posterFileName = 'poster.png'): string[] {
  // `\,` escapes the comma inside the filter expression; the backslash is a literal argv character.
  return [...buildInputArgs(settings), '-vf', `select=eq(n\\,${posterFrame})`, '-vframes', '1', '-r', String(settings.fps), '-an', ...BITEXACT_TAIL, posterFileName];
}

/**
 * Returns `args` with the input that reads `framesFileName` replaced by `pipe:0`, so ffmpeg reads
 * the same bytes from stdin. Returns null when `args` has no such input.
 */
export function retargetInputToStdin(args: readonly string[], framesFileName: string): string[] | null {
  const index = args.findIndex((token, i) => token === framesFileName && args[i - 1] === '-i');
  if (index < 0) return null;
  const retargeted = [...args];
  retargeted[index] = 'pipe:0';
  return retargeted;
}
