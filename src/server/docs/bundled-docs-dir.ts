/** Location of the docs corpus: `FLUVIE_DOCS_DIR`, or the `docs/` folder shipped with the package. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the bundled docs folder (this file sits three folders below the package root in `src/` and `dist/`). */
export function bundledDocsDir(): string {
  return fileURLToPath(new URL('../../../docs/', import.meta.url));
}

/** Returns `configured` resolved against `cwd` (itself resolved against the working folder), or the bundled docs when it is null. */
export function resolveDocsDir(configured: string | null, cwd: string): string {
  return configured === null ? bundledDocsDir() : path.resolve(cwd, configured);
}
