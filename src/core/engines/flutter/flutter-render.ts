/**
 * The flutter engine's render: run the project's capture harness under `flutter test` in a fresh
 * sandbox, then encode with the ffmpeg arguments of its manifest and move the outputs to `out`.
 * When the frame size and rate are known before capture (spec renders), encoding starts while the
 * harness is still writing frames.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FluvieError, throwIfAborted } from '../../errors.js';
import { posterPathFor } from '../../pipeline/output-paths.js';
import type { RenderDeps, RenderRequest, RenderResult } from '../../pipeline/render-request.js';
import { runFlutterProcess } from './capture-process.js';
import { captureExitError, findUnknownKey, missingManifestError, UNKNOWN_KEY_MARKER } from './capture-errors.js';
import { prepareCaptureSource } from './capture-source.js';
import { buildCaptureArgs } from './dart-defines.js';
import { buildHarnessFfmpegArgs } from './harness-ffmpeg-args.js';
import { MANIFEST_FILE_NAME, parseManifest, type RenderManifest } from './manifest.js';
import { encodeFromManifest, encodePosterFromManifest } from './manifest-encode.js';
import { moveFile, moveFrameSequence, moveSingleOutput } from './move-outputs.js';
import { startProgressPoller } from './progress-poller.js';
import { discoverProject } from './project-discovery.js';
import { resolveFlutter } from './resolve-flutter.js';
import { createSandbox, removeSandbox } from './sandbox.js';
import { predictStreamCanvas, predictTotalFrames, type StreamCanvas } from './stream-plan.js';
import { matchesPrediction, startStreamEncode, type StreamEncode } from './stream-encode.js';

/** File name the harness rewrites with `<completed>/<total>`, inside the sandbox. */
const PROGRESS_FILE_NAME = 'progress';
const FRAMES_FILE_NAME = 'frames.rgba';

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

/** The resolved ffmpeg binary; `ResolvedFfmpeg` of the encode module fits. */
export interface FlutterFfmpeg {
  readonly path: string;
}

/**
 * Renders `request` with the project's Flutter capture harness.
 *
 * Events: `start` (width, height, fps and totalFrames are 0 when they are only known after
 * capture, as for composition keys), `stage`, `progress` from the harness progress file, `log` (flutter output at
 * level debug), `warning` (a kept sandbox) and `done`.
 *
 * @throws FluvieError `file_not_found` (no project or harness), `unavailable` (no flutter),
 * `not_found` (unknown composition key), `capture_failed`, `ffmpeg_failed`, `output_failed`,
 * `timeout` and `canceled`. The sandbox is removed on every path unless `request.keepTemp`.
 */
