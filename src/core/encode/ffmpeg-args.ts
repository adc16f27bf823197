/**
 * Pure builders of the ffmpeg argument lists. They follow the argument sets of Fluvie's own encoder
 * (`ffmpeg_args.dart` in the fluvie package), so a native render and a Flutter harness render of the
 * same spec encode alike. The one deliberate difference: mp4 also gets `-movflags +faststart`.
 */
import path from 'node:path';

import type { OutputFormat, Quality } from '../pipeline/render-request.js';

/** x264 constant rate factor per quality (lower is better and larger). Quality affects mp4 only. */
export const CRF_BY_QUALITY: Readonly<Record<Quality, number>> = {
  low: 28,
  medium: 23,
  high: 18,
  max: 14,
};

/** GIF frame rate when the spec's `export.fps` does not set one, in frames per second. */
export const DEFAULT_GIF_FPS = 15;

/** File name pattern of imageSequence output, inside the output folder (1-based, six digits). */
export const IMAGE_SEQUENCE_PATTERN = 'frame_%06d.png';

/** Matches the file names that {@link IMAGE_SEQUENCE_PATTERN} produces. */
export const IMAGE_SEQUENCE_FILE = /^frame_\d{6}\.png$/;

/** Extension ffmpeg needs on a single-file output to pick the muxer. imageSequence writes a folder. */
export const FORMAT_EXTENSION: Readonly<Record<Exclude<OutputFormat, 'imageSequence'>, string>> = {
  mp4: '.mp4',
  gif: '.gif',
  transparent: '.webm',
};

/**
 * Audio mixed into an mp4: extra ffmpeg inputs (numbered from 1, after the frames at input 0) and a
 * `-filter_complex` graph that reads them and ends in the label `[aout]`. The graph must end at the
 * video's length, because the output keeps every stream to its end.
 */
export interface AudioMix {
  /** Input arguments, for example `['-stream_loop', '-1', '-i', 'music.mp3']`. */
  readonly inputArgs: readonly string[];
  /** Filter graph whose final output is labelled `[aout]`. */
  readonly filterGraph: string;
}

export interface EncodeArgsOptions {
  format: OutputFormat;
  /** Frame width in pixels. */
  width: number;
  /** Frame height in pixels. */
  height: number;
  /** Frame rate of the raw input and of the output (except gif), in frames per second. */
  fps: number;
  quality: Quality;
  /** GIF output frame rate in frames per second; read for gif only. */
  gifFps: number;
  /** Raw RGBA input: `pipe:0` for frames on stdin, or a file name. */
  input: string;
  /** Output file; for imageSequence the folder that receives the frame files. */
  output: string;
  /** Extra mp4 video filter graph (`-vf`), or null for none. Ignored by the other formats. */
  videoFilter?: string | null;
  /** Audio for mp4. The other formats are always encoded without audio, as Fluvie does. */
  audio?: AudioMix | null;
}

export interface PosterArgsOptions {
  width: number;
  height: number;
  fps: number;
  /** Raw RGBA input: `pipe:0` or a file name. */
  input: string;
  /** Zero-based index of the frame to keep. */
  frame: number;
  /** PNG output file. */
  output: string;
}

/** Builds the full argv (without the binary) that encodes raw RGBA frames to `options.format`. */
export function buildEncodeArgs(options: EncodeArgsOptions): string[] {
  const { format, output } = options;
  const audio = format === 'mp4' ? (options.audio ?? null) : null;

  const outputName = format === 'imageSequence' ? path.join(output, IMAGE_SEQUENCE_PATTERN) : output;

  return [
    ...rawInputArgs(options),
    ...(audio === null ? [] : audio.inputArgs),
    ...videoOutputArgs(options),
    ...audioTailArgs(audio),
    ...reproducibleTail(outputName),
  ];
}

/**
 * Builds the argv that writes frame `options.frame` of a raw RGBA input as one PNG.
 * The select filter's comma is escaped (`\,`) because a bare comma separates filters in a graph.
 */
export function buildPosterArgs(options: PosterArgsOptions): string[] {
  return [
    ...rawInputArgs(options),
    '-vf',
    `select=eq(n\\,${options.frame})`,
    '-vframes',
    '1',
    '-r',
    String(options.fps),
    '-an',
    ...reproducibleTail(options.output),
  ];
}

