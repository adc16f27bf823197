import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../../src/server/logger.js';
import { BullmqQueue } from '../../../src/server/queue/bullmq-queue.js';
import { openRedisBackend, openRedisJobStore, type RedisTarget } from '../../../src/server/redis/redis-backend.js';
import { startRedis, type RunningRedis } from '../../helpers/redis-server.js';

let redis: RunningRedis;

function target(redisUrl: string, prefix: string): RedisTarget {
  return { redisUrl, prefix, attempts: 1, lockDurationMs: 30_000, stalledIntervalMs: 30_000 };
}

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
    const opening = openRedisBackend({ target: target(closed.url, 'x'), logger: createSilentLogger(), createRender: null, concurrency: 1, timeoutMs: 1_000 });
    await expect(opening).rejects.toMatchObject({ code: 'unavailable' });
    await expect(opening).rejects.toThrow(`Redis at ${closed.url} is not reachable`);
  });

  it('fails readiness during an outage and recovers', async () => {
    const ran: string[] = [];
    const prefix = `outage${randomUUID().slice(0, 8)}`;
    const store = await openRedisJobStore(target(redis.url, prefix), createSilentLogger());
    const queue = await BullmqQueue.open({
      redisUrl: redis.url, name: 'renders', prefix, attempts: 1, concurrency: 1, timeoutMs: 10_000, processor: async (jobId) => void ran.push(jobId),
    });
    const backend = { checkReady: store.checkReady, queue };
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
      await queue.close(1_000);
      store.close();
    }
  });
});
