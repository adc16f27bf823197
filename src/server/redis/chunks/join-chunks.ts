/**
 * Joins chunk files into one mp4 with ffmpeg's concat demuxer and stream copy, so no frame is
 * encoded twice. The chunks must come from the same encoder settings (size, pixel format, codec
 * parameters), as chunks of one render do. With `audio`, that one AAC track is copied over the whole
 * video, so audio is never cut at chunk borders and never encoded twice.
 */
import { rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { FluvieError } from '../../../core/errors.js';

export interface JoinChunk {
  file: string;
  /** Frames in the file. */
  frames: number;
}

export interface JoinChunksOptions {
  ffmpegPath: string;
  /** Chunk files in playback order. */
  chunks: readonly JoinChunk[];
  /** Frame rate of every chunk, in frames per second. */
  fps: number;
  outPath: string;
  /** An AAC file (`.m4a`) as long as the whole video, or null for a video without audio. */
  audio: string | null;
  signal: AbortSignal;
}

/**
 * Builds the concat list. Each file gets an exact `duration` (frames / fps), because otherwise the
 * demuxer places the next file after the container's duration, which mp4 stores in milliseconds.
 * A 25-frame chunk at 30 fps would then last 0.834 s and push every later frame back.
 */
export function buildConcatList(chunks: readonly JoinChunk[], fps: number): string {
  return chunks
    .map((chunk) => {
      // A single quote inside a quoted path is written as '\''.
      const quoted = path.resolve(chunk.file).replaceAll("'", "'\\''");
      return `file '${quoted}'\nduration ${(chunk.frames / fps).toFixed(6)}\n`;
    })
    .join('');
}

/** Returns the arguments of the join: pure, so the argument list has its own unit test. */
export function buildJoinArgs(listFile: string, outPath: string, audio: string | null): string[] {
  return [
    '-v', 'error', '-y',
    // `-safe 0` allows absolute paths in the list file, which this module writes itself.
    '-f', 'concat', '-safe', '0', '-i', listFile,
    // No -shortest: the audio file lasts exactly as long as the video (the mix pads and trims it).
    ...(audio === null ? ['-an'] : ['-i', audio, '-map', '0:v:0', '-map', '1:a:0', '-c:a', 'copy']),
    '-c:v', 'copy',
    '-movflags', '+faststart',
    outPath,
  ];
}

/** Writes the concat list next to the output and runs ffmpeg; returns the output size in bytes. */
export async function joinChunks(options: JoinChunksOptions): Promise<number> {
  if (options.chunks.length === 0) throw new FluvieError('internal', 'A chunked render has no chunks to join.');
  const listFile = path.join(path.dirname(options.outPath), `${path.basename(options.outPath)}.chunks.txt`);
  await writeFile(listFile, buildConcatList(options.chunks, options.fps));
  try {
    await execa(options.ffmpegPath, buildJoinArgs(listFile, options.outPath, options.audio), { cancelSignal: options.signal });
  } catch (error: unknown) {
    if (options.signal.aborted) throw new FluvieError('canceled', 'Render canceled', { cause: error });
    const stderr = (error as { stderr?: unknown }).stderr;
    throw new FluvieError('ffmpeg_failed', `Joining ${options.chunks.length} chunks failed: ${typeof stderr === 'string' ? stderr.trim() : String(error)}`, { cause: error });
  } finally {
    await rm(listFile, { force: true });
  }
  return (await stat(options.outPath)).size;
}
