/**
 * Joins chunk files into one mp4 with ffmpeg's concat demuxer and stream copy, so no frame is
 * encoded twice. The chunks must come from the same encoder settings (size, pixel format, codec
 * parameters), as chunks of one render do. With `audio`, that one track is muxed over the whole
 * video, so audio is never cut at chunk borders.
 */
import { rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { FluvieError } from '../../../core/errors.js';

export interface JoinChunksOptions {
  ffmpegPath: string;
  /** Chunk files in playback order. */
  chunks: readonly string[];
  outPath: string;
  /** An audio file (any format ffmpeg reads) muxed as the video's only audio track, or null. */
  audio: string | null;
  signal: AbortSignal;
}

/** Returns the arguments of the join: pure, so the argument list has its own unit test. */
export function buildJoinArgs(listFile: string, outPath: string, audio: string | null): string[] {
  return [
    '-v', 'error', '-y',
    // `-safe 0` allows absolute paths in the list file, which this module writes itself.
    '-f', 'concat', '-safe', '0', '-i', listFile,
    ...(audio === null ? [] : ['-i', audio, '-map', '0:v:0', '-map', '1:a:0', '-c:a', 'aac', '-shortest']),
    '-c:v', 'copy',
    '-movflags', '+faststart',
    outPath,
  ];
}

/** Writes the concat list next to the output and runs ffmpeg; returns the output size in bytes. */
export async function joinChunks(options: JoinChunksOptions): Promise<number> {
  if (options.chunks.length === 0) throw new FluvieError('internal', 'A chunked render has no chunks to join.');
  const listFile = path.join(path.dirname(options.outPath), `${path.basename(options.outPath)}.chunks.txt`);
  // The concat list quotes each path; a single quote inside a path is written as '\''.
  await writeFile(listFile, options.chunks.map((chunk) => `file '${path.resolve(chunk).replaceAll("'", "'\\''")}'\n`).join(''));
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
