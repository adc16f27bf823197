/**
 * Parses `manifest.json`, the harness's completion signal, and enforces the sandbox confinement
 * rules: file names are bare, and no ffmpeg argument may point outside the sandbox (absolute or
 * Windows paths, URL-like tokens, `..` segments). The manifest is untrusted input because a spec
 * or composition controls what the harness writes.
 */
import { z } from 'zod';
import { FluvieError } from '../../errors.js';

export const MANIFEST_FILE_NAME = 'manifest.json';
export const MANIFEST_SCHEMA_VERSION = 1;

const positiveInt = z.number().int().positive();

const manifestSchema = z.object({
  schemaVersion: z.number().int(),
  width: positiveInt,
  height: positiveInt,
  fps: positiveInt,
  frameCount: positiveInt,
  framesFileName: z.string().min(1),
  outputFileName: z.string().min(1),
  renderDigest: z.string(),
  ffmpegArgs: z.array(z.string()).min(1),
  posterArgs: z.array(z.string()).min(1).optional(),
  posterFileName: z.string().min(1).optional(),
});

export type RenderManifest = z.infer<typeof manifestSchema>;

/** Matches a protocol prefix such as `http:`, `file:` or `concat:`; two letters minimum, so `C:` is a drive. */
const URL_LIKE = /^[A-Za-z][A-Za-z0-9+.-]+:/;
const WINDOWS_DRIVE = /^[A-Za-z]:/;

/** Returns why `name` is not a bare file name, or null when it is one. */
export function checkBareFileName(name: string): string | null {
  if (name.includes('/') || name.includes('\\')) return 'contains a path separator';
  if (name.startsWith('-')) return 'starts with "-", so ffmpeg would read it as an option';
  if (name === '.' || name === '..') return 'is a folder reference';
  if (WINDOWS_DRIVE.test(name)) return 'is a Windows drive path';
  return null;
}

/** Returns why the ffmpeg argument `token` could reach outside the sandbox, or null when it cannot. */
export function checkArgumentToken(token: string): string | null {
  if (token.startsWith('/') || token.startsWith('\\')) return 'is an absolute path';
  if (WINDOWS_DRIVE.test(token)) return 'is a Windows drive path';
  if (URL_LIKE.test(token)) return 'looks like a URL or protocol';
  if (token.split(/[/\\]/).includes('..')) return 'contains a ".." path segment';
  return null;
}

function reject(detail: string): never {
  throw new FluvieError('capture_failed', `The harness wrote an unsafe or invalid manifest.json: ${detail}. Check the capture harness; fluvie-render runs ffmpeg only with arguments confined to the render sandbox.`);
}

function checkArgumentList(field: string, args: readonly string[]): void {
  args.forEach((token, index) => {
    const problem = checkArgumentToken(token);
    if (problem !== null) reject(`${field}[${index}] "${token}" ${problem}`);
  });
}

/** Parses and checks manifest text. Throws a `capture_failed` FluvieError naming the first bad field. */
export function parseManifest(text: string): RenderManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error: unknown) {
    throw new FluvieError('capture_failed', `The harness wrote a manifest.json that is not valid JSON (${(error as Error).message}). Check the capture harness.`, { cause: error });
  }

  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== MANIFEST_SCHEMA_VERSION) {
    reject(`schemaVersion is ${JSON.stringify(version)}, expected ${MANIFEST_SCHEMA_VERSION}; update fluvie-render or the harness so both speak the same protocol`);
  }

  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '(root)';
    reject(`field "${path}": ${issue?.message ?? 'invalid'}`);
  }
  const manifest = parsed.data;

  for (const field of ['framesFileName', 'outputFileName', 'posterFileName'] as const) {
    const name = manifest[field];
    if (name === undefined) continue;
    const problem = checkBareFileName(name);
    if (problem !== null) reject(`${field} "${name}" ${problem}`);
  }
  if ((manifest.posterArgs === undefined) !== (manifest.posterFileName === undefined)) {
    reject('posterArgs and posterFileName must be present together');
  }
  checkArgumentList('ffmpegArgs', manifest.ffmpegArgs);
  if (manifest.posterArgs !== undefined) checkArgumentList('posterArgs', manifest.posterArgs);
  return manifest;
}
