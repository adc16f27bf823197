/** Retry timing for provider calls: `Retry-After` when the server sends one, else exponential backoff. */

/** First backoff step in milliseconds; each retry doubles it. */
export const BASE_BACKOFF_MS = 1_000;
/** Maximum wait between attempts. A longer `Retry-After` ends the retries instead. */
export const MAX_RETRY_WAIT_MS = 60_000;

/** True for the statuses worth retrying: 408, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Parses a `Retry-After` header (delta seconds or an HTTP date) into milliseconds, or returns null
 * when it is missing or malformed. A date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  // HTTP dates always carry a day or month name; Date.parse alone would accept "-1" as a year.
  if (!/[A-Za-z]/.test(text)) return null;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

/** Backoff before retry number `retry` (0-based): 1 s, 2 s, 4 s ... capped at {@link MAX_RETRY_WAIT_MS}. */
export function backoffDelay(retry: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** retry, MAX_RETRY_WAIT_MS);
}
