/**
 * The native path of runRender: a VideoSpec drawn with the Skia engine, frames piped into ffmpeg.
 */
import { rm } from 'node:fs/promises';
import { FluvieError, throwIfAborted } from '../errors.js';
import { encodeFrames, writePosterPng } from '../encode/encode-frames.js';
import { requireEncoders, resolveFfmpeg } from '../encode/resolve-ffmpeg.js';
import { createNativeEngine } from '../engines/native/native-engine.js';
import { findUnsupportedFeatures } from '../engines/native/unsupported.js';
import type { VideoSpec } from '../../spec/index.js';
import { posterPastEndWarning } from './poster-warning.js';
import type { RenderDeps, RenderRequest, RenderResult } from './render-request.js';
import { planRender } from './plan.js';
import { planWithAudio } from './plan-with-audio.js';
import { loadRenderSpec } from './load-render-spec.js';
import { posterPathFor } from './output-paths.js';
import { buildRenderAudio } from './render-audio.js';
import { assertMediaFilesExist } from './check-media-files.js';
import { fetchNetworkMedia } from './network-media.js';
import { materializeBundleSources } from './bundle-media.js';

const DEFAULT_GIF_FPS = 15;

export async function renderSpecNative(request: RenderRequest, deps: RenderDeps): Promise<RenderResult> {
  const loaded = await loadRenderSpec(request, deps);
  // Without --allow-network the spec keeps its network sources, and the unsupported check names them.
  const fetched = request.allowNetwork === true ? await fetchNetworkMedia(loaded.spec, { signal: deps.signal }) : { spec: loaded.spec, folder: null };
  if (fetched.folder !== null) deps.emit({ type: 'log', level: 'info', message: `network media downloaded to ${fetched.folder}` });
  try {
    // Bundle sources name files of the unpacked bundle, which is the spec's folder.
    return await renderLoadedSpec(request, deps, materializeBundleSources(fetched.spec, loaded.baseDir), loaded.baseDir);
  } finally {
    if (fetched.folder !== null) await rm(fetched.folder, { recursive: true, force: true });
  }
}

async function renderLoadedSpec(request: RenderRequest, deps: RenderDeps, spec: VideoSpec, baseDir: string): Promise<RenderResult> {
  // The spec's own `poster` applies unless the request names another time.
  const posterTime = request.posterTime ?? spec.poster ?? null;
  const planOptions = { aspect: request.aspect, maxFrames: request.maxFrames, posterTime };
  const draftPlan = planRender(spec, planOptions);
  await assertMediaFilesExist(spec, baseDir);
  reportUnsupported(spec, request, deps);

  // ffmpeg is checked before the first frame is drawn, so a missing encoder costs nothing.
  const ffmpeg = await resolveFfmpeg({ flag: request.ffmpegPath, env: deps.env });
  const plan = await planWithAudio(spec, draftPlan, planOptions, { baseDir, ffmpeg, signal: deps.signal });
  const posterWarning = posterPastEndWarning(posterTime, plan);
  if (posterWarning !== null) deps.emit(posterWarning);
  const audio = await buildRenderAudio({ spec, plan, baseDir, format: request.format, ffmpeg, signal: deps.signal });
  requireEncoders(ffmpeg, request.format, { audio: audio !== null });
  deps.emit({ type: 'log', level: 'info', message: `ffmpeg: ${ffmpeg.path} (${ffmpeg.version}, from ${ffmpeg.source})` });
  throwIfAborted(deps.signal);

  const engine = createNativeEngine();
  const stream = await engine.capture(
    { spec, plan, baseDir, allowUnsupported: request.allowUnsupported, ffmpegPath: ffmpeg.path, ffprobePath: ffmpeg.ffprobePath },
    { signal: deps.signal, emit: deps.emit },
  );
  try {
    deps.emit({
      type: 'start',
      engine: 'native',
      width: stream.width,
      height: stream.height,
      fps: stream.fps,
      totalFrames: stream.frameCount,
      format: request.format,
      output: request.out,
    });
    deps.emit({ type: 'stage', stage: 'capture' });
    const encoded = await encodeFrames({
      ffmpeg,
      format: request.format,
      quality: request.quality,
      width: stream.width,
      height: stream.height,
      fps: stream.fps,
      gifFps: gifFpsFor(spec),
      frames: stream.frames(deps.signal),
      outPath: request.out,
      signal: deps.signal,
      audio,
      onFrameWritten: (completed) =>
        deps.emit({ type: 'progress', stage: 'capture', completed, total: stream.frameCount }),
    });

    let poster: string | null = null;
    if (plan.posterFrame !== null) {
      deps.emit({ type: 'stage', stage: 'poster' });
      poster = posterPathFor(request.out);
      const frame = await stream.renderFrame(plan.posterFrame);
      await writePosterPng({ ffmpeg, frame, width: stream.width, height: stream.height, outPath: poster, signal: deps.signal });
    }

    const result: RenderResult = {
      output: encoded.outPath,
      bytes: encoded.bytes,
      frames: encoded.outputFrames,
      durationSeconds: stream.frameCount / stream.fps,
      poster,
      engine: 'native',
    };
    deps.emit({
      type: 'done',
      output: result.output,
      bytes: result.bytes,
      frames: result.frames,
      durationSeconds: result.durationSeconds,
      ...(poster === null ? {} : { poster }),
    });
    return result;
  } finally {
    await stream.close();
  }
}

/** GIF frame rate: the spec's `export.fps` when it exports a gif, else 15 as Fluvie does. */
function gifFpsFor(spec: VideoSpec): number {
  const exportSpec = spec.export;
  if (exportSpec && exportSpec.mode === 'gif' && typeof exportSpec.fps === 'number') return exportSpec.fps;
  return DEFAULT_GIF_FPS;
}

function reportUnsupported(spec: VideoSpec, request: RenderRequest, deps: RenderDeps): void {
  const unsupported = findUnsupportedFeatures(spec);
  if (unsupported.length === 0) return;
  if (!request.allowUnsupported) {
    const lines = unsupported.map((item) => `  ${item.path || '(root)'}: ${item.feature}: ${item.reason}`);
    throw new FluvieError(
      'unsupported_feature',
      `The native engine cannot draw ${unsupported.length} feature(s) of this spec:\n${lines.join('\n')}\n` +
        'Remove them, render with a Flutter project (--engine flutter), or pass --allow-unsupported to render the rest.',
      { details: { unsupported } },
    );
  }
  for (const item of unsupported) {
    deps.emit({ type: 'warning', code: 'unsupported_feature', path: item.path, message: `Skipped ${item.feature}: ${item.reason}` });
  }
}
