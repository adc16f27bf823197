/**
 * The seam between the render pipeline and the two capture engines (native Skia drawing and the
 * Flutter harness). An engine produces either a stream of raw RGBA frames that the pipeline pipes
 * into ffmpeg, or a finished sandbox whose manifest already carries the ffmpeg arguments.
 */
import type { EmitEvent } from '../pipeline/events.js';

/**
 * A stream of raw RGBA8888 frames, `width * height * 4` bytes each, in order. Alpha is premultiplied,
 * as Fluvie's capture reads frames back, and the bytes go to ffmpeg as `-pix_fmt rgba` unchanged.
 */
export interface FrameStream {
  readonly kind: 'frames';
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly frameCount: number;
  /** Yields every frame once. Each buffer may be reused by the engine after the next `next()` call. */
  frames(signal: AbortSignal): AsyncIterable<Uint8Array>;
  /** Draws one frame on its own, for poster stills; the index is clamped to the frame range. */
  renderFrame(index: number): Promise<Uint8Array>;
  /** Releases decoders and caches. Idempotent. */
  close(): Promise<void>;
}

/** A sandbox folder in which a harness wrote `frames.rgba` and `manifest.json`. */
export interface FinishedSandbox {
  readonly kind: 'sandbox';
  readonly dir: string;
  /** Parsed and confinement-checked manifest. */
  readonly manifest: unknown;
}

export type CaptureOutput = FrameStream | FinishedSandbox;

export interface CaptureEngine<Request, Output extends CaptureOutput = CaptureOutput> {
  readonly name: 'native' | 'flutter';
  capture(request: Request, options: { signal: AbortSignal; emit: EmitEvent }): Promise<Output>;
}
