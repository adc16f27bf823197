/**
 * Lists every media source object of a spec (audio tracks, Image and Clip sources, clip posters)
 * with its JSON path and what it feeds. Background sources are plain strings, not source objects,
 * so they are not listed here.
 */
import { collectElements } from './element-walk.js';
import { formatPath, type PathSegment } from './diagnostics.js';
import type { AudioTrackSpec, MediaSource, VideoSpec } from './schema/types.js';

export type MediaSourceUse = 'image' | 'clip' | 'audio';

export interface MediaSourceReference {
  /** The source object inside `spec` itself (not a copy), so callers may rewrite it in place. */
  source: MediaSource;
  /** JSON path of the source value, such as `scenes[0].children[1].source`. */
  path: string;
  use: MediaSourceUse;
}

export function listMediaSources(spec: VideoSpec): MediaSourceReference[] {
  const found: MediaSourceReference[] = [];
  const add = (source: MediaSource | undefined, segments: readonly PathSegment[], use: MediaSourceUse): void => {
    if (source !== undefined) found.push({ source, path: formatPath(segments), use });
  };
  const addAudio = (tracks: readonly AudioTrackSpec[] | undefined, segments: readonly PathSegment[]): void => {
    tracks?.forEach((track, index) => add(track.source, [...segments, index, 'source'], 'audio'));
  };

  addAudio(spec.audio, ['audio']);
  spec.scenes.forEach((scene, index) => addAudio(scene.audio, ['scenes', index, 'audio']));
  for (const visit of collectElements(spec)) {
    const element = visit.element;
    if (element.type === 'Image') add(element.source, [...visit.path, 'source'], 'image');
    if (element.type === 'Clip') {
      add(element.source, [...visit.path, 'source'], 'clip');
      add(element.poster, [...visit.path, 'poster'], 'image');
    }
  }
  return found;
}
