/** The individual doctor checks. Each one catches its own failure and reports it as a status. */
import { loadServerConfig } from '../../config/server-config.js';
import { detectCpuCount } from '../../config/cpu-count.js';
import { FFMPEG_INSTALL_HINT, FORMAT_ENCODER } from '../../core/encode/required-encoders.js';
import { resolveFfmpeg } from '../../core/encode/resolve-ffmpeg.js';
import { discoverProject } from '../../core/engines/flutter/project-discovery.js';
import { resolveFlutter } from '../../core/engines/flutter/resolve-flutter.js';
import { isFluvieError } from '../../core/errors.js';
import type { DoctorCheck } from './doctor-report.js';

/** Oldest Node major version fluvie-render supports (package.json `engines`). */
export const MIN_NODE_MAJOR = 20;

export interface DoctorInputs {
  readonly ffmpegPath: string | null;
  readonly flutterPath: string | null;
  readonly projectDir: string | null;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly signal: AbortSignal;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function checkNode(version: string = process.version): DoctorCheck {
  const major = Number(/^v(\d+)/.exec(version)?.[1] ?? 0);
  if (major >= MIN_NODE_MAJOR) return { name: 'Node', status: 'ok', summary: version, details: [] };
  return { name: 'Node', status: 'fail', summary: `${version} is too old`, details: [`Install Node ${MIN_NODE_MAJOR} or newer.`] };
}

export async function checkFfmpeg(inputs: DoctorInputs): Promise<DoctorCheck> {
  try {
    const ffmpeg = await resolveFfmpeg({ flag: inputs.ffmpegPath, env: inputs.env, signal: inputs.signal });
    const formats = Object.entries(FORMAT_ENCODER).map(([format, encoder]) => `${format} (${encoder}): ${ffmpeg.encoders.has(encoder) ? 'yes' : 'MISSING'}`);
    const details = [`found through ${ffmpeg.source}`, ...formats, `ffprobe: ${ffmpeg.ffprobePath ?? 'not found'}`];
    // mp4 is the default format, so an ffmpeg without libx264 cannot run a default render.
    if (!ffmpeg.encoders.has(FORMAT_ENCODER.mp4)) {
      return { name: 'ffmpeg', status: 'fail', summary: `${ffmpeg.path} ${ffmpeg.version} lacks libx264`, details: [...details, FFMPEG_INSTALL_HINT] };
    }
    const anyMissing = Object.values(FORMAT_ENCODER).some((encoder) => !ffmpeg.encoders.has(encoder));
    if (ffmpeg.source === 'bundled') {
      // The optional @ffmpeg-installer package ships an old static build and no ffprobe.
      const warning = `the bundled ffmpeg is an old static build used as a last resort${ffmpeg.ffprobePath === null ? ', and ffprobe is missing, so outputs are checked by decoding their first frame only' : ''}`;
      return { name: 'ffmpeg', status: 'warn', summary: `${ffmpeg.version} at ${ffmpeg.path} (bundled)`, details: [...details, warning, FFMPEG_INSTALL_HINT] };
    }
    return { name: 'ffmpeg', status: anyMissing ? 'warn' : 'ok', summary: `${ffmpeg.version} at ${ffmpeg.path}`, details };
  } catch (error: unknown) {
    return { name: 'ffmpeg', status: 'fail', summary: 'not usable', details: [messageOf(error)] };
  }
}

/** Checks Flutter; its absence is a warning because only composition keys and `--engine flutter` need it. */
export async function checkFlutter(inputs: DoctorInputs): Promise<DoctorCheck> {
  try {
    const flutter = await resolveFlutter({ flutterPath: inputs.flutterPath, env: inputs.env, cwd: inputs.cwd, signal: inputs.signal });
    const dart = flutter.dartVersion === null ? '' : `, Dart ${flutter.dartVersion}`;
    return { name: 'Flutter', status: 'ok', summary: `${flutter.version}${dart} at ${flutter.path}`, details: [`found through ${flutter.source}`] };
  } catch (error: unknown) {
    const status = inputs.flutterPath !== null ? 'fail' : 'warn';
    return { name: 'Flutter', status, summary: 'not available (needed for composition keys and --engine flutter only)', details: [messageOf(error)] };
  }
}

export async function checkProject(inputs: DoctorInputs): Promise<DoctorCheck> {
  try {
    const project = await discoverProject({ projectDir: inputs.projectDir, env: inputs.env, cwd: inputs.cwd });
    return { name: 'Harness', status: 'ok', summary: project.harnessPath, details: [`project ${project.projectDir} (from ${project.source})`] };
  } catch (error: unknown) {
    const status = inputs.projectDir !== null ? 'fail' : 'warn';
    return { name: 'Harness', status, summary: 'no Flutter project with a capture harness (needed for composition keys only)', details: [messageOf(error)] };
  }
}

/** Checks the bundled fonts, which are required because the native engine draws text only with them. */
export async function checkFonts(): Promise<DoctorCheck> {
  try {
    const { registerBundledFonts, DEFAULT_FONT_FAMILY, MONO_FONT_FAMILY } = await import('../../core/engines/native/fonts.js');
    const fonts = registerBundledFonts();
    const families = [DEFAULT_FONT_FAMILY, MONO_FONT_FAMILY].filter((family) => fonts.resolveFamily(family) !== null);
    return { name: 'Fonts', status: 'ok', summary: `bundled: ${families.join(', ')}`, details: [] };
  } catch (error: unknown) {
    return { name: 'Fonts', status: 'fail', summary: 'the bundled fonts could not be loaded', details: [messageOf(error), 'Reinstall fluvie-render so its font packages are present.'] };
  }
}

/** Checks the `fluvie-render serve` settings; a problem is a warning because it affects the server only. */
export function checkServeSettings(env: Readonly<Record<string, string | undefined>>): DoctorCheck {
  try {
    const config = loadServerConfig(env, { cpuCount: detectCpuCount() });
    const storage = config.storageBackend === 's3' && config.s3 !== null ? `s3 bucket ${config.s3.bucket} at ${config.s3.endpoint}` : `local ${config.localStorageDir}`;
    return {
      name: 'Serve',
      status: 'ok',
      summary: `storage ${storage}; ${config.renderConcurrency} concurrent render(s)`,
      details: [`render timeout ${config.renderTimeoutMs} ms, cleanup every ${config.cleanupIntervalMs} ms, file TTL ${config.fileTtlMs} ms`],
    };
  } catch (error: unknown) {
    const details = isFluvieError(error) && Array.isArray(error.details) ? error.details.map((problem: { variable?: string; message?: string }) => `${problem.variable ?? ''}: ${problem.message ?? ''}`) : [messageOf(error)];
    return { name: 'Serve', status: 'warn', summary: 'server settings incomplete (only `serve` needs them)', details };
  }
}
