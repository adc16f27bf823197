/**
 * Lists the local files a spec reads: image and clip elements, clip posters, image and video
 * backgrounds, and audio tracks. `asset`, `file` and `bundle` sources are local; a bundle source
 * names a file of the unpacked `.fluvie` bundle, which is the spec's folder. `network` sources are
 * not local.
 */
import path from 'node:path';
import { FluvieError } from '../core/errors.js';
import { collectElements } from './element-walk.js';
import { formatPath, type PathSegment } from './diagnostics.js';
import type { AudioTrackSpec, MediaSource, VideoSpec } from './schema/types.js';

export type MediaFileKind = 'image' | 'clip' | 'audio';

export interface MediaFileReference {
  /** JSON path of the source value, such as `scenes[0].children[1].source`. */
  path: string;
  kind: MediaFileKind;
  /** Absolute file name: `asset` and `bundle` sources and background paths resolve against `baseDir`. */
  file: string;
}

export function listMediaFiles(spec: VideoSpec, baseDir: string): MediaFileReference[] {
  const found: MediaFileReference[] = [];
  const addSource = (source: MediaSource, segments: readonly PathSegment[], kind: MediaFileKind): void => {
    if (source.kind === 'network') return;
    const jsonPath = formatPath(segments);
    const file = source.kind === 'bundle' ? bundleFile(source.value, baseDir, jsonPath) : path.resolve(baseDir, source.value);
    found.push({ path: jsonPath, kind, file });
  };
  const addAudio = (tracks: readonly AudioTrackSpec[] | undefined, segments: readonly PathSegment[]): void => {
    tracks?.forEach((track, index) => addSource(track.source, [...segments, index, 'source'], 'audio'));
  };

  addAudio(spec.audio, ['audio']);
  spec.scenes.forEach((scene, index) => {
    const background = scene.background;
    if (background?.kind === 'image' || background?.kind === 'video') {
      const kind = background.kind === 'image' ? 'image' : 'clip';
      found.push({ path: formatPath(['scenes', index, 'background', 'source']), kind, file: path.resolve(baseDir, background.source) });
    }
    addAudio(scene.audio, ['scenes', index, 'audio']);
  });
  for (const visit of collectElements(spec)) {
    const element = visit.element;
    if (element.type === 'Image') addSource(element.source, [...visit.path, 'source'], 'image');
    if (element.type === 'Clip') {
      addSource(element.source, [...visit.path, 'source'], 'clip');
      if (element.poster !== undefined) addSource(element.poster, [...visit.path, 'poster'], 'image');
    }
  }
  return found;
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
