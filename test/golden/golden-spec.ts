/** Builders for the small specs of the golden-frame suite. */
import type { VideoSpec } from '../../src/spec/index.js';

/** Golden frames are small: a 320×180 canvas at 30 fps. */
export const GOLDEN_SIZE = { width: 320, height: 180 };

export interface GoldenCase {
  /** File-name stem of the references, such as `counter` for `counter-f15.png`. */
  name: string;
  spec: VideoSpec;
  /** Global frame indexes to compare. */
  frames: readonly number[];
}

/**
 * A one-scene spec holding `elements` over an opaque dark background (opaque, so the references'
 * straight alpha equals the engine's premultiplied output).
 */
export function sceneOf(elements: readonly Record<string, unknown>[], options: { duration?: string; size?: { width: number; height: number } } = {}): VideoSpec {
  return {
    fluvieSpec: 1,
    size: options.size ?? GOLDEN_SIZE,
    fps: 30,
    scenes: [{ duration: options.duration ?? '2s', background: { kind: 'color', color: '#FF202428' }, children: elements }],
  } as unknown as VideoSpec;
}
