/**
 * Finds the ffmpeg binary to encode with, and probes its version and encoders before any frame is drawn.
 * Lookup order: `--ffmpeg`, env `FLUVIE_FFMPEG`, env `FFMPEG_PATH`, `ffmpeg` on PATH, then the binary of
 * the optional npm package `@ffmpeg-installer/ffmpeg`.
 */
import path from 'node:path';

import { execa } from 'execa';

import { FluvieError } from '../errors.js';
import { executableNames, findOnPath, isExecutable, pathCandidates } from './find-executable.js';
import { FFMPEG_INSTALL_HINT } from './required-encoders.js';
import { parseEncoders, parseVersion } from './parse-ffmpeg-info.js';

export { requireEncoders, requiredEncoders } from './required-encoders.js';

export type FfmpegSource = 'flag' | 'FLUVIE_FFMPEG' | 'FFMPEG_PATH' | 'PATH' | 'bundled';

export interface ResolvedFfmpeg {
  /** Absolute path of the ffmpeg executable. */
  readonly path: string;
  /** Version token from `ffmpeg -version`, such as `5.1.9-0+deb12u1`. */
  readonly version: string;
  /** Lookup step that found the binary. */
  readonly source: FfmpegSource;
  /** Encoder names listed by `ffmpeg -encoders` (`libx264`, `libvpx-vp9`, `gif`, `png`, ...). */
  readonly encoders: ReadonlySet<string>;
  /** ffprobe next to the ffmpeg binary, else on PATH, else null. */
  readonly ffprobePath: string | null;
}

/** One lookup step that did not give a usable binary. */
export interface FfmpegAttempt {
  readonly source: FfmpegSource;
  /** The path tried, or the folders searched for a PATH lookup. */
  readonly target: string;
  readonly problem: string;
}

/** Result of looking up the bundled binary: its path, or why there is none. */
export type BundledFfmpegLookup = { path: string } | { problem: string };

export interface ResolveFfmpegOptions {
  /** Value of `--ffmpeg`: a path, or a bare command name looked up on PATH. Null when the flag is absent. */
  flag: string | null;
  env: Readonly<Record<string, string | undefined>>;
  /** Looks up the bundled binary. Default: the optional package `@ffmpeg-installer/ffmpeg`. */
  lookupBundled?: () => Promise<BundledFfmpegLookup>;
  signal?: AbortSignal;
}

/** Result of probing one binary: its version and encoders, or why it is unusable. */
export type FfmpegProbe = { ok: true; version: string; encoders: Set<string> } | { ok: false; problem: string };

/** Time one `-version` or `-encoders` probe may take, in milliseconds. */
const PROBE_TIMEOUT_MS = 20_000;

const BUNDLED_PACKAGE = '@ffmpeg-installer/ffmpeg';

/**
 * Resolves and probes ffmpeg. An unusable `--ffmpeg` or `FLUVIE_FFMPEG` is fatal, because the user
 * chose it explicitly; the later steps fall through to the next one.
 *
 * @throws FluvieError `ffmpeg_missing` naming every path tried and how to install ffmpeg.
 */
export async function resolveFfmpeg(options: ResolveFfmpegOptions): Promise<ResolvedFfmpeg> {
  const { env, signal } = options;
  const lookupBundled = options.lookupBundled ?? lookupBundledPackage;

  if (options.flag !== null && options.flag !== '') {
    return resolveExplicit('flag', `--ffmpeg ${options.flag}`, options.flag, options);
  }
  const fluvieFfmpeg = env.FLUVIE_FFMPEG;
  if (fluvieFfmpeg !== undefined && fluvieFfmpeg !== '') {
    return resolveExplicit('FLUVIE_FFMPEG', `FLUVIE_FFMPEG=${fluvieFfmpeg}`, fluvieFfmpeg, options);
  }

  const attempts: FfmpegAttempt[] = [];

  const ffmpegPath = env.FFMPEG_PATH;
  if (ffmpegPath !== undefined && ffmpegPath !== '') {
    const found = await tryCommand('FFMPEG_PATH', ffmpegPath, env, attempts, signal);
    if (found !== null) return found;
  }

  const onPath = await findOnPath('ffmpeg', env.PATH);
  if (onPath === null) {
    const searched = pathCandidates('ffmpeg', env.PATH);
    attempts.push({ source: 'PATH', target: searched.join(', ') || '(PATH is empty)', problem: 'not found' });
  } else {
    const found = await tryPath('PATH', onPath, env, attempts, signal);
    if (found !== null) return found;
  }

  const bundled = await lookupBundled();
  if ('problem' in bundled) {
    attempts.push({ source: 'bundled', target: BUNDLED_PACKAGE, problem: bundled.problem });
  } else {
    const found = await tryPath('bundled', bundled.path, env, attempts, signal);
    if (found !== null) return found;
  }

  throw new FluvieError(
    'ffmpeg_missing',
    `No usable ffmpeg found. Tried: ${attempts.map(describeAttempt).join('; ')}. ${FFMPEG_INSTALL_HINT}`,
    { details: { attempts } },
  );
}

/**
 * Probes `binary` and returns its version and encoders, or why it is unusable. A broken binary gives
 * `ok: false`; only an abort through `signal` throws.
 */
