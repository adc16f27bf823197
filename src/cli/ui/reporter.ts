/**
 * A progress reporter turns render events into output for one mode: an ink view on a terminal, plain
 * lines in CI, or NDJSON with --json.
 */
import type { FluvieError } from '../../core/errors.js';
import type { RenderEvent } from '../../core/pipeline/events.js';
import type { RenderResult } from '../../core/pipeline/render-request.js';

export interface Reporter {
  onEvent(event: RenderEvent): void;
  finish(result: RenderResult): void;
  fail(error: FluvieError): void;
  /** Stops timers and unmounts views. Idempotent. */
  close(): Promise<void>;
}

export interface ReporterOptions {
  json: boolean;
  verbose: boolean;
  /** Clock in milliseconds; tests pass a fake one. */
  now?: () => number;
}
