/**
 * Fetches the `network` media sources of a spec (audio tracks, Image and Clip elements, clip
 * posters) into a temp folder and returns a copy of the spec that names the downloaded files, so
 * the rest of the render reads only local files. Without permission the spec is returned as it is,
 * and the unsupported-feature check names each network source.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectElements, formatPath, type AudioTrackSpec, type MediaSource, type VideoSpec } from '../../spec/index.js';
import { downloadMedia } from '../net/download-media.js';

/** Largest network media file, in bytes. An estimate that fits a few minutes of 1080p video. */
export const NETWORK_MEDIA_MAX_BYTES = 256 * 1024 * 1024;
/** Time one download may take, in milliseconds. */
export const NETWORK_MEDIA_TIMEOUT_MS = 60_000;

export interface FetchNetworkMediaOptions {
  signal: AbortSignal;
  /** Address check override for tests; default public addresses only. */
  isAllowedAddress?: (address: string) => boolean;
  maxBytes?: number;
  timeoutMs?: number;
}

export interface FetchedMedia {
  spec: VideoSpec;
  /** Temp folder of the downloads, or null when nothing was fetched. The caller removes it. */
  folder: string | null;
}

interface NetworkSource {
  path: string;
  source: MediaSource;
}

/**
 * Downloads every network source and rewrites it to a `file` source.
 * @throws FluvieError from {@link downloadMedia}; the temp folder is removed first.
 */
export async function fetchNetworkMedia(spec: VideoSpec, options: FetchNetworkMediaOptions): Promise<FetchedMedia> {
  const copy = structuredClone(spec);
  const sources = networkSources(copy);
  if (sources.length === 0) return { spec, folder: null };

  const folder = await mkdtemp(path.join(tmpdir(), 'fluvie-media-'));
  try {
    for (const [index, item] of sources.entries()) {
      const destination = path.join(folder, `${index}-${safeName(item.source.value)}`);
      await downloadMedia({
        url: item.source.value,
        destination,
        maxBytes: options.maxBytes ?? NETWORK_MEDIA_MAX_BYTES,
        timeoutMs: options.timeoutMs ?? NETWORK_MEDIA_TIMEOUT_MS,
        signal: options.signal,
        path: item.path,
        ...(options.isAllowedAddress === undefined ? {} : { isAllowedAddress: options.isAllowedAddress }),
      });
      item.source.kind = 'file';
      item.source.value = destination;
    }
    return { spec: copy, folder };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** Lists the network sources of `spec` as live references into it, so they can be rewritten. */
function networkSources(spec: VideoSpec): NetworkSource[] {
  const found: NetworkSource[] = [];
  const add = (source: MediaSource | undefined, jsonPath: string): void => {
    if (source?.kind === 'network') found.push({ path: jsonPath, source });
  };
  const addAudio = (tracks: readonly AudioTrackSpec[] | undefined, prefix: string): void => {
    tracks?.forEach((track, index) => add(track.source, `${prefix}[${index}].source`));
  };
  addAudio(spec.audio, 'audio');
  spec.scenes.forEach((scene, index) => addAudio(scene.audio, `scenes[${index}].audio`));
  for (const visit of collectElements(spec)) {
    const element = visit.element;
    const elementPath = formatPath(visit.path);
    if (element.type === 'Image') add(element.source, `${elementPath}.source`);
    if (element.type === 'Clip') {
      add(element.source, `${elementPath}.source`);
      add(element.poster, `${elementPath}.poster`);
    }
  }
  return found;
}

/** Returns the URL's last path segment reduced to safe characters, keeping the extension ffmpeg may need. */
function safeName(url: string): string {
  const last = new URL(url).pathname.split('/').pop() ?? '';
  const cleaned = last.replace(/[^A-Za-z0-9._-]/g, '_').slice(-80);
  return cleaned === '' || cleaned.startsWith('.') ? `media${cleaned}` : cleaned;
}
