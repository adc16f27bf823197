/**
 * One capture run: `flutter test` on the harness with the protocol's defines, the progress file
 * polled into events, and the manifest read and checked once the harness exits 0.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FluvieError } from '../../errors.js';
import type { RenderDeps, RenderRequest } from '../../pipeline/render-request.js';
import { runFlutterProcess } from './capture-process.js';
import { captureExitError, findUnknownKey, missingManifestError, UNKNOWN_KEY_MARKER } from './capture-errors.js';
import { buildCaptureArgs } from './dart-defines.js';
import { MANIFEST_FILE_NAME, parseManifest, type RenderManifest } from './manifest.js';
import { startProgressPoller } from './progress-poller.js';

/** File name the harness rewrites with `<completed>/<total>`, inside the sandbox. */
const PROGRESS_FILE_NAME = 'progress';

export interface CaptureRunContext {
  readonly projectDir: string;
  readonly harnessPath: string;
  readonly flutterPath: string;
  readonly sandbox: string;
  readonly source: { readonly key: string; readonly specPath: string | null };
  /** Folder of the ffmpeg binary, put first on the harness's PATH, or null to leave PATH alone. */
  readonly ffmpegDir: string | null;
}

/** The render settings a capture passes to the harness as defines. */
export type CaptureRunRequest = Pick<RenderRequest, 'maxFrames' | 'aspect' | 'quality' | 'format' | 'posterTime'>;

/** Flutter-only settings that the render request does not carry. All optional. */
export interface FlutterRenderOptions {
  /** Pass `--enable-impeller` to `flutter test`. Default false. */
  enableImpeller?: boolean;
  /** Define `FLUVIE_RENDER_NO_CACHE=true` (disable the harness frame cache). Default false. */
  noCache?: boolean;
  /** Define `FLUVIE_BLOCK_FILE_SOURCES=true`, as the server does for untrusted specs. Default false. */
  blockFileSources?: boolean;
  /** Stop the capture after this many milliseconds; default null (no limit). */
  captureTimeoutMs?: number | null;
  /** Overlap encoding with capture when the canvas can be predicted. Default true. */
  overlapEncode?: boolean;
}

/**
 * Runs the harness into `context.sandbox` and returns its checked manifest. Emits `progress` from
 * the progress file and each output line as a debug `log` event.
 * @throws FluvieError `not_found` (unknown key), `capture_failed`, `unavailable`, `timeout`, `canceled`.
 */
export async function captureToSandbox(request: CaptureRunRequest, deps: Pick<RenderDeps, 'env' | 'signal' | 'emit'>, options: FlutterRenderOptions, context: CaptureRunContext): Promise<RenderManifest> {
  const extraDefines: [string, string][] = [];
  if (context.source.specPath !== null) extraDefines.push(['FLUVIE_RENDER_SPEC', context.source.specPath]);
  if (options.blockFileSources === true) extraDefines.push(['FLUVIE_BLOCK_FILE_SOURCES', 'true']);

  const args = buildCaptureArgs({
    harnessPath: path.relative(context.projectDir, context.harnessPath),
    key: context.source.key,
    outDir: context.sandbox,
    frames: request.maxFrames,
    noCache: options.noCache === true,
    aspect: request.aspect,
    // NOTE: the request carries resolved values, so quality and format are always defined, while the
    // Dart CLI omits them when no flag was given. A spec's own `export` settings lose to them here.
    quality: request.quality,
    format: request.format,
    poster: request.posterTime,
    enableImpeller: options.enableImpeller === true,
    extraDefines,
  });

  const progressFile = path.join(context.sandbox, PROGRESS_FILE_NAME);
  const searchPath = [context.ffmpegDir, deps.env.PATH].filter((part): part is string => typeof part === 'string' && part !== '').join(path.delimiter);
  let lastTotal = 0;
  let lastCompleted = 0;
  let unknownKey: string | null = null;
  const poller = startProgressPoller(progressFile, ({ completed, total }) => {
    lastCompleted = completed;
    lastTotal = total;
    deps.emit({ type: 'progress', stage: 'capture', completed, total });
  });

  let exit;
  try {
    exit = await runFlutterProcess({
      flutterPath: context.flutterPath,
      args,
      cwd: context.projectDir,
      env: { ...deps.env, PATH: searchPath, FLUVIE_PROGRESS_FILE: progressFile },
      signal: deps.signal,
      timeoutMs: options.captureTimeoutMs ?? null,
      onLine: (line) => {
        if (line.includes(UNKNOWN_KEY_MARKER)) unknownKey = findUnknownKey(line);
        deps.emit({ type: 'log', level: 'debug', message: `flutter: ${line}` });
      },
    });
  } finally {
    await poller.stop();
  }

  const failure = captureExitError(exit, unknownKey, context.source.key);
  if (failure !== null) throw failure;

  const manifest = await readManifest(context.sandbox, exit);
  if (lastCompleted < manifest.frameCount || lastTotal !== manifest.frameCount) {
    deps.emit({ type: 'progress', stage: 'capture', completed: manifest.frameCount, total: manifest.frameCount });
  }
  return manifest;
}

async function readManifest(sandbox: string, exit: Parameters<typeof missingManifestError>[0]): Promise<RenderManifest> {
  let text: string;
  try {
    text = await readFile(path.join(sandbox, MANIFEST_FILE_NAME), 'utf8');
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw missingManifestError(exit);
    throw new FluvieError('capture_failed', `Cannot read ${MANIFEST_FILE_NAME} in ${sandbox}: ${String(error)}`, { cause: error });
  }
  return parseManifest(text);
}
