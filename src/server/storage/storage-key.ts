/**
 * Validation of storage keys such as `rnd_abc/video.mp4`. A key is one or more `/`-separated
 * segments of letters, digits, `_`, `-` and `.`, where no segment starts with a dot. That rules out
 * `..`, hidden folders such as `.jobs`, absolute paths, backslashes, percent-encoded text (`%2e%2e`)
 * and NUL bytes, so no key can name a path outside the storage root.
 */
import { FluvieError } from '../../core/errors.js';

const SEGMENT_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const MAX_KEY_LENGTH = 512;
/** Suffixes the local storage uses for its sidecar and temporary files. */
const RESERVED_SUFFIXES = ['.meta.json', '.tmp'];

/** Returns the reason `key` is not a valid storage key, or null when it is valid. */
export function storageKeyProblem(key: string): string | null {
  if (key === '') return 'is empty';
  if (key.length > MAX_KEY_LENGTH) return `is longer than ${MAX_KEY_LENGTH} characters`;
  if (key.includes('\u0000')) return 'contains a NUL byte';
  if (key.startsWith('/')) return 'is an absolute path';
  const segments = key.split('/');
  for (const segment of segments) {
    if (!SEGMENT_PATTERN.test(segment)) return `has the segment "${segment}" (use letters, digits, "_", "-" and ".", not starting with ".")`;
  }
  if (RESERVED_SUFFIXES.some((suffix) => key.endsWith(suffix))) return `ends with a reserved suffix (${RESERVED_SUFFIXES.join(', ')})`;
  return null;
}

/** Throws `invalid_request` when `key` is not a valid storage key. */
export function assertStorageKey(key: string): void {
  const problem = storageKeyProblem(key);
  if (problem !== null) throw new FluvieError('invalid_request', `Invalid storage key ${JSON.stringify(key)}: it ${problem}.`);
}
