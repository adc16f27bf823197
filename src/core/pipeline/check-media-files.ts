/**
 * Checks that every local file a spec reads exists, so a render fails before the first frame with
 * the whole list instead of stopping at the first missing file halfway through.
 */
import { stat } from 'node:fs/promises';
import { FluvieError } from '../errors.js';
import { listMediaFiles, type MediaFileReference, type VideoSpec } from '../../spec/index.js';

/** Returns the references whose file is missing or is not a regular file, in spec order. */
export async function findMissingMediaFiles(references: readonly MediaFileReference[]): Promise<MediaFileReference[]> {
  const missing: MediaFileReference[] = [];
  for (const reference of references) {
    const info = await stat(reference.file).catch(() => null);
    if (info === null || !info.isFile()) missing.push(reference);
  }
  return missing;
}

/**
 * Checks every image, clip and audio file of `spec`.
 * @throws FluvieError `file_not_found` naming each JSON path and resolved file name.
 */
export async function assertMediaFilesExist(spec: VideoSpec, baseDir: string): Promise<void> {
  const missing = await findMissingMediaFiles(listMediaFiles(spec, baseDir));
  if (missing.length === 0) return;

  const lines = missing.map((item) => `  ${item.path}: ${item.kind} file not found: ${item.file}`);
  throw new FluvieError(
    'file_not_found',
    `${missing.length} media file(s) of the spec are missing:\n${lines.join('\n')}\n` +
      `Check the paths: "asset" sources and background paths resolve against the spec's folder (${baseDir}), "file" sources are absolute.`,
    { details: { missing } },
  );
}
