/** The ffmpeg encoders each output needs, checked right after ffmpeg is resolved. */
import { FluvieError } from '../errors.js';
import type { OutputFormat } from '../pipeline/render-request.js';
import type { ResolvedFfmpeg } from './resolve-ffmpeg.js';

/** How to get a working ffmpeg; appended to every `ffmpeg_missing` message. */
export const FFMPEG_INSTALL_HINT =
  'Install ffmpeg (`apt-get install ffmpeg` on Debian or Ubuntu, `brew install ffmpeg` on macOS), ' +
  'or pass --ffmpeg <path> or set FLUVIE_FFMPEG to an ffmpeg binary.';

/** Video encoder per output format. */
export const FORMAT_ENCODER: Readonly<Record<OutputFormat, string>> = {
  mp4: 'libx264',
  transparent: 'libvpx-vp9',
  gif: 'gif',
  imageSequence: 'png',
};

export interface RequiredEncodersOptions {
  /** A poster PNG is written too (needs `png`). Default false. */
  poster?: boolean;
  /** Audio is mixed into the mp4 (needs `aac`). Default false. */
  audio?: boolean;
}

/** Returns the encoder names a render of `format` needs, without duplicates. */
export function requiredEncoders(format: OutputFormat, options: RequiredEncodersOptions = {}): string[] {
  const names = new Set([FORMAT_ENCODER[format]]);
  if (options.poster === true) names.add('png');
  if (options.audio === true && format === 'mp4') names.add('aac');
  return [...names];
}

/**
 * Checks that `ffmpeg` has every encoder the render needs.
 *
 * @throws FluvieError `ffmpeg_missing` naming the binary, its version and the missing encoders.
 */
export function requireEncoders(ffmpeg: ResolvedFfmpeg, format: OutputFormat, options: RequiredEncodersOptions = {}): void {
  const missing = requiredEncoders(format, options).filter((name) => !ffmpeg.encoders.has(name));
  if (missing.length === 0) return;

  throw new FluvieError(
    'ffmpeg_missing',
    `ffmpeg at ${ffmpeg.path} (version ${ffmpeg.version}, found through ${ffmpeg.source}) lacks the ` +
      `${missing.join(', ')} encoder${missing.length > 1 ? 's' : ''} that ${format} output needs. ` +
      `Use an ffmpeg build that includes ${missing.join(' and ')}. ${FFMPEG_INSTALL_HINT}`,
    { details: { ffmpegPath: ffmpeg.path, format, missing } },
  );
}
