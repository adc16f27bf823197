/**
 * Names of the environment variables the server configuration reads: the list the config module
 * exports, and, as a cross-check, the names `loadServerConfig` actually reads from the env record.
 * The reads are recorded over environments with the defaults, the s3 backend and a disabled API, so
 * conditional reads count too.
 */
import { readFile } from 'node:fs/promises';
import { loadServerConfig, serverEnvVariableNames } from '../../src/config/server-config.js';

type Env = Record<string, string | undefined>;

const SCENARIOS: readonly Env[] = [
  { API_TOKEN: 'token', CLEANUP_TOKEN: 'token' },
  { API_TOKEN: 'token', CLEANUP_TOKEN: 'token', STORAGE_BACKEND: 's3', S3_ENDPOINT: 'minio:9000', S3_BUCKET: 'renders', S3_ACCESS_KEY: 'key', S3_SECRET_KEY: 'secret' },
  { FLUVIE_ENABLE_API: 'false' },
  {},
];

/** Returns the sorted names the config module declares. */
export function serverEnvNames(): string[] {
  return [...serverEnvVariableNames()].sort();
}

/** Returns the sorted names of every variable `loadServerConfig` reads in the scenarios above. */
export function recordedServerEnvReads(): string[] {
  const names = new Set<string>();
  for (const scenario of SCENARIOS) {
    const recording = new Proxy(scenario, {
      get(target, key) {
        if (typeof key === 'string') names.add(key);
        return typeof key === 'string' ? target[key] : undefined;
      },
    });
    try {
      loadServerConfig(recording, { cpuCount: 2 });
    } catch {
      // Scenarios without tokens fail validation after every variable was read; only the reads matter.
    }
  }
  return [...names].filter((name) => /^[A-Z][A-Z0-9_]*$/.test(name)).sort();
}

/** Parses `NAME=value` lines of an env file (comments and blank lines skipped) into a map. */
export async function readEnvFile(file: string): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined) entries.set(match[1], match[2] ?? '');
  }
  return entries;
}
