/**
 * A replacement for `mkdir(folder, { recursive: true })` that fails instead of looping.
 *
 * Node 20's recursive mkdir reads ENOENT as "the parent is missing", creates the parent, and retries.
 * procfs returns ENOENT from mkdir even when the parent exists, so
 * `mkdir('/proc/nope/x', { recursive: true })` never settles, burns CPU, and ignores signals
 * (seen on Node 20.20 on Linux). This helper creates one level at a time, raises the first mkdir
 * error other than EEXIST, and stops at a level that does not exist right after mkdir.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Creates `folder` and any missing parents. Raises an Error with the errno `code` of the failing
 * step (ENOTDIR, EACCES, ENOENT, ...) and a message that names the level that could not be created.
 */
export async function createFolders(folder: string): Promise<void> {
  const target = path.resolve(folder);
  const missing: string[] = [];
  let level = target;
  while (!(await isFolder(level))) {
    missing.push(level);
    const parent = path.dirname(level);
    if (parent === level) break;
    level = parent;
  }

  // Create from the outermost missing level inwards.
  for (const current of missing.reverse()) {
    let existed = false;
    try {
      await mkdir(current);
    } catch (error: unknown) {
      if (errnoCode(error) !== 'EEXIST') throw withLevel(error, current);
      existed = true;
    }
    if (await isFolder(current)) continue;
    if (existed) throw errnoError('ENOTDIR', `cannot create ${current}: a file of that name exists`);
    throw errnoError('ENOENT', `cannot create ${current}: it does not exist right after mkdir created it, so this file system takes no new folders here`);
  }
}

async function isFolder(candidate: string): Promise<boolean> {
  try {
    return (await stat(candidate)).isDirectory();
  } catch {
    return false;
  }
}

function withLevel(error: unknown, level: string): Error {
  const code = errnoCode(error);
  const reason = error instanceof Error ? error.message : String(error);
  const failure = new Error(`cannot create ${level}: ${reason}`, { cause: error });
  if (code !== undefined) Object.assign(failure, { code });
  return failure;
}

function errnoError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
}
