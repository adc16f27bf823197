/**
 * The one place that turns a thrown value into the HTTP error JSON
 * `{"error": {"code": "<machine code>", "message": "<text>"}}`. The status comes from the error
 * table in core/errors.ts; render and CLI codes are reported under the wire code of their status.
 */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_TABLE, FluvieError, isAbortError } from '../../core/errors.js';

/** Codes a client of the Dart server knows, by HTTP status. */
const WIRE_CODES: Readonly<Record<number, string>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  429: 'rate_limited',
  500: 'internal',
  503: 'unavailable',
  504: 'timeout',
};

export interface ErrorBody {
  error: { code: string; message: string; diagnostics?: unknown };
}

export interface ErrorResponseParts {
  status: ContentfulStatusCode;
  body: ErrorBody;
  /** Extra response headers, such as `Retry-After`. */
  headers: Record<string, string>;
  /** True when the cause must be logged because the client only sees a generic message. */
  unexpected: boolean;
}

/** Details a FluvieError may carry for the HTTP layer. */
export interface HttpErrorDetails {
  retryAfterSeconds?: number;
  diagnostics?: unknown;
}

/** Maps any thrown value to the status, JSON body and headers of its error response. */
export function toErrorResponse(error: unknown): ErrorResponseParts {
  if (error instanceof FluvieError) return fromFluvieError(error);
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    return { status, body: { error: { code: WIRE_CODES[status] ?? 'internal', message: error.message || 'Request failed' } }, headers: {}, unexpected: false };
  }
  if (isAbortError(error)) return fromFluvieError(new FluvieError('canceled', 'Request canceled'));
  return internal();
}

function fromFluvieError(error: FluvieError): ErrorResponseParts {
  const status = ERROR_TABLE[error.code].http as ContentfulStatusCode;
  if (status >= 500 && status !== 503 && status !== 504) return internal();

  const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as HttpErrorDetails;
  const body: ErrorBody = { error: { code: WIRE_CODES[status] ?? error.code, message: error.message } };
  if (details.diagnostics !== undefined) body.error.diagnostics = details.diagnostics;
  const headers: Record<string, string> = {};
  if (details.retryAfterSeconds !== undefined) headers['retry-after'] = String(details.retryAfterSeconds);
  return { status, body, headers, unexpected: false };
}

function internal(): ErrorResponseParts {
  return { status: 500, body: { error: { code: 'internal', message: 'Internal server error' } }, headers: {}, unexpected: true };
}
