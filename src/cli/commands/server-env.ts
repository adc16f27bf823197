/** Builds the environment of `serve` and `cleanup`: process env, optional `--env-file`, then flag overrides. */
import path from 'node:path';
import { mergeEnvFile, readEnvFile } from '../../config/env-file.js';
import type { CliContext } from '../context.js';

export async function resolveServerEnv(
  context: CliContext,
  envFile: string | undefined,
  overrides: Record<string, string | undefined>,
): Promise<Record<string, string | undefined>> {
  const base = envFile === undefined ? { ...context.env } : mergeEnvFile(context.env, await readEnvFile(path.resolve(context.cwd, envFile)));
  for (const [name, value] of Object.entries(overrides)) {
    if (value !== undefined) base[name] = value;
  }
  return base;
}
