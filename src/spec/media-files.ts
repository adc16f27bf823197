/**
 * Lists the local files a spec reads: image and clip elements, clip posters, image and video
 * backgrounds, and audio tracks. Only `asset` and `file` sources are local, because `network` and
 * `bundle` sources name no file on this machine.
 */
import path from 'node:path';
import { collectElements } from './element-walk.js';
import { formatPath, type PathSegment } from './diagnostics.js';
import type { AudioTrackSpec, MediaSource, VideoSpec } from './schema/types.js';

export type MediaFileKind = 'image' | 'clip' | 'audio';

export interface MediaFileReference {
  /** JSON path of the source value, such as `scenes[0].children[1].source`. */
  path: string;
  kind: MediaFileKind;
  /** Absolute file name: `asset` sources and background paths resolve against `baseDir`. */
  file: string;
}

export function listMediaFiles(spec: VideoSpec, baseDir: string): MediaFileReference[] {
  const found: MediaFileReference[] = [];
  const addSource = (source: MediaSource, segments: readonly PathSegment[], kind: MediaFileKind): void => {
    if (source.kind !== 'asset' && source.kind !== 'file') return;
    found.push({ path: formatPath(segments), kind, file: path.resolve(baseDir, source.value) });
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
