/** Writes authored files atomically, so an interrupted write never leaves half a spec (edit overwrites its input). */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FluvieError } from '../../core/errors.js';

/** Writes `text` to a temporary file beside `file`, then renames it over `file`. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, file);
  } catch (cause: unknown) {
    await rm(temporary, { force: true });
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new FluvieError('output_failed', `Cannot write ${file}: ${reason}. Check that the folder exists and is writable.`, { cause });
  }
}

/** Saves a spec as pretty JSON with a trailing newline. */
export async function saveSpecFile(file: string, spec: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(spec, null, 2)}\n`);
}
