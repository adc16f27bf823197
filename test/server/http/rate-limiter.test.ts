import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/server/http/rate-limiter.js';

const DAY = 86_400_000;

describe('RateLimiter', () => {
  it('allows calls up to the window limit, then tells when to retry', () => {
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, dailyQuota: 0 });
    expect(limiter.check('a', 1_000)).toEqual({ allowed: true });
    expect(limiter.check('a', 11_000)).toEqual({ allowed: true });
    expect(limiter.check('a', 31_000)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(limiter.check('b', 31_000)).toEqual({ allowed: true });
    expect(limiter.check('a', 61_001)).toEqual({ allowed: true });
  });

  it('counts only allowed calls', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 10_000, dailyQuota: 0 });
    limiter.check('a', 0);
    for (let at = 1_000; at < 10_000; at += 1_000) expect(limiter.check('a', at).allowed).toBe(false);
    expect(limiter.check('a', 10_000).allowed).toBe(true);
  });

  it('applies the daily quota until UTC midnight', () => {
    const limiter = new RateLimiter({ limit: 0, windowMs: 1, dailyQuota: 2 });
    const noon = 100 * DAY + DAY / 2;
    limiter.check('a', noon);
    limiter.check('a', noon + 1);
    expect(limiter.check('a', noon + 2)).toEqual({ allowed: false, retryAfterSeconds: DAY / 2 / 1000 });
    expect(limiter.check('a', 101 * DAY).allowed).toBe(true);
  });

  it('reports at least one second', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 100, dailyQuota: 0 });
    limiter.check('a', 0);
    expect(limiter.check('a', 50)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
