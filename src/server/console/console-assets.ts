/**
 * Where the render console's files are read from. Both folders sit at the package root, and this file
 * sits three folders below it in `src/` and `dist/` alike, so the same relative URL works from both.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findLocalMediaReferences, mediaReferenceProblem } from '../requests/media-policy.js';

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

/**
 * Returns the examples in `dir` that this server can render: those whose local media files all pass
 * the media rule under `mediaDir` and exist there. With no media folder, only examples without local
 * media are listed, so every listed example renders.
 */
export async function listRenderableExamples(dir: string, mediaDir: string | null): Promise<string[]> {
  const names = await listExamples(dir);
  const renderable: string[] = [];
  for (const name of names) {
    if (await exampleMediaAvailable(path.join(dir, name), mediaDir)) renderable.push(name);
  }
  return renderable;
}

async function exampleMediaAvailable(file: string, mediaDir: string | null): Promise<boolean> {
  let spec: unknown;
  try {
    spec = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return false;
  }
  for (const reference of findLocalMediaReferences(spec)) {
    if (mediaDir === null || mediaReferenceProblem(reference, mediaDir) !== null) return false;
    const info = await stat(path.resolve(mediaDir, reference.value)).catch(() => null);
    if (info === null || !info.isFile()) return false;
  }
  return true;
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
