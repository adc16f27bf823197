/**
 * Temp-then-rename output handling. ffmpeg writes to a hidden `.partial` name in the destination
 * folder, and only a verified result is renamed onto the requested path, so a failed or canceled
 * render never leaves a partial file there.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

import { FluvieError } from '../errors.js';
import { createFolders } from '../fs/create-folders.js';
import type { OutputFormat } from '../pipeline/render-request.js';
import { IMAGE_SEQUENCE_FILE } from './ffmpeg-args.js';

/** Marker in every temp name, so leftovers of a killed process are easy to find: `.*.partial*`. */
export const PARTIAL_MARKER = '.partial';

/**
 * Returns the temp name for `outPath`: `.<name>.<8 hex digits>.partial<extension>` in the same folder.
 * Characters other than letters, digits, `.`, `_` and `-` become `_`, because ffmpeg reads `%` in an
 * image output name as a frame number pattern and `name:` as a protocol prefix.
 */
export function partialPath(outPath: string, extension: string, random: string = randomBytes(4).toString('hex')): string {
  const base = path.basename(outPath, path.extname(outPath)).replace(/[^A-Za-z0-9._-]/g, '_');
  return path.join(path.dirname(outPath), `.${base}.${random}${PARTIAL_MARKER}${extension}`);
}

/** Creates the destination folder of `outPath`. */
export async function ensureParentFolder(outPath: string): Promise<void> {
  const folder = path.dirname(outPath);
  try {
    await createFolders(folder);
  } catch (error: unknown) {
    throw new FluvieError('output_failed', `Cannot create the output folder ${folder}: ${messageOf(error)}`, { cause: error });
  }
}

/**
 * Fails before any frame is drawn when the output cannot work: a file output that names an existing
 * folder, or a destination folder this process may not write to.
 */
export async function checkOutputTarget(outPath: string, format: OutputFormat | 'poster'): Promise<void> {
  const existing = await stat(outPath).catch(() => null);
  if (format !== 'imageSequence' && existing?.isDirectory() === true) {
    throw new FluvieError('output_failed', `The output ${outPath} is a folder. Pass a file name such as ${path.join(outPath, `video${format === 'poster' ? '.png' : ''}`)} to --out.`);
  }
  if (format === 'imageSequence' && existing !== null && !existing.isDirectory()) {
    throw new FluvieError('output_failed', `The output ${outPath} is a file, but imageSequence writes a folder of PNG files. Pass a folder to --out.`);
  }
  const folder = path.dirname(outPath);
  try {
    await access(folder, constants.W_OK);
  } catch (error: unknown) {
    throw new FluvieError('output_failed', `Cannot write to the output folder ${folder}: ${messageOf(error)}. Choose a writable --out.`, { cause: error });
  }
}

/** Renames the finished temp file onto `outPath`, replacing an existing file. */
export async function commitFile(tempPath: string, outPath: string): Promise<void> {
  try {
    await rename(tempPath, outPath);
  } catch (error: unknown) {
    throw new FluvieError('output_failed', `Cannot move the encoded file to ${outPath}: ${messageOf(error)}. Check that --out names a writable file, not a folder.`, {
      cause: error,
    });
  }
}

/**
 * Moves the frame files of `tempFolder` into `outFolder`. A missing or empty `outFolder` is replaced
 * in one rename. Otherwise the frames are moved one by one, and older `frame_NNNNNN.png` files that
 * this render did not write are deleted so the folder contains exactly one sequence.
 */
export async function commitFrameFolder(tempFolder: string, outFolder: string): Promise<void> {
  try {
    await rename(tempFolder, outFolder);
    return;
  } catch (error: unknown) {
    if (!isCode(error, 'ENOTEMPTY') && !isCode(error, 'EEXIST')) {
      throw new FluvieError('output_failed', `Cannot move the frames to ${outFolder}: ${messageOf(error)}. --out must name a folder for imageSequence output.`, {
        cause: error,
      });
    }
  }

  try {
    const newFrames = new Set((await readdir(tempFolder)).filter((name) => IMAGE_SEQUENCE_FILE.test(name)));
    const stale = (await readdir(outFolder)).filter((name) => IMAGE_SEQUENCE_FILE.test(name) && !newFrames.has(name));

    for (const name of stale) await rm(path.join(outFolder, name), { force: true });
    for (const name of newFrames) await rename(path.join(tempFolder, name), path.join(outFolder, name));
    await rm(tempFolder, { recursive: true, force: true });
  } catch (error: unknown) {
    throw new FluvieError('output_failed', `Cannot move the frames into ${outFolder}: ${messageOf(error)}`, { cause: error });
  }
}

/** Removes a temp file or folder; best effort, because it runs during cleanup of another failure. */
export async function removeQuietly(target: string): Promise<void> {
  await rm(target, { recursive: true, force: true }).catch(() => undefined);
}

/** Returns the size of a file, or the summed size of the frame files in a folder, in bytes. */
export async function outputBytes(target: string): Promise<number> {
  const info = await stat(target);
  if (!info.isDirectory()) return info.size;

  const names = (await readdir(target)).filter((name) => IMAGE_SEQUENCE_FILE.test(name));
  const sizes = await Promise.all(names.map(async (name) => (await stat(path.join(target, name))).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
