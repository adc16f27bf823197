/**
 * The HTTP adapter of every provider client. It POSTs a JSON body with undici, times out each attempt
 * and retries 408, 429, 5xx and network failures with backoff, honouring `Retry-After`. Failures
 * become FluvieErrors that name the provider, the status and the provider's own message.
 */
import { setTimeout as sleepFor } from 'node:timers/promises';
import { errors as undiciErrors, request } from 'undici';
import { FluvieError, isAbortError, throwIfAborted } from '../../core/errors.js';
import { backoffDelay, isRetryableStatus, MAX_RETRY_WAIT_MS, parseRetryAfter } from './retry-delay.js';

export interface PostJsonOptions {
  /** Provider label for messages, such as `Claude`. */
  provider: string;
  url: string;
  headers: Readonly<Record<string, string>>;
  body: unknown;
  timeoutMs: number;
  maxRetries: number;
  signal: AbortSignal;
  /** Pulls the provider's error message out of an error body, or returns null. */
  describeError: (body: unknown) => string | null;
  /** Secrets removed from every message, in case a provider echoes them. */
  secrets: readonly string[];
  /** Waits between attempts; tests replace it to record delays instead of sleeping. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

type Attempt = { kind: 'ok'; body: unknown } | { kind: 'retry'; waitMs: number | null; failure: FluvieError } | { kind: 'fail'; failure: FluvieError };

/** Sends the request and returns the parsed JSON body of the first 2xx response. */
export async function postJson(options: PostJsonOptions): Promise<unknown> {
  const sleep = options.sleep ?? defaultSleep;
  for (let retry = 0; ; retry += 1) {
    throwIfAborted(options.signal);
    const attempt = await attemptOnce(options);
    if (attempt.kind === 'ok') return attempt.body;
    if (attempt.kind === 'fail' || retry >= options.maxRetries) throw attempt.failure;

    const waitMs = attempt.waitMs ?? backoffDelay(retry);
    if (waitMs > MAX_RETRY_WAIT_MS) {
      throw new FluvieError(attempt.failure.code, `${attempt.failure.message} (the server requests a wait of ${formatWait(waitMs)}, so try again later)`, {
        cause: attempt.failure,
      });
    }
    await sleep(waitMs, options.signal);
  }
}

async function attemptOnce(options: PostJsonOptions): Promise<Attempt> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, timeout]);
  try {
    const response = await request(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
      body: JSON.stringify(options.body),
      signal,
    });
    const text = await response.body.text();
    if (response.statusCode >= 200 && response.statusCode < 300) return { kind: 'ok', body: parseBody(text, options) };

    const failure = statusError(response.statusCode, text, options);
    if (!isRetryableStatus(response.statusCode)) return { kind: 'fail', failure };
    const retryAfter = headerValue(response.headers['retry-after']);
    return { kind: 'retry', waitMs: parseRetryAfter(retryAfter, Date.now()), failure };
  } catch (error: unknown) {
    if (options.signal.aborted) throw new FluvieError('canceled', `${options.provider} request canceled`, { cause: error });
    if (timeout.aborted) {
      const failure = new FluvieError('timeout', `${options.provider} did not respond within ${formatWait(options.timeoutMs)} (${redact(options.url, options)}).`, { cause: error });
      return { kind: 'retry', waitMs: null, failure };
    }
    if (isAbortError(error)) throw error;
    return { kind: 'retry', waitMs: null, failure: networkError(error, options) };
  }
}

function parseBody(text: string, options: PostJsonOptions): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause: unknown) {
    throw new FluvieError('unavailable', `${options.provider} returned a body that is not JSON: ${redact(text.slice(0, 200), options)}`, { cause });
  }
}

function statusError(status: number, text: string, options: PostJsonOptions): FluvieError {
  let described: string | null = null;
  try {
    described = options.describeError(JSON.parse(text) as unknown);
  } catch {
    described = null;
  }
  const detail = redact(described ?? (text.trim().slice(0, 300) || 'no message'), options);
  const message = `${options.provider} request failed with HTTP ${status}: ${detail}`;
  return new FluvieError(codeForStatus(status), message, { details: { provider: options.provider, status } });
}

/** 401/403/404 point at the key, model or base URL, which are configuration. */
function codeForStatus(status: number): 'config_invalid' | 'rate_limited' | 'unavailable' | 'invalid_request' {
  if (status === 401 || status === 403 || status === 404) return 'config_invalid';
  if (status === 429) return 'rate_limited';
  if (status >= 500 || status === 408) return 'unavailable';
  return 'invalid_request';
}

function networkError(error: unknown, options: PostJsonOptions): FluvieError {
  const reason = error instanceof undiciErrors.UndiciError || error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const suffix = typeof code === 'string' ? ` (${code})` : '';
  return new FluvieError('unavailable', `Cannot reach ${options.provider} at ${redact(options.url, options)}: ${redact(reason, options)}${suffix}`, { cause: error });
}

function formatWait(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

function redact(text: string, options: PostJsonOptions): string {
  let result = text;
  for (const secret of options.secrets) {
    if (secret !== '') result = result.split(secret).join('[redacted]');
  }
  return result;
}

async function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleepFor(ms, undefined, { signal });
  } catch (error: unknown) {
    throw new FluvieError('canceled', 'AI request canceled while waiting to retry', { cause: error });
  }
}
