/**
 * Moves encoded files out of the sandbox to their destination. A rename is tried first; across file
 * systems the file is copied to a temporary name in the destination folder and renamed there, so
 * the destination never holds a partial file.
 */
import { copyFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { FluvieError } from '../../errors.js';
import { createFolders } from '../../fs/create-folders.js';

/** Frame files ffmpeg's image2 muxer writes for the `frame_%06d.png` pattern. */
const FRAME_FILE = /^frame_\d+\.png$/;

/** Moves one file, creating the destination's parent folders. */
export async function moveFile(from: string, to: string): Promise<void> {
  await createFolders(path.dirname(to));
  try {
    await rename(from, to);
    return;
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
  }

  const staging = path.join(path.dirname(to), `.${path.basename(to)}.${process.pid}.partial`);
  try {
    await copyFile(from, staging);
    await rename(staging, to);
  } catch (error: unknown) {
    await unlink(staging).catch(() => {});
    throw error;
  }
  await unlink(from);
}

export interface MovedOutput {
  /** Destination path (the folder, for an image sequence). */
  readonly output: string;
  /** Bytes written: the file size, or the sum of the frame files. */
  readonly bytes: number;
  /** Number of files moved. */
  readonly files: number;
}

/** Moves the single output file `fileName` of `sourceDir` to `out`. */
export async function moveSingleOutput(sourceDir: string, fileName: string, out: string): Promise<MovedOutput> {
  const from = path.join(sourceDir, fileName);
  const info = await stat(from).catch(() => null);
  if (info === null || !info.isFile()) {
    throw new FluvieError('output_failed', `ffmpeg exited successfully but wrote no ${fileName} in ${sourceDir}. Check the manifest's ffmpegArgs, or rerun with --keep-temp --verbose to inspect the sandbox.`);
  }
  await moveFile(from, out);
  return { output: out, bytes: info.size, files: 1 };
}

/** Moves every `frame_<digits>.png` of `sourceDir` into the folder `out`. */
export async function moveFrameSequence(sourceDir: string, out: string): Promise<MovedOutput> {
  const names = (await readdir(sourceDir)).filter((name) => FRAME_FILE.test(name)).sort();
  if (names.length === 0) {
    throw new FluvieError('output_failed', `ffmpeg exited successfully but wrote no frame_*.png files in ${sourceDir}. Rerun with --keep-temp --verbose to inspect the sandbox.`);
  }

  await createFolders(out);
  let bytes = 0;
  for (const name of names) {
    const from = path.join(sourceDir, name);
    bytes += (await stat(from)).size;
    await moveFile(from, path.join(out, name));
  }
  return { output: out, bytes, files: names.length };
}
