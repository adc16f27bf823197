import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../../src/server/redis/redis-connection.js';
import { RedisRateLimiter } from '../../../src/server/redis/redis-rate-limiter.js';
import { startRedis, type RunningRedis } from '../../helpers/redis-server.js';

const DAY = 86_400_000;
let redis: RunningRedis;
let client: Redis;

beforeAll(async () => {
  redis = await startRedis();
  client = await connectRedis(redis.url);
});

afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});

function limiter(limit: number, windowMs: number, dailyQuota: number): RedisRateLimiter {
  return new RedisRateLimiter(client, `test:${randomUUID()}:`, { limit, windowMs, dailyQuota });
}

describe('RedisRateLimiter', () => {
  it('allows calls up to the window limit', async () => {
    const limits = limiter(2, 60_000, 0);
    expect(await limits.check('a', 1_000)).toEqual({ allowed: true });
    expect(await limits.check('a', 11_000)).toEqual({ allowed: true });
    expect(await limits.check('a', 31_000)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(await limits.check('b', 31_000)).toEqual({ allowed: true });
    expect(await limits.check('a', 61_001)).toEqual({ allowed: true });
  });

  it('counts only allowed calls', async () => {
    const limits = limiter(1, 10_000, 0);
    await limits.check('a', 0);
    for (let at = 1_000; at < 10_000; at += 1_000) expect((await limits.check('a', at)).allowed).toBe(false);
    expect((await limits.check('a', 10_000)).allowed).toBe(true);
  });

  it('applies the daily quota until UTC midnight', async () => {
    const limits = limiter(0, 1, 2);
    const noon = 100 * DAY + DAY / 2;
    await limits.check('a', noon);
    await limits.check('a', noon + 1);
    expect(await limits.check('a', noon + 2)).toEqual({ allowed: false, retryAfterSeconds: DAY / 2 / 1000 });
    expect((await limits.check('a', 101 * DAY)).allowed).toBe(true);
  });

  it('shares the budget between replicas', async () => {
    const prefix = `test:${randomUUID()}:`;
    const other = client.duplicate();
    const first = new RedisRateLimiter(client, prefix, { limit: 3, windowMs: 60_000, dailyQuota: 0 });
    const second = new RedisRateLimiter(other, prefix, { limit: 3, windowMs: 60_000, dailyQuota: 0 });
    const decisions = await Promise.all(Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? first : second).check('a', 5_000)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(3);
    other.disconnect();
  });
});
