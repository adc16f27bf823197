import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisJobStore } from '../../src/server/jobs/redis-job-store.js';
import { connectRedis } from '../../src/server/redis/redis-connection.js';
import { startRedis, type RunningRedis } from '../helpers/redis-server.js';
import { sampleJob } from './job-fixture.js';
import { describeJobStoreConformance } from './job-store.js';

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

// Each store gets its own key prefix, so the tests share one server without seeing each other's jobs.
describeJobStoreConformance('RedisJobStore', async () => ({ store: new RedisJobStore({ client, prefix: `test:${randomUUID()}:` }) }));

describe('RedisJobStore', () => {
  it('shares records between two stores', async () => {
    const prefix = `test:${randomUUID()}:`;
    const first = new RedisJobStore({ client, prefix });
    const otherClient = client.duplicate();
    const second = new RedisJobStore({ client: otherClient, prefix });
    const job = sampleJob();
    await first.create(job);
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 === 0 ? first : second).update(job.id, (current) => ({ ...current, progress: { completed: (current.progress?.completed ?? 0) + 1, total: 20 } })),
      ),
    );
    expect((await second.get(job.id))?.progress).toEqual({ completed: 20, total: 20 });
    otherClient.disconnect();
  });

  it('rejects a second job with one idempotency key', async () => {
    const store = new RedisJobStore({ client, prefix: `test:${randomUUID()}:` });
    await store.create(sampleJob({ idempotencyKey: 'order-1', requestHash: 'a' }));
    await expect(store.create(sampleJob({ idempotencyKey: 'order-1', requestHash: 'a' }))).rejects.toMatchObject({ code: 'conflict' });
  });
});
