/**
 * Renders frames `[start, end)` of a VideoSpec with the native engine into one mp4 file without
 * audio: the chunk of a chunked render. The spec is planned exactly as a whole render plans it, so
 * frame `i` of the chunk is drawn the same as frame `start + i` of the whole video. Only the
 * encoding differs: each chunk opens with its own keyframe.
 */
import { FluvieError, throwIfAborted } from '../../../core/errors.js';
import { encodeFrames } from '../../../core/encode/encode-frames.js';
import { requireEncoders, resolveFfmpeg } from '../../../core/encode/resolve-ffmpeg.js';
import { createNativeEngine } from '../../../core/engines/native/native-engine.js';
import { loadRenderSpec } from '../../../core/pipeline/load-render-spec.js';
import { planRender } from '../../../core/pipeline/plan.js';
import { planWithAudio } from '../../../core/pipeline/plan-with-audio.js';
import type { RenderDeps, RenderRequest } from '../../../core/pipeline/render-request.js';
import type { FrameRange } from './chunk-ranges.js';

export interface FrameRangeResult {
  outPath: string;
  bytes: number;
  frames: number;
  /** Frames of the whole video, so callers can check the chunk plan against it. */
  totalFrames: number;
  fps: number;
}

/**
 * Renders `range` of `request.source` (a spec) to `request.out` as mp4.
 * Throws FluvieError `usage` for other formats or a range outside the video, and the errors of runRender.
 */
export async function renderFrameRange(request: RenderRequest, range: FrameRange, deps: RenderDeps): Promise<FrameRangeResult> {
  if (request.format !== 'mp4') throw new FluvieError('usage', `Chunked renders write mp4 only, got format ${request.format}.`);
  const { spec, baseDir } = await loadRenderSpec(request, deps);
  const planOptions = { aspect: request.aspect, maxFrames: request.maxFrames, posterTime: null };
  const draftPlan = planRender(spec, planOptions);
  if (range.start < 0 || range.end > draftPlan.totalFrames || range.start >= range.end) {
    throw new FluvieError('usage', `Frame range ${range.start}..${range.end} is outside the video's ${draftPlan.totalFrames} frames.`);
  }

  const ffmpeg = await resolveFfmpeg({ flag: request.ffmpegPath, env: deps.env });
  requireEncoders(ffmpeg, 'mp4');
  // Every chunk analyses the music it reads on its own, so beats and band energies match a whole render.
  const plan = await planWithAudio(spec, draftPlan, planOptions, { baseDir, ffmpeg, signal: deps.signal });
  throwIfAborted(deps.signal);

  const stream = await createNativeEngine().capture({ spec, plan, baseDir, allowUnsupported: request.allowUnsupported, ffmpegPath: ffmpeg.path, ffprobePath: ffmpeg.ffprobePath }, { signal: deps.signal, emit: deps.emit });
  try {
    const total = range.end - range.start;
    const encoded = await encodeFrames({
      ffmpeg, format: 'mp4', quality: request.quality, width: stream.width, height: stream.height, fps: stream.fps, gifFps: stream.fps,
      frames: framesOf(stream.renderFrame.bind(stream), range, deps.signal),
      outPath: request.out,
      signal: deps.signal,
      onFrameWritten: (completed) => deps.emit({ type: 'progress', stage: 'capture', completed, total }),
    });
    return { outPath: encoded.outPath, bytes: encoded.bytes, frames: total, totalFrames: plan.totalFrames, fps: stream.fps };
  } finally {
    await stream.close();
  }
}

async function* framesOf(render: (index: number) => Promise<Uint8Array>, range: FrameRange, signal: AbortSignal): AsyncGenerator<Uint8Array> {
  for (let frame = range.start; frame < range.end; frame += 1) {
    throwIfAborted(signal);
    yield await render(frame);
  }
}
