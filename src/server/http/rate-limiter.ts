/**
 * Per-client limits on AI renders, as the Dart server applies them: a sliding window of `limit`
 * calls per `windowMs`, and a quota of `dailyQuota` calls per UTC day. A value of 0 disables that
 * check, the daily check runs first, and only allowed calls use up budget.
 */

export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  dailyQuota: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The same limits kept outside the process (Redis), shared by every API replica. */
export interface SharedRateLimit {
  /** Checks a call from `client` at `nowMs` and records it when allowed. */
  check(client: string, nowMs: number): Promise<RateDecision>;
}

const DAY_MS = 86_400_000;

export class RateLimiter {
  readonly #options: RateLimitOptions;
  readonly #hits = new Map<string, number[]>();
  readonly #daily = new Map<string, { day: number; count: number }>();

  constructor(options: RateLimitOptions) {
    this.#options = options;
  }

  /** Checks a call from `client` at `nowMs` and records it when allowed. */
  check(client: string, nowMs: number): RateDecision {
    const { limit, windowMs, dailyQuota } = this.#options;
    const day = Math.floor(nowMs / DAY_MS);
    const daily = this.#daily.get(client);
    const usedToday = daily?.day === day ? daily.count : 0;
    if (dailyQuota > 0 && usedToday >= dailyQuota) {
      return { allowed: false, retryAfterSeconds: toSeconds((day + 1) * DAY_MS - nowMs) };
    }

    const hits = (this.#hits.get(client) ?? []).filter((at) => at > nowMs - windowMs);
    if (limit > 0 && hits.length >= limit) {
      this.#hits.set(client, hits);
      const oldest = hits[0] ?? nowMs;
      return { allowed: false, retryAfterSeconds: toSeconds(oldest + windowMs - nowMs) };
    }

    hits.push(nowMs);
    this.#hits.set(client, hits);
    this.#daily.set(client, { day, count: usedToday + 1 });
    return { allowed: true };
  }
}

function toSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
