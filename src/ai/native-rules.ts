/** Authoring rule for renders on the native engine: every feature of the spec must be drawable. */
import { findUnsupportedFeatures } from '../core/engines/native/unsupported.js';
import type { VideoSpec } from '../spec/index.js';

/**
 * Lists what the native engine cannot draw as `path: problem` lines, for `checkSpec`, so the model
 * replaces those features instead of the render failing after authoring.
 */
export function nativeEngineProblems(spec: VideoSpec): string[] {
  return findUnsupportedFeatures(spec).map(
    (item) => `${item.path === '' ? '(root)' : item.path}: ${item.feature} cannot be rendered here (${item.reason}); use something else`,
  );
}
