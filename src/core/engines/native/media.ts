/**
 * Finds and decodes every image a plan draws before the first frame, once each. Element sources
 * of kind `asset` resolve against the spec's folder and `file` sources are absolute paths. A
 * background `source` is a path, relative to the spec's folder or absolute. A missing file fails
 * the render up front, naming the JSON path and the resolved file name.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { loadImage, type Image } from '@napi-rs/canvas';
import { FluvieError, throwIfAborted } from '../../errors.js';
import type { PlannedElement, RenderPlan } from '../../pipeline/plan-types.js';

export interface ImageRequest {
  /** JSON path of the element or background. */
  path: string;
  file: string;
}

/** Lists the local image files a plan draws (network and bundle sources are not drawn yet). */
export function imageRequests(plan: RenderPlan, baseDir: string): ImageRequest[] {
  const requests: ImageRequest[] = [];
  for (const scene of plan.scenes) {
    const background = scene.scene.background;
    if (background?.kind === 'image') {
      requests.push({ path: `${scene.path}.background`, file: path.resolve(baseDir, background.source) });
    }
    collectElementImages(scene.children, baseDir, requests);
  }
  collectElementImages(plan.overlays, baseDir, requests);
  return requests;
}

function collectElementImages(elements: readonly PlannedElement[], baseDir: string, requests: ImageRequest[]): void {
  for (const planned of elements) {
    const element = planned.element;
    if (element.visible === false) continue;
    if (element.type === 'Image' && (element.source.kind === 'asset' || element.source.kind === 'file')) {
      requests.push({ path: planned.path, file: path.resolve(baseDir, element.source.value) });
    }
    collectElementImages(planned.children, baseDir, requests);
    if (planned.child !== undefined) collectElementImages([planned.child], baseDir, requests);
  }
}

/** Decodes each requested file once; several paths naming one file share the decoded image. */
export async function loadImages(requests: readonly ImageRequest[], signal: AbortSignal): Promise<Map<string, Image>> {
  const byFile = new Map<string, Image>();
  const byPath = new Map<string, Image>();
  for (const request of requests) {
    throwIfAborted(signal);
    let image = byFile.get(request.file);
    if (image === undefined) {
      image = await decode(request);
      byFile.set(request.file, image);
    }
    byPath.set(request.path, image);
  }
  return byPath;
}

async function decode(request: ImageRequest): Promise<Image> {
  try {
    await access(request.file);
  } catch (error) {
    throw new FluvieError('file_not_found', `${request.path}: image file not found: ${request.file}. Check the path; asset sources resolve against the spec's folder.`, {
      cause: error,
      details: { path: request.path, file: request.file },
    });
  }
  try {
    return await loadImage(request.file);
  } catch (error) {
    throw new FluvieError('capture_failed', `${request.path}: could not decode image ${request.file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
