/**
 * Messages between the render thread (frame-worker.ts) and the main thread (worker-frame-stream.ts).
 * Sequence frames travel through a SharedArrayBuffer of {@link FRAME_SLOTS} frame-sized slots, so
 * no buffer is allocated or cloned per frame: frame i is written into slot `i % FRAME_SLOTS`.
 */
import type { RenderEvent } from '../../pipeline/events.js';
import type { NativeCaptureRequest } from './native-engine.js';

/**
 * Frame slots shared by the two threads. The encoder keeps one while ffmpeg reads it, and the worker
 * draws into the others, so up to `FRAME_SLOTS - 1` frames are drawn ahead. Each slot costs
 * width * height * 4 bytes.
 */
export const FRAME_SLOTS = 3;

export type WorkerData = NativeCaptureRequest;

export type ToWorker =
  /** Draw the next `count` frames of the sequence, in order; the main thread has freed their slots. */
  | { type: 'next'; count: number }
  /** Draw one frame on its own (a poster still) and reply with `single`. */
  | { type: 'render'; id: number; index: number }
  /** Close the frame stream (ending clip decoders) and reply with `closed`. */
  | { type: 'close' };

export interface SerializedError {
  code: string;
  message: string;
  details: unknown;
}

export type FromWorker =
  | { type: 'ready'; width: number; height: number; fps: number; frameCount: number; slots: SharedArrayBuffer }
  | { type: 'event'; event: RenderEvent }
  /** Frame `index` is in slot `index % FRAME_SLOTS`. */
  | { type: 'frame'; index: number }
  | { type: 'single'; id: number; pixels: Uint8Array }
  | { type: 'error'; error: SerializedError }
  | { type: 'closed' };
