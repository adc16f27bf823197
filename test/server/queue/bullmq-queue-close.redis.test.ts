/** BullmqQueue on a real Redis: closing a queue that ran a worker leaves no Redis connection open. */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BullmqQueue } from '../../../src/server/queue/bullmq-queue.js';
import { startRedis, type RunningRedis } from '../../helpers/redis-server.js';

let redis: RunningRedis;
let observer: Redis;

beforeAll(async () => {
  redis = await startRedis();
  observer = new Redis(redis.url, { lazyConnect: true });
  await observer.connect();
});

afterAll(async () => {
  observer?.disconnect();
  await redis?.stop();
});

async function connectedClients(): Promise<number> {
  const list = (await observer.call('CLIENT', 'LIST')) as string;
  return list.trim().split('\n').length;
}

async function settledClients(expected: number): Promise<number> {
  let count = await connectedClients();
  for (let attempt = 0; attempt < 100 && count !== expected; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    count = await connectedClients();
  }
  return count;
}

describe('BullmqQueue close', () => {
  it('disconnects every connection it opened', async () => {
    const before = await connectedClients();
    let ran = false;
    const queue = await BullmqQueue.open({
      redisUrl: redis.url, name: `close-${randomUUID()}`, prefix: 'test', concurrency: 1, timeoutMs: 10_000, attempts: 1,
      processor: async () => {
        ran = true;
      },
    });
    await queue.enqueue('one');
    for (let attempt = 0; attempt < 500 && !ran; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toBe(true);
    expect(await connectedClients()).toBeGreaterThan(before);

    await queue.close(1_000);
    expect(await settledClients(before)).toBe(before);
  });
});
