/**
 * Reads and parses the `.cube` files that `lut` effects name by `asset`, once each, before the first
 * frame is drawn. An asset is a plain relative path resolved against the spec's folder, like image
 * assets. As in Fluvie, absolute paths, `..` segments and URL schemes are rejected, so a spec cannot
 * read files outside its folder through a LUT.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FluvieError, throwIfAborted } from '../../../errors.js';
import type { PlannedElement, RenderPlan } from '../../../pipeline/plan-types.js';
import { CUBE_MAX_BYTES, parseCubeLut, type CubeLut } from './cube-lut.js';

export interface LutRequest {
  /** JSON path of the effect, such as `scenes[0].children[1].effects[0]`. */
  path: string;
  file: string;
}

/**
 * Lists the LUT files of enabled `lut` effects that have an `asset` and no inline `cube` text.
 * @throws FluvieError `spec_invalid` for an asset that is not a plain relative path.
 */
export function lutRequests(plan: RenderPlan, baseDir: string): LutRequest[] {
  const requests: LutRequest[] = [];
  const visit = (elements: readonly PlannedElement[]): void => {
    for (const planned of elements) {
      (planned.element.effects ?? []).forEach((effect, index) => {
        if (effect.kind !== 'lut' || effect.enabled === false || effect.cube !== undefined || effect.asset === undefined) return;
        const effectPath = `${planned.path}.effects[${index}]`;
        requests.push({ path: effectPath, file: path.resolve(baseDir, narrowAsset(effect.asset, `${effectPath}.asset`)) });
      });
      visit(planned.children);
      if (planned.child !== undefined) visit([planned.child]);
    }
  };
  for (const scene of plan.scenes) visit(scene.children);
  visit(plan.overlays);
  return requests;
}

/**
 * Loads each requested file once and returns the parsed LUTs by effect path.
 * @throws FluvieError `file_not_found` for a missing file, `spec_invalid` for a malformed one.
 */
export async function loadLuts(requests: readonly LutRequest[], signal: AbortSignal): Promise<Map<string, CubeLut>> {
  const byFile = new Map<string, CubeLut>();
  const byPath = new Map<string, CubeLut>();
  for (const request of requests) {
    throwIfAborted(signal);
    let lut = byFile.get(request.file);
    if (lut === undefined) {
      lut = parseCubeLut(await readLutText(request), request.file);
      byFile.set(request.file, lut);
    }
    byPath.set(request.path, lut);
  }
  return byPath;
}

async function readLutText(request: LutRequest): Promise<string> {
  let size: number;
  try {
    size = (await stat(request.file)).size;
  } catch (error) {
    throw new FluvieError('file_not_found', `${request.path}.asset: LUT file not found: ${request.file}. Check the path; LUT assets resolve against the spec's folder.`, {
      cause: error,
      details: { path: `${request.path}.asset`, file: request.file },
    });
  }
  // Checked before reading, so a huge file is never loaded into memory.
  if (size > CUBE_MAX_BYTES) throw new FluvieError('spec_invalid', `${request.path}.asset: the LUT file ${request.file} has ${size} bytes, more than the ${CUBE_MAX_BYTES}-byte limit.`);
  return readFile(request.file, 'utf8');
}

/** Returns `asset` when it is a plain relative path, else raises `spec_invalid` naming `jsonPath`. */
function narrowAsset(asset: string, jsonPath: string): string {
  const absolute = asset.startsWith('/') || asset.startsWith('\\');
  const escapes = asset.split(/[/\\]/).includes('..');
  if (absolute || escapes || asset.includes(':')) {
    throw new FluvieError('spec_invalid', `${jsonPath}: a LUT asset must be a plain relative path (no absolute path, no "..", no URL scheme), got ${JSON.stringify(asset)}.`);
  }
  return asset;
}
