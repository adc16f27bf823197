import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../../src/server/logger.js';
import { openRedisBackend } from '../../../src/server/redis/redis-backend.js';
import { startRedis, type RunningRedis } from '../../helpers/redis-server.js';

let redis: RunningRedis;

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await redis?.stop();
});

describe('openRedisBackend', () => {
  it('rejects when Redis does not reply', async () => {
    const closed = await startRedis();
    await closed.stop();
    const opening = openRedisBackend({ redisUrl: closed.url, prefix: 'x', attempts: 1, logger: createSilentLogger(), createProcessor: null, concurrency: 1, timeoutMs: 1_000 });
    await expect(opening).rejects.toMatchObject({ code: 'unavailable' });
    await expect(opening).rejects.toThrow(`Redis at ${closed.url} is not reachable`);
  });

  it('fails readiness during an outage and recovers', async () => {
    const ran: string[] = [];
    const backend = await openRedisBackend({
      redisUrl: redis.url, prefix: `outage${randomUUID().slice(0, 8)}`, attempts: 1, logger: createSilentLogger(),
      createProcessor: () => async (jobId) => void ran.push(jobId), concurrency: 1, timeoutMs: 10_000,
    });
    try {
      await expect(backend.checkReady()).resolves.toBeUndefined();
      await redis.pause();
      await expect(backend.checkReady()).rejects.toMatchObject({ code: 'unavailable' });

      await redis.restart();
      const deadline = Date.now() + 15_000;
      while (await backend.checkReady().then(() => false, () => true)) {
        if (Date.now() > deadline) throw new Error('readiness did not recover after Redis came back');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await backend.queue.enqueue('after-outage');
      while (!ran.includes('after-outage')) {
        if (Date.now() > deadline) throw new Error('the worker did not run a job after Redis came back');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(ran).toEqual(['after-outage']);
    } finally {
      await backend.close(1_000);
    }
  });
});
