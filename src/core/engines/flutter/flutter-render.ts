/**
 * The flutter engine's render: run the project's capture harness under `flutter test` in a fresh
 * sandbox, then encode with the ffmpeg arguments of its manifest and move the outputs to `out`.
 * When the frame size and rate are known before capture (spec renders), encoding starts while the
 * harness is still writing frames.
 */
import path from 'node:path';
import { throwIfAborted } from '../../errors.js';
import { posterPathFor } from '../../pipeline/output-paths.js';
import type { RenderDeps, RenderRequest, RenderResult } from '../../pipeline/render-request.js';
import { captureToSandbox, type FlutterRenderOptions } from './capture-run.js';
import { prepareCaptureSource } from './capture-source.js';
import { buildHarnessFfmpegArgs } from './harness-ffmpeg-args.js';
import type { RenderManifest } from './manifest.js';
import { encodeFromManifest, encodePosterFromManifest } from './manifest-encode.js';
import { moveFile, moveFrameSequence, moveSingleOutput } from './move-outputs.js';
import { discoverProject } from './project-discovery.js';
import { resolveFlutter } from './resolve-flutter.js';
import { createSandbox, removeSandbox } from './sandbox.js';
import { predictStreamCanvas, predictTotalFrames, type StreamCanvas } from './stream-plan.js';
import { matchesPrediction, startStreamEncode, type StreamEncode } from './stream-encode.js';

const FRAMES_FILE_NAME = 'frames.rgba';

export type { FlutterRenderOptions } from './capture-run.js';

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
    const manifest = await captureToSandbox(request, deps, options, {
      projectDir: project.projectDir,
      harnessPath: project.harnessPath,
      flutterPath: flutter.path,
      sandbox,
      source,
      // Clip decoding inside the harness runs the same ffmpeg as the encode.
      ffmpegDir: path.dirname(deps.ffmpeg.path),
    });

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
