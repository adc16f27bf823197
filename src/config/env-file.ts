/**
 * Reads a dotenv-style file for `serve --env-file` and merges it under the process environment:
 * a variable already set in the environment wins, as with Node's own `--env-file`.
 */
import { readFile } from 'node:fs/promises';
import { parseEnv } from 'node:util';
import { FluvieError } from '../core/errors.js';

export async function readEnvFile(path: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error: unknown) {
    throw new FluvieError('config_invalid', `Cannot read the env file "${path}": ${error instanceof Error ? error.message : String(error)}. Check the --env-file path.`, { cause: error });
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** Returns `base` with the file's variables added where `base` has no non-blank value. */
export function mergeEnvFile(
  base: Readonly<Record<string, string | undefined>>,
  fileValues: Readonly<Record<string, string>>,
): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = { ...fileValues };
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && value.trim() !== '') merged[name] = value;
  }
  return merged;
}
