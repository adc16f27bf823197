import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { BullmqQueue } from '../../src/server/queue/bullmq-queue.js';
import { startRedis, type RunningRedis } from '../helpers/redis-server.js';
import { describeQueueConformance } from './queue.js';

let redis: RunningRedis;

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await redis?.stop();
});

// Each queue gets its own name, so the tests share one server without seeing each other's jobs.
describeQueueConformance('BullmqQueue', async (options) => ({
  queue: await BullmqQueue.open({ ...options, redisUrl: redis.url, name: `conformance-${randomUUID()}`, prefix: 'test', attempts: 2 }),
}));
