/** The per-render sandbox folder the harness writes into (`fluvie_render_*` in the system temp folder). */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const SANDBOX_PREFIX = 'fluvie_render_';

/** Creates a fresh sandbox folder and returns its absolute, symlink-free path. */
export async function createSandbox(tempRoot: string = os.tmpdir()): Promise<string> {
  return mkdtemp(path.join(tempRoot, SANDBOX_PREFIX));
}

/** Removes a sandbox and everything in it; a missing folder is not an error. */
export async function removeSandbox(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}
