/**
 * Finds the clips a plan plays (Clip elements and video backgrounds with local sources), probes
 * each file once with ffprobe and decodes the posters, before the first frame is drawn.
 */
import path from 'node:path';
import { loadImage, type Image } from '@napi-rs/canvas';
import { probeMedia } from '../../../encode/probe.js';
import { FluvieError, throwIfAborted } from '../../../errors.js';
import type { PlannedElement, RenderPlan } from '../../../pipeline/plan-types.js';
import type { ClipProbe } from './clip-player.js';

export interface ClipSource {
  file: string;
  probe: ClipProbe;
  poster: Image | null;
}

export interface ClipTools {
  ffmpegPath: string | null;
  ffprobePath: string | null;
  /** Without ffmpeg, skip the clips (painting nothing) instead of failing. */
  skipWithoutTools: boolean;
}

/** Lists the clip files of a plan by the JSON path of the element or background that plays them. */
export function clipFiles(plan: RenderPlan, baseDir: string): Map<string, { file: string; poster: string | null }> {
  const found = new Map<string, { file: string; poster: string | null }>();
  const visit = (elements: readonly PlannedElement[]): void => {
    for (const planned of elements) {
      const element = planned.element;
      if (element.visible !== false && element.type === 'Clip' && (element.source.kind === 'asset' || element.source.kind === 'file')) {
        const poster = element.poster !== undefined && (element.poster.kind === 'asset' || element.poster.kind === 'file') ? path.resolve(baseDir, element.poster.value) : null;
        found.set(planned.path, { file: path.resolve(baseDir, element.source.value), poster });
      }
      visit(planned.children);
      if (planned.child !== undefined) visit([planned.child]);
    }
  };
  visit(plan.overlays);
  for (const scene of plan.scenes) {
    const background = scene.scene.background;
    if (background?.kind === 'video') found.set(`${scene.path}.background`, { file: path.resolve(baseDir, background.source), poster: null });
    visit(scene.children);
  }
  return found;
}

/**
 * Probes every clip of the plan and decodes its poster.
 * @throws FluvieError `ffmpeg_missing` when the plan has clips but no ffmpeg or ffprobe was given
 *   (unless `skipWithoutTools`),
 *   `capture_failed` when a file has no video stream or a poster does not decode.
 */
export async function prepareClipSources(plan: RenderPlan, baseDir: string, tools: ClipTools, signal: AbortSignal): Promise<Map<string, ClipSource>> {
  const files = clipFiles(plan, baseDir);
  const sources = new Map<string, ClipSource>();
  if (files.size === 0) return sources;
  if (tools.ffmpegPath === null || tools.ffprobePath === null) {
    if (tools.skipWithoutTools) return sources;
    throw new FluvieError('ffmpeg_missing', `The spec plays ${files.size} video clip(s), which the native engine decodes with ffmpeg and ffprobe, but none was given to the engine.`);
  }

  for (const [jsonPath, entry] of files) {
    throwIfAborted(signal);
    sources.set(jsonPath, { file: entry.file, probe: await probeClip(tools.ffprobePath, entry.file, jsonPath, signal), poster: await decodePoster(entry.poster, jsonPath) });
  }
  return sources;
}

/** Reads size, length, frame rate and whether an audio stream exists. */
export async function probeClip(ffprobePath: string, file: string, jsonPath: string, signal: AbortSignal): Promise<ClipProbe> {
  const media = await probeMedia(ffprobePath, file, { signal });
  const video = media.streams.find((stream) => stream.codec_type === 'video');
  if (video?.width === undefined || video.height === undefined) {
    throw new FluvieError('capture_failed', `${jsonPath}: ${file} has no video stream. Use a video file such as an mp4 or webm.`);
  }
  return {
    width: video.width,
    height: video.height,
    duration: Number(media.format.duration ?? video.duration ?? NaN),
    frameRate: fraction(video.avg_frame_rate),
    hasAudio: media.streams.some((stream) => stream.codec_type === 'audio'),
  };
}

async function decodePoster(file: string | null, jsonPath: string): Promise<Image | null> {
  if (file === null) return null;
  try {
    return await loadImage(file);
  } catch (error) {
    throw new FluvieError('capture_failed', `${jsonPath}.poster: could not decode image ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function fraction(text: string | undefined): number {
  if (text === undefined) return NaN;
  const [numerator, denominator] = text.split('/').map(Number);
  if (numerator === undefined || denominator === undefined || denominator === 0) return NaN;
  return numerator / denominator;
}