export async function probeFfmpeg(binary: string, signal?: AbortSignal): Promise<FfmpegProbe> {
  if (!(await isExecutable(binary))) return { ok: false, problem: 'file not found or not executable' };

  const versionRun = await runProbe(binary, ['-version'], signal);
  if (!versionRun.ok) return versionRun;
  const version = parseVersion(versionRun.stdout);
  if (version === null) {
    const firstLine = versionRun.stdout.split('\n', 1)[0] ?? '';
    return { ok: false, problem: `\`-version\` printed ${JSON.stringify(firstLine)}, which is not an ffmpeg version line` };
  }

  const encodersRun = await runProbe(binary, ['-hide_banner', '-encoders'], signal);
  if (!encodersRun.ok) return encodersRun;

  return { ok: true, version, encoders: parseEncoders(encodersRun.stdout) };
}

async function resolveExplicit(
  source: 'flag' | 'FLUVIE_FFMPEG',
  label: string,
  value: string,
  options: ResolveFfmpegOptions,
): Promise<ResolvedFfmpeg> {
  const attempts: FfmpegAttempt[] = [];
  const found = await tryCommand(source, value, options.env, attempts, options.signal);
  if (found !== null) return found;

  const problem = attempts.map((attempt) => `${attempt.target}: ${attempt.problem}`).join('; ');
  const fix =
    source === 'flag'
      ? 'Pass the path of a working ffmpeg executable to --ffmpeg, or drop the flag to use FLUVIE_FFMPEG, FFMPEG_PATH or ffmpeg on PATH.'
      : 'Point FLUVIE_FFMPEG at a working ffmpeg executable, or unset it to use FFMPEG_PATH or ffmpeg on PATH.';
  throw new FluvieError('ffmpeg_missing', `${label} is not usable (${problem}). ${fix} ${FFMPEG_INSTALL_HINT}`, {
    details: { attempts },
  });
}

/** Tries a user-given value: a path, or a bare command name looked up on PATH. */
async function tryCommand(
  source: FfmpegSource,
  value: string,
  env: ResolveFfmpegOptions['env'],
  attempts: FfmpegAttempt[],
  signal: AbortSignal | undefined,
): Promise<ResolvedFfmpeg | null> {
  if (!isBareCommand(value)) return tryPath(source, path.resolve(value), env, attempts, signal);

  const onPath = await findOnPath(value, env.PATH);
  if (onPath === null) {
    attempts.push({ source, target: value, problem: 'not found on PATH' });
    return null;
  }
  return tryPath(source, onPath, env, attempts, signal);
}

async function tryPath(
  source: FfmpegSource,
  binary: string,
  env: ResolveFfmpegOptions['env'],
  attempts: FfmpegAttempt[],
  signal: AbortSignal | undefined,
): Promise<ResolvedFfmpeg | null> {
  const probe = await probeFfmpeg(binary, signal);
  if (!probe.ok) {
    attempts.push({ source, target: binary, problem: probe.problem });
    return null;
  }

  return {
    path: binary,
    version: probe.version,
    source,
    encoders: probe.encoders,
    ffprobePath: await findFfprobe(binary, env),
  };
}

async function findFfprobe(ffmpegPath: string, env: ResolveFfmpegOptions['env']): Promise<string | null> {
  for (const name of executableNames('ffprobe')) {
    const sibling = path.join(path.dirname(ffmpegPath), name);
    if (await isExecutable(sibling)) return sibling;
  }
  return findOnPath('ffprobe', env.PATH);
}

async function runProbe(
  binary: string,
  args: string[],
  signal: AbortSignal | undefined,
): Promise<{ ok: true; stdout: string } | { ok: false; problem: string }> {
  const result = await execa(binary, args, {
    reject: false,
    stdin: 'ignore',
    timeout: PROBE_TIMEOUT_MS,
    ...(signal === undefined ? {} : { cancelSignal: signal }),
  });

  if (result.isCanceled) throw new FluvieError('canceled', 'Render canceled', { cause: signal?.reason });
  if (result.failed) {
    const stderr = result.stderr.trim().split('\n').slice(-3).join(' | ');
    const reason = result.timedOut
      ? `timed out after ${PROBE_TIMEOUT_MS} ms`
      : (result.exitCode === undefined ? `killed by ${result.signal ?? 'an error'}` : `exit code ${result.exitCode}`);
    return { ok: false, problem: `\`${args.join(' ')}\` failed (${reason})${stderr === '' ? '' : `: ${stderr}`}` };
  }
  return { ok: true, stdout: result.stdout };
}

/** Finds the binary of the optional `@ffmpeg-installer/ffmpeg` package, a 2018 static build used as a last resort. */
async function lookupBundledPackage(): Promise<BundledFfmpegLookup> {
  // A variable specifier keeps TypeScript from requiring the optional package at build time.
  const specifier: string = BUNDLED_PACKAGE;
  try {
    const loaded: unknown = await import(specifier);
    const exported = (loaded as { default?: { path?: unknown } }).default;
    if (typeof exported?.path === 'string') return { path: exported.path };
    return { problem: 'the package exports no binary path' };
  } catch (error: unknown) {
    // The package throws a plain string for an unsupported platform.
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: `package not usable: ${reason.split('\n', 1)[0] ?? reason}` };
  }
}

function isBareCommand(value: string): boolean {
  return !value.includes('/') && !value.includes(path.sep);
}

function describeAttempt(attempt: FfmpegAttempt): string {
  switch (attempt.source) {
    case 'PATH':
      return `ffmpeg on PATH (${attempt.target}): ${attempt.problem}`;
    case 'bundled':
      return `bundled ${attempt.target}: ${attempt.problem}`;
    default:
      return `${attempt.source}=${attempt.target}: ${attempt.problem}`;
  }
}
