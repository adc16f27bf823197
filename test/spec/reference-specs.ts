/** The real VideoSpec documents kept beside the repository, read in place (never copied). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const REFERENCE_SPEC_DIR = path.resolve(repoRoot, '../shared/reference/specs');

export const REFERENCE_SPEC_FILES = readdirSync(REFERENCE_SPEC_DIR)
  .filter((name) => name.endsWith('.fluvie.json'))
  .sort();

export function readReferenceSpec(name: string): unknown {
  return JSON.parse(readFileSync(path.join(REFERENCE_SPEC_DIR, name), 'utf8')) as unknown;
}
