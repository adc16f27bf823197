/**
 * Resolves the `bundle` media sources of a spec. Fluvie saves a document as a `.fluvie` bundle whose
 * media sit beside it under bundle-relative names such as `media/b-roll.mp4`, and its loader
 * materializes the bundle before the spec is built, so the kind never reaches the engine. Here the
 * spec's folder stands for the unpacked bundle: each `bundle` source becomes a `file` source at
 * that folder joined with the value, in a copy of the spec.
 *
 * A value must stay inside the folder: absolute paths, `..` segments and URL schemes are rejected,
 * as Fluvie narrows asset paths, so a spec cannot name other files on the machine this way.
 *
 * NOTE: a zipped `.fluvie` bundle is not unpacked here; unpack it and render the spec inside it.
 */
import { bundleFile } from '../../spec/media-files.js';
import { listMediaSources } from '../../spec/media-sources.js';
import type { VideoSpec } from '../../spec/index.js';

/**
 * Returns a copy of `spec` whose `bundle` sources are `file` sources under `bundleDir`, or `spec`
 * itself when it has none.
 * @throws FluvieError `spec_invalid` naming the JSON path of a value that leaves the folder.
 */
export function materializeBundleSources(spec: VideoSpec, bundleDir: string): VideoSpec {
  const copy = structuredClone(spec);
  const sources = listMediaSources(copy).filter(({ source }) => source.kind === 'bundle');
  if (sources.length === 0) return spec;
  for (const { source, path: jsonPath } of sources) {
    source.value = bundleFile(source.value, bundleDir, jsonPath);
    source.kind = 'file';
  }
  return copy;
}