export async function runFlutterRender(request: RenderRequest, deps: RenderDeps & { ffmpeg: FlutterFfmpeg }, options: FlutterRenderOptions = {}): Promise<RenderResult> {
  throwIfAborted(deps.signal);
  const project = await discoverProject({ projectDir: request.projectDir, env: deps.env, cwd: deps.cwd });
  const flutter = await resolveFlutter({ flutterPath: request.flutterPath, env: deps.env, cwd: deps.cwd, signal: deps.signal });
  deps.emit({ type: 'log', level: 'info', message: `Flutter ${flutter.version} at ${flutter.path} (from ${flutter.source}); project ${project.projectDir} (from ${project.source})` });

  const out = path.resolve(deps.cwd, request.out);
  const sandbox = await createSandbox();
  let stream: StreamEncode | null = null;
  try {
    const source = await prepareCaptureSource(request.source, deps.cwd, sandbox);
    const canvas = source.spec === null ? null : predictStreamCanvas(source.spec, request.aspect);
    deps.emit({
      type: 'start',
      engine: 'flutter',
      width: canvas?.width ?? 0,
      height: canvas?.height ?? 0,
      fps: canvas?.fps ?? 0,
      totalFrames: (source.spec === null ? null : predictTotalFrames(source.spec, request.maxFrames)) ?? request.maxFrames ?? 0,
      format: request.format,
      output: out,
    });

    if (canvas !== null && options.overlapEncode !== false) {
      stream = await startStreamEncode({
        ffmpegPath: deps.ffmpeg.path,
        sandbox,
        predictedArgs: predictArgs(canvas, request),
        framesFileName: FRAMES_FILE_NAME,
        signal: deps.signal,
        onStderrLine: (line) => deps.emit({ type: 'log', level: 'debug', message: `ffmpeg: ${line}` }),
      });
    }

    deps.emit({ type: 'stage', stage: 'capture' });
    const manifest = await capture(request, deps, options, { projectDir: project.projectDir, harnessPath: project.harnessPath, flutterPath: flutter.path, sandbox, source });

    deps.emit({ type: 'stage', stage: 'encode' });
    const outputDir = await encode(manifest, sandbox, stream, deps);
    stream = null;

    if (manifest.posterArgs !== undefined) deps.emit({ type: 'stage', stage: 'poster' });
    const posterInSandbox = await encodePosterFromManifest({ ffmpegPath: deps.ffmpeg.path, sandbox, manifest, signal: deps.signal });

    deps.emit({ type: 'stage', stage: 'finalize' });
    const moved = request.format === 'imageSequence' ? await moveFrameSequence(outputDir, out) : await moveSingleOutput(outputDir, manifest.outputFileName, out);
    let poster: string | null = null;
    if (posterInSandbox !== null) {
      poster = posterPathFor(out);
      await moveFile(posterInSandbox, poster);
    }

    const result: RenderResult = { output: moved.output, bytes: moved.bytes, frames: manifest.frameCount, durationSeconds: manifest.frameCount / manifest.fps, poster, engine: 'flutter' };
    deps.emit({ type: 'done', output: result.output, bytes: result.bytes, frames: result.frames, durationSeconds: result.durationSeconds, ...(poster === null ? {} : { poster }) });
    return result;
  } finally {
    if (stream !== null) await stream.cancel();
    if (request.keepTemp) {
      deps.emit({ type: 'warning', code: 'kept_temp', message: `Keeping render sandbox at ${sandbox}` });
    } else {
      await removeSandbox(sandbox);
    }
  }
}

function predictArgs(canvas: StreamCanvas, request: RenderRequest): string[] {
  return buildHarnessFfmpegArgs({ ...canvas, format: request.format, quality: request.quality, framesFileName: FRAMES_FILE_NAME });
}

interface CaptureContext {
  readonly projectDir: string;
  readonly harnessPath: string;
  readonly flutterPath: string;
  readonly sandbox: string;
  readonly source: { readonly key: string; readonly specPath: string | null };
}

/** Runs the harness and returns its checked manifest. */
async function capture(request: RenderRequest, deps: RenderDeps & { ffmpeg: FlutterFfmpeg }, options: FlutterRenderOptions, context: CaptureContext): Promise<RenderManifest> {
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
    quality: request.quality,
    format: request.format,
    poster: request.posterTime,
    enableImpeller: options.enableImpeller === true,
    extraDefines,
  });

  const progressFile = path.join(context.sandbox, PROGRESS_FILE_NAME);
  // Clip decoding inside the harness runs the same ffmpeg as the encode.
  const searchPath = [path.dirname(deps.ffmpeg.path), deps.env.PATH].filter((part) => part !== undefined && part !== '').join(path.delimiter);
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

/** Finishes the overlapped encode when the manifest matches it, else encodes from the frames file. Returns the folder holding the output. */
async function encode(manifest: RenderManifest, sandbox: string, stream: StreamEncode | null, deps: RenderDeps & { ffmpeg: FlutterFfmpeg }): Promise<string> {
  const onStderrLine = (line: string): void => deps.emit({ type: 'log', level: 'debug', message: `ffmpeg: ${line}` });
  if (stream !== null) {
    if (manifest.framesFileName === FRAMES_FILE_NAME && matchesPrediction(manifest.ffmpegArgs, stream.predictedArgs)) {
      await stream.complete();
      return stream.dir;
    }
    deps.emit({ type: 'log', level: 'info', message: 'The manifest ffmpeg arguments differ from the predicted ones (audio or export settings); encoding again from the frames file.' });
    await stream.cancel();
  }

  await encodeFromManifest({ ffmpegPath: deps.ffmpeg.path, sandbox, manifest, signal: deps.signal, onStderrLine });
  return sandbox;
}
