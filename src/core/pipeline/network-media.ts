/**
 * Fetches the `network` media sources of a spec (audio tracks, Image and Clip elements, clip
 * posters) into a temp folder and returns a copy of the spec that names the downloaded files, so
 * the rest of the render reads only local files. Without permission the spec is returned as it is,
 * and the unsupported-feature check names each network source.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listMediaSources } from '../../spec/media-sources.js';
import type { VideoSpec } from '../../spec/index.js';
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

/**
 * Downloads every network source and rewrites it to a `file` source.
 * @throws FluvieError from {@link downloadMedia}; the temp folder is removed first.
 */
export async function fetchNetworkMedia(spec: VideoSpec, options: FetchNetworkMediaOptions): Promise<FetchedMedia> {
  const copy = structuredClone(spec);
  const sources = listMediaSources(copy).filter(({ source }) => source.kind === 'network');
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

/** Returns the URL's last path segment reduced to safe characters, keeping the extension ffmpeg may need. */
function safeName(url: string): string {
  const last = new URL(url).pathname.split('/').pop() ?? '';
  const cleaned = last.replace(/[^A-Za-z0-9._-]/g, '_').slice(-80);
  return cleaned === '' || cleaned.startsWith('.') ? `media${cleaned}` : cleaned;
}