function rawInputArgs(options: { width: number; height: number; fps: number; input: string }): string[] {
  return [
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgba',
    '-video_size',
    `${options.width}x${options.height}`,
    '-framerate',
    String(options.fps),
    '-i',
    options.input,
  ];
}

function videoOutputArgs(options: EncodeArgsOptions): string[] {
  const fps = String(options.fps);

  switch (options.format) {
    case 'mp4':
      return [
        ...(options.videoFilter ? ['-vf', options.videoFilter] : []),
        '-c:v',
        'libx264',
        '-preset',
        'medium',
        '-crf',
        String(CRF_BY_QUALITY[options.quality]),
        // 4:2:0 is what browsers and phones decode; x264 would otherwise keep 4:4:4 from the RGBA input.
        '-pix_fmt',
        'yuv420p',
        '-r',
        fps,
        // Moves the moov index to the front so players can start before the whole file arrives.
        '-movflags',
        '+faststart',
      ];
    case 'gif':
      return ['-filter_complex', gifFilterGraph(options.gifFps, options.width, options.height)];
    case 'imageSequence':
      return ['-c:v', 'png', '-f', 'image2', '-r', fps];
    case 'transparent':
      return [
        '-c:v',
        'libvpx-vp9',
        // yuva420p keeps the alpha plane; libvpx stores it as a side stream and tags it alpha_mode=1.
        '-pix_fmt',
        'yuva420p',
        // ffmpeg's libvpx wrapper rejects alpha together with alternate reference frames.
        '-auto-alt-ref',
        '0',
        '-r',
        fps,
      ];
  }
}

/**
 * Builds one graph that resamples to the gif frame rate, builds a palette from the frames and applies it.
 * `stats_mode=diff` weights the palette towards moving pixels, and bayer dithering compresses better
 * than error diffusion.
 * NOTE: ffmpeg 5.1's palettegen in diff mode counts the previous frame's pixels where two frames
 * differ, so a colour that first appears at the last change between frames is left out of the palette
 * (seen with solid-colour frames). Fluvie uses the same graph, so it is kept for identical output.
 */
function gifFilterGraph(gifFps: number, width: number, height: number): string {
  // Fluvie rounds both axes down to even numbers, which gif does not need: the gif encoder and the
  // palette filters of ffmpeg 5.1 take odd sizes. Even sizes keep Fluvie's exact graph, and odd
  // sizes drop the scale step, so the output keeps the requested size.
  const scale = width % 2 === 0 && height % 2 === 0 ? 'scale=trunc(iw/2)*2:trunc(ih/2)*2:flags=lanczos,' : '';
  return `fps=${gifFps},${scale}split[s0][s1];[s0]palettegen=stats_mode=diff[p];[s1][p]paletteuse=dither=bayer`;
}

/** The mp4 audio encoder settings, shared by whole renders and the audio-only file of chunked renders. */
const AUDIO_ENCODER_ARGS = ['-c:a', 'aac', '-b:a', '192k'] as const;

/**
 * Builds the argv that encodes only the audio mix to an AAC file (`.m4a`), with the encoder settings
 * of {@link buildEncodeArgs}, so its packets equal those of the audio in a whole mp4 render. The
 * mix's graph reads its sources as inputs 1 and up, so a tiny lavfi video takes input 0 and is
 * never mapped.
 */
export function buildAudioOnlyArgs(audio: AudioMix, output: string): string[] {
  return [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', 'color=size=16x16:duration=0.04',
    ...audio.inputArgs,
    '-filter_complex', audio.filterGraph,
    '-map', '[aout]',
    ...AUDIO_ENCODER_ARGS,
    '-vn',
    '-fflags', '+bitexact', '-map_metadata', '-1', '-threads', '1', output,
  ];
}

function audioTailArgs(audio: AudioMix | null): string[] {
  if (audio === null) return ['-an'];

  return [
    '-filter_complex',
    audio.filterGraph,
    '-map',
    '0:v:0',
    '-map',
    '[aout]',
    ...AUDIO_ENCODER_ARGS,
    // No -shortest: the graph already ends exactly at the video's length (see audio-mix.ts), and
    // -shortest can drop the last video frames when the audio stream ends a few samples early.
  ];
}

/**
 * Flags that make the same frames give byte-identical files: no encoder version strings, no
 * creation time or other copied metadata, and one encoder thread so the output does not depend on
 * the machine's core count.
 */
function reproducibleTail(output: string): string[] {
  return ['-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1', '-threads', '1', output];
}
