/**
 * Finds the `flutter` executable (`--flutter`, env `FLUTTER_PATH`, then PATH) and probes
 * `flutter --version --machine` once per binary for the SDK version.
 */
import path from 'node:path';
import { execa } from 'execa';
import { z } from 'zod';
import { findOnPath, isExecutable } from '../../encode/find-executable.js';
import { FluvieError } from '../../errors.js';

export interface ResolveFlutterOptions {
  /** Explicit binary (`--flutter`), or null. */
  readonly flutterPath: string | null;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves a relative `--flutter` path; default the process's working folder. */
  readonly cwd?: string;
  readonly signal?: AbortSignal;
}

export interface ResolvedFlutter {
  /** Absolute path of the executable. */
  readonly path: string;
  /** Flutter framework version from the probe, such as `3.44.0`. */
  readonly version: string;
  readonly dartVersion: string | null;
  readonly source: 'flag' | 'env' | 'path';
}

const INSTALL_HINT = 'Install the Flutter SDK (https://docs.flutter.dev/get-started/install) and put its bin folder on PATH, or pass --flutter <path> (or set FLUTTER_PATH).';

const versionSchema = z.object({
  frameworkVersion: z.string(),
  dartSdkVersion: z.string().optional(),
});

const probeCache = new Map<string, Promise<{ version: string; dartVersion: string | null }>>();

/** Parses `flutter --version --machine` output; the JSON object may follow banner lines. */
export function parseVersionMachine(output: string): { version: string; dartVersion: string | null } | null {
  const start = output.indexOf('{');
  const end = output.lastIndexOf('}');
  if (start < 0 || end < start) return null;
  try {
    const parsed = versionSchema.safeParse(JSON.parse(output.slice(start, end + 1)));
    if (!parsed.success) return null;
    return { version: parsed.data.frameworkVersion, dartVersion: parsed.data.dartSdkVersion ?? null };
  } catch {
    return null;
  }
}

async function probe(binary: string, env: Readonly<Record<string, string | undefined>>, signal?: AbortSignal): Promise<{ version: string; dartVersion: string | null }> {
  const result = await execa(binary, ['--version', '--machine'], {
    env: { ...env },
    extendEnv: false,
    reject: false,
    timeout: 120_000,
    ...(signal ? { cancelSignal: signal } : {}),
  });
  const parsed = parseVersionMachine(String(result.stdout));
  if (result.exitCode !== 0 || parsed === null) {
    const tail = `${String(result.stdout)}\n${String(result.stderr)}`.trim().slice(-1000);
    throw new FluvieError('unavailable', `\`${binary} --version --machine\` failed (exit ${String(result.exitCode ?? result.signal)}): ${tail || 'no output'}. ${INSTALL_HINT}`);
  }
  return parsed;
}

/** Resolves and probes the flutter binary. Throws `unavailable` with the install hint when none works. */
export async function resolveFlutter(options: ResolveFlutterOptions): Promise<ResolvedFlutter> {
  const cwd = options.cwd ?? process.cwd();
  const fromEnv = options.env.FLUTTER_PATH?.trim();

  let source: ResolvedFlutter['source'];
  let binary: string | null;
  if (options.flutterPath !== null) {
    source = 'flag';
    binary = path.resolve(cwd, options.flutterPath);
  } else if (fromEnv) {
    source = 'env';
    binary = path.resolve(cwd, fromEnv);
  } else {
    source = 'path';
    binary = await findOnPath('flutter', options.env.PATH);
  }

  if (binary === null) throw new FluvieError('unavailable', `flutter was not found on PATH. ${INSTALL_HINT}`);
  if (!(await isExecutable(binary))) {
    const origin = source === 'flag' ? '--flutter' : 'FLUTTER_PATH';
    throw new FluvieError('unavailable', `flutter at ${binary} (from ${origin}) does not exist or is not executable. ${INSTALL_HINT}`);
  }

  let pending = probeCache.get(binary);
  if (pending === undefined) {
    pending = probe(binary, options.env, options.signal);
    probeCache.set(binary, pending);
    // A failed probe is not cached, so a fixed installation works without a restart.
    pending.catch(() => probeCache.delete(binary));
  }
  const { version, dartVersion } = await pending;
  return { path: binary, version, dartVersion, source };
}
