/** Where the docs shipped with the package live: `docs/` at the package root. */
import { fileURLToPath } from 'node:url';

/** Absolute path of the bundled docs folder (this file sits three folders below the package root in `src/` and `dist/`). */
export function bundledDocsDir(): string {
  return fileURLToPath(new URL('../../../docs/', import.meta.url));
}
