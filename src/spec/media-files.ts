/**
 * Lists the local files a spec reads: image and clip elements, clip posters, image and video
 * backgrounds, and audio tracks. `asset`, `file` and `bundle` sources are local; a bundle source
 * names a file of the unpacked `.fluvie` bundle, which is the spec's folder. `network` sources are
 * not local.
 */
import path from 'node:path';
import { FluvieError } from '../core/errors.js';
import { formatPath } from './diagnostics.js';
import { listMediaSources, type MediaSourceUse } from './media-sources.js';
import type { VideoSpec } from './schema/types.js';

export type MediaFileKind = MediaSourceUse;

export interface MediaFileReference {
  /** JSON path of the source value, such as `scenes[0].children[1].source`. */
  path: string;
  kind: MediaFileKind;
  /** Absolute file name: `asset` and `bundle` sources and background paths resolve against `baseDir`. */
  file: string;
}

export function listMediaFiles(spec: VideoSpec, baseDir: string): MediaFileReference[] {
  const found: MediaFileReference[] = [];
  for (const { source, path: jsonPath, use } of listMediaSources(spec)) {
    if (source.kind === 'network') continue;
    const file = source.kind === 'bundle' ? bundleFile(source.value, baseDir, jsonPath) : path.resolve(baseDir, source.value);
    found.push({ path: jsonPath, kind: use, file });
  }
  spec.scenes.forEach((scene, index) => {
    const background = scene.background;
    if (background?.kind === 'image' || background?.kind === 'video') {
      const kind = background.kind === 'image' ? 'image' : 'clip';
      found.push({ path: formatPath(['scenes', index, 'background', 'source']), kind, file: path.resolve(baseDir, background.source) });
    }
  });
  return found.sort((a, b) => documentRank(a.path) - documentRank(b.path));
}

const SCENE_PARTS = ['background', 'audio', 'children'];

/** Orders paths as they appear in a document: video audio, then each scene's background, audio and children. */
function documentRank(jsonPath: string): number {
  const match = /^scenes\[(\d+)\]\.(\w+)/.exec(jsonPath);
  if (match === null) return -1;
  return Number(match[1]) * SCENE_PARTS.length + Math.max(0, SCENE_PARTS.indexOf(match[2]!));
}

/**
 * Returns the absolute file a bundle-relative `value` names inside `bundleDir`.
 * @throws FluvieError `spec_invalid` for an absolute path, a `..` segment or a URL scheme.
 */
export function bundleFile(value: string, bundleDir: string, jsonPath: string): string {
  const absolute = value.startsWith('/') || value.startsWith('\\');
  const escapes = value.split(/[/\\]/).includes('..');
  if (absolute || escapes || value.includes(':')) {
    throw new FluvieError(
      'spec_invalid',
      `${jsonPath}: a bundle source must be a path inside the bundle such as "media/clip.mp4" (no absolute path, no "..", no URL scheme), got ${JSON.stringify(value)}.`,
    );
  }
  return path.resolve(bundleDir, value);
}
