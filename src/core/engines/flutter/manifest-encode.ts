/**
 * Runs ffmpeg with exactly the argument lists of a checked manifest, inside the sandbox: the video
 * first, then the poster when the manifest declares one.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { runFfmpeg } from '../../encode/run-ffmpeg.js';
import { FluvieError } from '../../errors.js';
import type { RenderManifest } from './manifest.js';

export interface ManifestEncodeOptions {
  readonly ffmpegPath: string;
  readonly sandbox: string;
  readonly manifest: RenderManifest;
  readonly signal: AbortSignal;
  readonly onStderrLine?: (line: string) => void;
}

/** Encodes the video with `manifest.ffmpegArgs`; the output lands in the sandbox. */
export async function encodeFromManifest(options: ManifestEncodeOptions): Promise<void> {
  await runFfmpeg({
    ffmpegPath: options.ffmpegPath,
    args: options.manifest.ffmpegArgs,
    cwd: options.sandbox,
    signal: options.signal,
    ...(options.onStderrLine ? { onStderrLine: options.onStderrLine } : {}),
  });
}

/** Writes the poster with `manifest.posterArgs`; returns its sandbox path, or null when none is declared. */
export async function encodePosterFromManifest(options: ManifestEncodeOptions): Promise<string | null> {
  const { posterArgs, posterFileName } = options.manifest;
  if (posterArgs === undefined || posterFileName === undefined) return null;

  await runFfmpeg({
    ffmpegPath: options.ffmpegPath,
    args: posterArgs,
    cwd: options.sandbox,
    signal: options.signal,
    ...(options.onStderrLine ? { onStderrLine: options.onStderrLine } : {}),
  });
  const posterPath = path.join(options.sandbox, posterFileName);
  try {
    await access(posterPath);
  } catch {
    throw new FluvieError('output_failed', `ffmpeg exited successfully but wrote no poster ${posterFileName}. Check the manifest's posterArgs, or rerun with --keep-temp to inspect the sandbox.`);
  }
  return posterPath;
}
