/** Lookup of executables on a PATH string, the way a shell resolves a bare command name. */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';

/** Returns true when `file` exists and the current user may execute it. */
export async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Returns the file names a command may have on this platform (`ffmpeg.exe` as well on Windows). */
export function executableNames(command: string, platform: NodeJS.Platform = process.platform): string[] {
  if (platform !== 'win32' || path.extname(command) !== '') return [command];

  return [`${command}.exe`, command];
}

/**
 * Returns the first executable named `command` in the folders of `pathValue` (an env PATH string),
 * or null. Empty PATH entries are skipped instead of meaning the current folder.
 */
export async function findOnPath(command: string, pathValue: string | undefined): Promise<string | null> {
  for (const candidate of pathCandidates(command, pathValue)) {
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

/** Returns every location `command` is looked up at, in lookup order. */
export function pathCandidates(command: string, pathValue: string | undefined): string[] {
  const folders = (pathValue ?? '').split(path.delimiter).filter((folder) => folder !== '');
  return folders.flatMap((folder) => executableNames(command).map((name) => path.join(folder, name)));
}
