/**
 * The single error type of fluvie-render. Callers branch on `code`, never on the message text.
 * `cli/main.ts` maps codes to exit codes and the server's error handler maps them to HTTP statuses,
 * both through {@link ERROR_TABLE}.
 */

export type ErrorCode =
  // HTTP-facing codes of the render API error JSON.
  | 'invalid_request'
  | 'unauthorized'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal'
  // CLI and render codes.
  | 'usage'
  | 'config_invalid'
  | 'spec_invalid'
  | 'unsupported_feature'
  | 'file_not_found'
  | 'ffmpeg_missing'
  | 'ffmpeg_failed'
  | 'capture_failed'
  | 'output_failed'
  | 'timeout'
  | 'canceled';

export interface ErrorTableEntry {
  /** HTTP status the server answers with. */
  readonly http: number;
  /** Process exit code of the CLI. */
  readonly exit: number;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 64;
export const EXIT_CONFIG = 78;
export const EXIT_INTERRUPTED = 130;

export const ERROR_TABLE: Readonly<Record<ErrorCode, ErrorTableEntry>> = {
  invalid_request: { http: 400, exit: EXIT_USAGE },
  unauthorized: { http: 401, exit: EXIT_FAILURE },
  not_found: { http: 404, exit: EXIT_FAILURE },
  conflict: { http: 409, exit: EXIT_FAILURE },
  gone: { http: 410, exit: EXIT_FAILURE },
  payload_too_large: { http: 413, exit: EXIT_FAILURE },
  rate_limited: { http: 429, exit: EXIT_FAILURE },
  unavailable: { http: 503, exit: EXIT_FAILURE },
  internal: { http: 500, exit: EXIT_FAILURE },
  usage: { http: 400, exit: EXIT_USAGE },
  config_invalid: { http: 500, exit: EXIT_CONFIG },
  spec_invalid: { http: 400, exit: EXIT_FAILURE },
  unsupported_feature: { http: 400, exit: EXIT_FAILURE },
  file_not_found: { http: 400, exit: EXIT_FAILURE },
  ffmpeg_missing: { http: 503, exit: EXIT_FAILURE },
  ffmpeg_failed: { http: 500, exit: EXIT_FAILURE },
  capture_failed: { http: 500, exit: EXIT_FAILURE },
  output_failed: { http: 500, exit: EXIT_FAILURE },
  timeout: { http: 504, exit: EXIT_FAILURE },
  canceled: { http: 409, exit: EXIT_INTERRUPTED },
};

export interface FluvieErrorOptions {
  /** Machine-readable extra facts (JSON-serialisable), such as validation diagnostics. */
  details?: unknown;
  cause?: unknown;
}

export class FluvieError extends Error {
  override readonly name = 'FluvieError';
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: FluvieErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }
}

export function isFluvieError(value: unknown): value is FluvieError {
  return value instanceof FluvieError;
}

/** Wraps any thrown value as a FluvieError, keeping the original as `cause`. */
export function toFluvieError(value: unknown, fallback: ErrorCode = 'internal'): FluvieError {
  if (value instanceof FluvieError) return value;
  if (isAbortError(value)) return new FluvieError('canceled', 'Render canceled', { cause: value });
  const message = value instanceof Error ? value.message : String(value);
  return new FluvieError(fallback, message, { cause: value });
}

export function isAbortError(value: unknown): boolean {
  return value instanceof Error && (value.name === 'AbortError' || (value as { code?: unknown }).code === 'ABORT_ERR');
}

/** Throws a `canceled` FluvieError when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new FluvieError('canceled', 'Render canceled', { cause: signal.reason });
}
