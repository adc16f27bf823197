/**
 * Where the render console's files are read from. Both folders sit at the package root, and this file
 * sits three folders below it in `src/` and `dist/` alike, so the same relative URL works from both.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** File names the console serves from its folders: no slashes, no leading dot. */
const SCRIPT_NAME = /^[a-z0-9-]+\.js$/;
const EXAMPLE_NAME = /^[A-Za-z0-9_-]+\.fluvie\.json$/;

/** Folder of the compiled browser scripts (`npm run build` writes them). */
export function bundledConsoleScriptsDir(): string {
  return fileURLToPath(new URL('../../../dist/console/', import.meta.url));
}

/** Folder of the example specs shipped with the package. */
export function bundledExamplesDir(): string {
  return fileURLToPath(new URL('../../../examples/', import.meta.url));
}

export function isScriptName(name: string): boolean {
  return SCRIPT_NAME.test(name);
}

export function isExampleName(name: string): boolean {
  return EXAMPLE_NAME.test(name);
}

/** Returns the `*.fluvie.json` file names in `dir`, sorted, or none when the folder is missing. */
export async function listExamples(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return names.filter(isExampleName).sort();
}

/** Reads `name` from `dir`, or returns null when the name is not allowed or the file is missing. */
export async function readAsset(dir: string, name: string, allowed: (name: string) => boolean): Promise<Buffer | null> {
  if (!allowed(name)) return null;
  try {
    return await readFile(path.join(dir, name));
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
