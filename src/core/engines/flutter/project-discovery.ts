/**
 * Finds the Flutter project that holds the capture harness: `--project`, then env `RENDER_PROJECT`,
 * then a walk up from the working folder that checks `test/render/` and `example/test/render/` in
 * each folder.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { FluvieError } from '../../errors.js';
import { HARNESS_RELATIVE_PATH } from './dart-defines.js';

export interface DiscoverProjectOptions {
  /** Explicit project folder (`--project`), or null. Relative paths resolve against `cwd`. */
  readonly projectDir: string | null;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export interface DiscoveredProject {
  /** Absolute project folder; `flutter test` runs here. */
  readonly projectDir: string;
  /** Absolute path of the capture harness. */
  readonly harnessPath: string;
  /** Where the folder came from, for `--verbose` and `doctor`. */
  readonly source: 'flag' | 'env' | 'search';
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** Returns the folders a walk up from `cwd` checks, nearest first, as [projectDir, harnessPath] pairs. */
export function listSearchCandidates(cwd: string): [projectDir: string, harnessPath: string][] {
  const candidates: [string, string][] = [];
  let dir = path.resolve(cwd);
  for (;;) {
    candidates.push([dir, path.join(dir, HARNESS_RELATIVE_PATH)]);
    const example = path.join(dir, 'example');
    candidates.push([example, path.join(example, HARNESS_RELATIVE_PATH)]);
    const parent = path.dirname(dir);
    if (parent === dir) return candidates;
    dir = parent;
  }
}

async function checkExplicit(dir: string, source: 'flag' | 'env'): Promise<DiscoveredProject> {
  const harnessPath = path.join(dir, HARNESS_RELATIVE_PATH);
  if (await exists(harnessPath)) return { projectDir: dir, harnessPath, source };

  const origin = source === 'flag' ? '--project' : 'RENDER_PROJECT';
  throw new FluvieError('file_not_found', `No capture harness at ${harnessPath} (project from ${origin}). Run \`fluvie-render init --project ${dir}\` to add one, or point ${origin} at the Flutter project that has it.`);
}

/** Locates the project and its harness. Throws `file_not_found` naming every folder it searched. */
export async function discoverProject(options: DiscoverProjectOptions): Promise<DiscoveredProject> {
  if (options.projectDir !== null) return checkExplicit(path.resolve(options.cwd, options.projectDir), 'flag');

  const fromEnv = options.env.RENDER_PROJECT?.trim();
  if (fromEnv) return checkExplicit(path.resolve(options.cwd, fromEnv), 'env');

  const candidates = listSearchCandidates(options.cwd);
  for (const [projectDir, harnessPath] of candidates) {
    if (await exists(harnessPath)) return { projectDir, harnessPath, source: 'search' };
  }
  const searched = [...new Set(candidates.map(([dir]) => dir))].join(', ');
  throw new FluvieError('file_not_found', `No Flutter project with a capture harness (${HARNESS_RELATIVE_PATH}) found. Searched: ${searched}. Run \`fluvie-render init\` in your Flutter project, or pass --project <dir> (or set RENDER_PROJECT).`);
}
