/**
 * Messages between the server and a render child process (see forked-render.ts). They travel over
 * Node's IPC channel as JSON, so every field is plain data.
 */
import type { RenderEvent } from '../../core/pipeline/events.js';
import type { RenderRequest, RenderResult } from '../../core/pipeline/render-request.js';
import { FluvieError, type ErrorCode } from '../../core/errors.js';

export type ToRenderChild =
  | { type: 'render'; request: RenderRequest; env: Readonly<Record<string, string | undefined>>; cwd: string }
  | { type: 'abort'; reason: SerializedError };

export type FromRenderChild =
  | { type: 'event'; event: RenderEvent }
  | { type: 'done'; result: RenderResult }
  | { type: 'failed'; error: SerializedError };

export interface SerializedError {
  /** The FluvieError code, or null for any other error. */
  code: ErrorCode | null;
  message: string;
  details?: unknown;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof FluvieError) return { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
  return { code: null, message: error instanceof Error ? error.message : String(error) };
}

/** Rebuilds the error: a FluvieError with the same code, or a plain Error for other errors. */
export function deserializeError(error: SerializedError): Error {
  if (error.code === null) return new Error(error.message);
  return new FluvieError(error.code, error.message, error.details === undefined ? {} : { details: error.details });
}
