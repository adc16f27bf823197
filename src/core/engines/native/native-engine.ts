/**
 * The native capture engine: draws VideoSpec frames with Skia (`@napi-rs/canvas`) in this process,
 * so a spec renders without a Flutter SDK. Frames come out as premultiplied RGBA, the byte layout
 * of Fluvie's own capture, in order. The same spec and plan give byte-identical frames on every run.
 */
import { setImmediate as nextEventLoopTurn } from 'node:timers/promises';
import { createCanvas } from '@napi-rs/canvas';
import { FluvieError, throwIfAborted } from '../../errors.js';
import { ProgressEvaluator } from '../../motion/progress.js';
import type { EmitEvent } from '../../pipeline/events.js';
import type { RenderPlan } from '../../pipeline/plan-types.js';
import type { VideoSpec } from '../../../spec/index.js';
import type { CaptureEngine, FrameStream } from '../capture-engine.js';
import { prepareBackground } from './draw-background.js';
import { registerBundledFonts } from './fonts.js';
import { collectTextCodePoints } from './text-code-points.js';
import { LayerPool } from './layers.js';
import { layoutChildren } from './layout.js';
import { imageRequests, loadImages } from './media.js';
import { buildNodes, type NodeContext } from './nodes.js';
import { FrameRenderer, type PreparedScene } from './frame-renderer.js';
import { prepareElementBlends } from './element-blends.js';
import { prepareVideoLayers } from './video-layers.js';
import { findUnsupportedFeatures } from './unsupported.js';
import { captureInWorker, workerAvailable } from './worker-frame-stream.js';
import { ClipLibrary } from './clip/clip-library.js';
import { clipFiles, prepareClipSources } from './clip/clip-sources.js';
import { loadLuts, lutRequests } from './effects/load-luts.js';

export interface NativeCaptureRequest {
  spec: VideoSpec;
  plan: RenderPlan;
  /** Folder that `asset` sources and relative background paths resolve against. */
  baseDir: string;
  /** Draw what the engine can and skip the rest, instead of failing. */
  allowUnsupported: boolean;
  /** ffmpeg and ffprobe that decode Clip elements and video backgrounds; needed only when the spec has any. */
  ffmpegPath?: string | null;
  ffprobePath?: string | null;
}

export interface NativeEngineOptions {
  /**
   * Draw on a worker thread (needs the compiled package) so drawing overlaps with encoding.
   * Default false: on a 2-core machine it measured no faster end to end than drawing inline, and
   * its second V8 heap raised the peak memory of a 1080x1920 render from about 440 MB to 500-650 MB
   * (`npm run bench`, `scripts/bench/render-child.mjs`).
   */
  worker?: boolean;
}

export function createNativeEngine(options: NativeEngineOptions = {}): CaptureEngine<NativeCaptureRequest, FrameStream> {
  const useWorker = options.worker === true && workerAvailable();
  return {
    name: 'native',
    capture: (request, captureOptions) =>
      useWorker
        ? captureInWorker(request, captureOptions.signal, captureOptions.emit)
        : captureNative(request, captureOptions.signal, captureOptions.emit),
  };
}

/** Prepares the spec and returns a stream that draws frames on the calling thread. */
export async function captureNative(request: NativeCaptureRequest, signal: AbortSignal, emit: EmitEvent): Promise<FrameStream> {
  const { plan } = request;
  if (!request.allowUnsupported) {
    const unsupported = findUnsupportedFeatures(request.spec);
    if (unsupported.length > 0) {
      const lines = unsupported.map((item) => `  ${item.path || '(root)'}: ${item.feature}: ${item.reason}`);
      throw new FluvieError('unsupported_feature', `The native engine cannot draw ${unsupported.length} feature(s) of this spec:\n${lines.join('\n')}\nRemove them or allow unsupported features to render the rest.`, {
        details: { unsupported },
      });
    }
  }

  const images = await loadImages(imageRequests(plan, request.baseDir), signal);
  const luts = await loadLuts(lutRequests(plan, request.baseDir), signal);
  const tools = { ffmpegPath: request.ffmpegPath ?? null, ffprobePath: request.ffprobePath ?? null, skipWithoutTools: request.allowUnsupported };
  const clipSources = await prepareClipSources(plan, request.baseDir, tools, signal);
  if (clipSources.size === 0 && clipFiles(plan, request.baseDir).size > 0) {
    emit({ type: 'warning', code: 'unsupported_feature', path: '', message: 'Skipped the video clips: the engine was started without ffmpeg and ffprobe to decode them.' });
  }
  const clips = new ClipLibrary(clipSources, tools.ffmpegPath, plan.fps);
  throwIfAborted(signal);

  const canvas = createCanvas(plan.width, plan.height);
  const context: NodeContext = {
    fonts: registerBundledFonts().forText(collectTextCodePoints(request.spec, plan.scenes)),
    emit,
    warnedFamilies: new Set(),
    measureContext: createCanvas(1, 1).getContext('2d'),
    images,
    fps: plan.fps,
    clips,
    luts,
    audio: plan.audio,
  };
  const ctx = canvas.getContext('2d');
  // Text shaping follows the host language unless it is fixed, which would make frames machine-dependent.
  ctx.lang = 'en';
  context.measureContext.lang = 'en';

  const scenes: PreparedScene[] = plan.scenes.map((planned) => {
    const nodes = buildNodes(planned.children, context);
    layoutChildren(nodes, plan.width, plan.height, 'center');
    const background = prepareBackground(ctx, planned.scene.background, plan.width, plan.height, images.get(`${planned.path}.background`));
    const video = clips.createPlayer(`${planned.path}.background`, { window: planned.window, playback: { trimFrom: 0, trimTo: null, speed: 1 }, fit: 'cover', fadeInFrames: 0, fadeOutFrames: 0 });
    video?.setBox(plan.width, plan.height);
    return { planned, background: video === null ? background : { kind: 'clip' as const, player: video }, nodes, elementBlends: prepareElementBlends(planned.elementBlends, nodes) };
  });
  const videoLayers = prepareVideoLayers(plan, scenes, context);
  const renderer = new FrameRenderer(plan, scenes, canvas, new ProgressEvaluator(plan.fps), { layers: new LayerPool(plan.width, plan.height) }, videoLayers);

  let closed = false;
  return {
    kind: 'frames',
    width: plan.width,
    height: plan.height,
    fps: plan.fps,
    frameCount: plan.totalFrames,
    async *frames(frameSignal: AbortSignal) {
      for (let frame = 0; frame < plan.totalFrames; frame += 1) {
        throwIfAborted(frameSignal);
        // Skia's read-back buffers are freed by finalizers that run only on an event-loop turn. A
        // consumer that never waits on I/O would otherwise keep every frame alive: about 1.2 GB of
        // RSS after 150 frames at 1080x1920, each new frame faulting in fresh pages.
        await nextEventLoopTurn();
        await clips.load(frame);
        yield renderer.render(frame);
      }
    },
    async renderFrame(index: number) {
      const frame = Math.min(Math.max(Math.trunc(index), 0), plan.totalFrames - 1);
      await clips.load(frame);
      return renderer.render(frame);
    },
    async close() {
      if (closed) return;
      closed = true;
      await clips.close();
      images.clear();
    },
  };
}
