/**
 * Lists the composition keys of a project: runs the harness with `FLUVIE_RENDER_LIST=true` and
 * reads its `fluvie-keys: a, b, c` line.
 */
import path from 'node:path';
import { FluvieError } from '../../errors.js';
import { runFlutterProcess } from './capture-process.js';
import { buildListArgs } from './dart-defines.js';
import { discoverProject, type DiscoveredProject } from './project-discovery.js';
import { resolveFlutter, type ResolvedFlutter } from './resolve-flutter.js';

export const KEYS_MARKER = 'fluvie-keys:';

export interface ListKeysOptions {
  readonly projectDir: string | null;
  readonly flutterPath: string | null;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly signal: AbortSignal;
  /** Called with each line flutter prints. */
  readonly onLine?: (line: string) => void;
}

export interface CompositionKeys {
  readonly keys: string[];
  readonly project: DiscoveredProject;
  readonly flutter: ResolvedFlutter;
}

/** Returns the keys of the last `fluvie-keys:` line of `output`, or null when there is none. */
export function parseKeysLine(output: string): string[] | null {
  let keys: string[] | null = null;
  for (const line of output.split(/\r?\n/)) {
    const at = line.indexOf(KEYS_MARKER);
    if (at < 0) continue;
    keys = line
      .slice(at + KEYS_MARKER.length)
      .split(',')
      .map((key) => key.trim())
      .filter((key) => key !== '');
  }
  return keys;
}

/**
 * Runs the harness in list mode.
 * @throws FluvieError `file_not_found` / `unavailable` from discovery and resolution, and
 * `capture_failed` when the harness fails or prints no `fluvie-keys:` line.
 */
export async function listCompositionKeys(options: ListKeysOptions): Promise<CompositionKeys> {
  const project = await discoverProject({ projectDir: options.projectDir, env: options.env, cwd: options.cwd });
  const flutter = await resolveFlutter({ flutterPath: options.flutterPath, env: options.env, cwd: options.cwd, signal: options.signal });

  const lines: string[] = [];
  const exit = await runFlutterProcess({
    flutterPath: flutter.path,
    args: buildListArgs(path.relative(project.projectDir, project.harnessPath)),
    cwd: project.projectDir,
    env: options.env,
    signal: options.signal,
    timeoutMs: null,
    onLine: (line) => {
      lines.push(line);
      options.onLine?.(line);
    },
  });

  if (exit.kind === 'spawnFailed') throw new FluvieError('unavailable', `Could not start flutter at ${flutter.path} (${exit.message}). Check the --flutter path or FLUTTER_PATH.`);
  if (exit.kind === 'signaled' || exit.exitCode !== 0) {
    const how = exit.kind === 'signaled' ? `was killed by ${exit.signal}` : `exited with code ${exit.exitCode}`;
    throw new FluvieError('capture_failed', `Listing the composition keys failed: flutter test ${how}.\nCommand: ${exit.command}\nLast output:\n${exit.outputTail.trimEnd() || '(no output)'}`);
  }

  const keys = parseKeysLine(lines.join('\n'));
  if (keys === null) {
    throw new FluvieError('capture_failed', `The harness ${project.harnessPath} printed no "${KEYS_MARKER}" line when run with FLUVIE_RENDER_LIST=true, so it does not support listing keys. Replace it with the current harness: fluvie-render init --project ${project.projectDir} --force`);
  }
  return { keys, project, flutter };
}
