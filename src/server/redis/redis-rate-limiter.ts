/**
 * The per-client limits of AI renders kept in Redis, so every API replica counts the same calls. The
 * rules are those of the in-memory `RateLimiter`: a sliding window of `limit` calls per `windowMs`
 * and `dailyQuota` calls per UTC day, 0 disables a check, the daily check runs first, and only
 * allowed calls use up budget. One Lua script checks and records a call, so replicas cannot race.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RateDecision, RateLimitOptions } from '../http/rate-limiter.js';

const DAY_MS = 86_400_000;

/**
 * KEYS: the client's window (sorted set of call times) and its counter for the day.
 * ARGV: now, windowMs, limit, dailyQuota, ms until the day ends, a unique member for this call.
 * Returns {1, 0} when allowed, or {0, ms until a retry can pass}.
 */
const CHECK_SCRIPT = `
local now = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local quota = tonumber(ARGV[4])
local dayLeft = tonumber(ARGV[5])
local used = tonumber(redis.call('GET', KEYS[2]) or '0')
if quota > 0 and used >= quota then return {0, dayLeft} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
if limit > 0 and redis.call('ZCARD', KEYS[1]) >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + windowMs - now}
end
redis.call('ZADD', KEYS[1], now, ARGV[6])
redis.call('PEXPIRE', KEYS[1], math.max(windowMs, 1))
redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], dayLeft + 60000)
return {1, 0}`;

export class RedisRateLimiter {
  readonly #client: Redis;
  readonly #prefix: string;
  readonly #options: RateLimitOptions;

  /** `prefix` starts every key, such as `fluvie:`. */
  constructor(client: Redis, prefix: string, options: RateLimitOptions) {
    this.#client = client;
    this.#prefix = prefix;
    this.#options = options;
  }

  /** Checks a call from `client` at `nowMs` and records it when allowed. */
  async check(client: string, nowMs: number): Promise<RateDecision> {
    const { limit, windowMs, dailyQuota } = this.#options;
    const day = Math.floor(nowMs / DAY_MS);
    const keys = [`${this.#prefix}ratelimit:window:${client}`, `${this.#prefix}ratelimit:day:${day}:${client}`];
    const reply = (await this.#client.eval(CHECK_SCRIPT, 2, ...keys, nowMs, windowMs, limit, dailyQuota, (day + 1) * DAY_MS - nowMs, `${nowMs}-${randomUUID()}`)) as [number, number];
    if (reply[0] === 1) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(reply[1] / 1000)) };
  }
}
