/** Runs `fluvie-render list`. */
import { listCompositionKeys } from '../../core/engines/flutter/list-keys.js';
import type { CliContext } from '../context.js';
import type { ListFlags } from './list.js';

export async function runListCommand(flags: ListFlags, context: CliContext): Promise<void> {
  const verbose = flags.verbose === true;
  const result = await listCompositionKeys({
    projectDir: flags.project ?? null,
    flutterPath: flags.flutter ?? null,
    env: context.env,
    cwd: context.cwd,
    signal: context.signal,
    ...(verbose ? { onLine: (line: string) => context.stderr.write(`flutter: ${line}\n`) } : {}),
  });
  if (verbose) context.stderr.write(`Flutter ${result.flutter.version} at ${result.flutter.path}; harness ${result.project.harnessPath}\n`);

  if (flags.json === true) {
    context.stdout.write(`${JSON.stringify({ project: result.project.projectDir, harness: result.project.harnessPath, keys: result.keys })}\n`);
    return;
  }
  if (result.keys.length === 0) {
    context.stderr.write(`The harness ${result.project.harnessPath} registers no composition keys.\n`);
    return;
  }
  for (const key of result.keys) context.stdout.write(`${key}\n`);
}
