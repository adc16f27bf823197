/** ffprobe adapter: reads the container and stream facts of a media file as typed JSON. */
import { execa } from 'execa';

import { FluvieError } from '../errors.js';

export interface ProbedStream {
  codec_name: string;
  codec_type: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  /** Frame count from the container index (mp4 has one, webm does not), as ffprobe prints it. */
  nb_frames?: string;
  /** Frames counted by decoding; present only with `countFrames`. */
  nb_read_frames?: string;
  /** Stream duration in seconds, as ffprobe prints it. */
  duration?: string;
  /** Average frame rate as a fraction, for example `30/1`. */
  avg_frame_rate?: string;
  tags?: Record<string, string>;
}

export interface ProbedMedia {
  format: {
    format_name?: string;
    /** Container duration in seconds, as ffprobe prints it. */
    duration?: string;
  };
  streams: ProbedStream[];
}

export interface ProbeMediaOptions {
  /** Decode every frame to fill `nb_read_frames`. Slow on long files. Default false. */
  countFrames?: boolean;
  signal?: AbortSignal;
}

/**
 * Runs `ffprobe -v error -print_format json -show_format -show_streams [-count_frames] <file>`.
 *
 * @throws FluvieError `output_failed` when ffprobe fails or prints something other than the expected JSON.
 */
export async function probeMedia(ffprobePath: string, file: string, options: ProbeMediaOptions = {}): Promise<ProbedMedia> {
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams'];
  if (options.countFrames === true) args.push('-count_frames');
  args.push(file);

  const result = await execa(ffprobePath, args, {
    reject: false,
    stdin: 'ignore',
    ...(options.signal === undefined ? {} : { cancelSignal: options.signal }),
  });

  if (result.isCanceled) throw new FluvieError('canceled', 'Render canceled', { cause: options.signal?.reason });
  if (result.failed) {
    throw new FluvieError('output_failed', `ffprobe could not read ${file}: ${result.stderr.trim() || result.shortMessage}`, {
      cause: result,
    });
  }

  return parseProbeJson(result.stdout, file);
}

/** Parses ffprobe's JSON and checks the fields this project reads. */
export function parseProbeJson(text: string, file: string): ProbedMedia {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error: unknown) {
    throw new FluvieError('output_failed', `ffprobe printed invalid JSON for ${file}`, { cause: error });
  }

  const value = parsed as Partial<ProbedMedia> | null;
  const streams = Array.isArray(value?.streams) ? value.streams : [];
  const format = value?.format !== undefined && typeof value.format === 'object' ? value.format : {};

  return {
    format,
    streams: streams.filter((stream): stream is ProbedStream => typeof stream === 'object' && typeof stream.codec_type === 'string'),
  };
}
