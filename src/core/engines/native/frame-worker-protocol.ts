/**
 * Messages between the render thread (frame-worker.ts) and the main thread (worker-frame-stream.ts).
 */
import type { RenderEvent } from '../../pipeline/events.js';
import type { NativeCaptureRequest } from './native-engine.js';

export type WorkerData = NativeCaptureRequest;

export type ToWorker =
  /** Draw the next `count` frames of the sequence, in order. */
  | { type: 'next'; count: number }
  /** Draw one frame on its own (a poster still) and answer with `single`. */
  | { type: 'render'; id: number; index: number }
  /** Close the stream (ending the clip decoder processes) and answer with `closed`. */
  | { type: 'close' };

export interface SerializedError {
  code: string;
  message: string;
  details: unknown;
}

export type FromWorker =
  | { type: 'ready'; width: number; height: number; fps: number; frameCount: number }
  | { type: 'event'; event: RenderEvent }
  | { type: 'frame'; index: number; pixels: Uint8Array }
  /** Frame `index` has the same pixels as the frame before it. */
  | { type: 'same'; index: number }
  | { type: 'single'; id: number; pixels: Uint8Array }
  | { type: 'error'; error: SerializedError }
  | { type: 'closed' };
