/**
 * Webhook deliveries through the BullMQ queue on a real Redis, to a receiver on 127.0.0.1. Each
 * notifier has its own Redis connections, as separate processes would.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue as BullQueue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobRecord } from '../../../src/server/jobs/job-record.js';
import { createSilentLogger } from '../../../src/server/logger.js';
import { connectRedis } from '../../../src/server/redis/redis-connection.js';
import { openWebhookDeliveryQueue, WEBHOOK_QUEUE_NAME, type WebhookDeliveryQueueOptions } from '../../../src/server/webhooks/webhook-delivery-queue.js';
import type { WebhookNotifier } from '../../../src/server/webhooks/webhook-notifier.js';
import { verifyWebhookSignature } from '../../../src/server/webhooks/webhook-signature.js';
import { sampleJob } from '../../conformance/job-fixture.js';
import { startRedis, type RunningRedis } from '../../helpers/redis-server.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

interface Receiver {
  url: string;
  received: Received[];
  settled: (count: number) => Promise<void>;
}

let redis: RunningRedis;
const receivers: Server[] = [];
const notifiers: WebhookNotifier[] = [];

beforeAll(async () => {
  redis = await startRedis();
});

afterEach(async () => {
  for (const notifier of notifiers.splice(0)) await notifier.close();
  for (const receiver of receivers.splice(0)) await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

afterAll(async () => {
  await redis?.stop();
});

/** Starts a receiver that responds with the given statuses in turn (the last one repeats). */
async function startReceiver(statuses: number[]): Promise<Receiver> {
  const received: Received[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
      response.end();
      for (const waiter of waiters.filter((entry) => received.length >= entry.count)) waiter.resolve();
    });
  });
  receivers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    settled: (count) => (received.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve }))),
  };
}

async function openNotifier(prefix: string, overrides: Partial<WebhookDeliveryQueueOptions> = {}): Promise<WebhookNotifier> {
  const notifier = await openWebhookDeliveryQueue({
    redisUrl: redis.url,
    prefix,
    logger: createSilentLogger(),
    defaultSecret: null,
    sender: { allowPrivate: true, attempts: 3, baseDelayMs: 300, timeoutMs: 2_000 },
    buildJobJson: async (job) => ({ id: job.id, status: job.status, createdAt: new Date(job.createdAtMs).toISOString(), expiresAt: new Date(job.expiresAtMs).toISOString() }),
    ...overrides,
  });
  notifiers.push(notifier);
  return notifier;
}

function finishedJob(url: string, secret: string | null): JobRecord {
  return sampleJob({ status: 'succeeded', finishedAtMs: 1_700_000_100_000, webhook: { url, secret } });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('webhook delivery queue', () => {
  it('delivers once when two processes report one job', async () => {
    const hook = await startReceiver([200]);
    const prefix = `test-${randomUUID()}`;
    const first = await openNotifier(prefix);
    const second = await openNotifier(prefix);
    const job = finishedJob(hook.url, 'hook-secret');

    first.notify(job);
    second.notify(job);
    second.notify(job);
    await hook.settled(1);
    await sleep(1_000);

    expect(hook.received).toHaveLength(1);
    const delivery = hook.received[0]!;
    expect(delivery.headers['fluvie-event-id']).toBe(`${job.id}.succeeded`);
    expect(JSON.parse(delivery.body)).toMatchObject({ type: 'render.succeeded', job: { id: job.id, status: 'succeeded' } });
    expect(verifyWebhookSignature('hook-secret', String(delivery.headers['fluvie-signature']), delivery.body, Math.floor(Date.now() / 1000))).toBe(true);
  });

  it('continues retries after the first process stops', async () => {
    const hook = await startReceiver([500, 200]);
    const prefix = `test-${randomUUID()}`;
    const first = await openNotifier(prefix, { sender: { allowPrivate: true, attempts: 3, baseDelayMs: 1_500, timeoutMs: 2_000 } });
    const job = finishedJob(hook.url, null);

    first.notify(job);
    await hook.settled(1);
    await first.close();
    await sleep(2_000);
    expect(hook.received).toHaveLength(1);

    await openNotifier(prefix);
    await hook.settled(2);
    await sleep(500);

    expect(hook.received).toHaveLength(2);
    expect(hook.received[1]!.headers['fluvie-event-id']).toBe(hook.received[0]!.headers['fluvie-event-id']);
    expect(hook.received[1]!.body).toBe(hook.received[0]!.body);
  });

  it('signs with the delivering process secret and keeps it out of Redis', async () => {
    const hook = await startReceiver([200]);
    const prefix = `test-${randomUUID()}`;
    const notifier = await openNotifier(prefix, { defaultSecret: 'server-secret' });
    const job = finishedJob(hook.url, null);

    notifier.notify(job);
    await hook.settled(1);

    const delivery = hook.received[0]!;
    expect(verifyWebhookSignature('server-secret', String(delivery.headers['fluvie-signature']), delivery.body, Math.floor(Date.now() / 1000))).toBe(true);
    const client = await connectRedis(redis.url);
    const queue = new BullQueue(WEBHOOK_QUEUE_NAME, { connection: client, prefix });
    try {
      const stored = await queue.getJob(`${job.id}.succeeded`);
      expect(stored?.data).toMatchObject({ jobId: job.id, secret: null });
      expect(JSON.stringify(stored?.data)).not.toContain('server-secret');
    } finally {
      await queue.close();
      client.disconnect();
    }
  });

  it('gives up at once on a refused address', async () => {
    const hook = await startReceiver([200]);
    const prefix = `test-${randomUUID()}`;
    const notifier = await openNotifier(prefix, { sender: { allowPrivate: false, attempts: 3, baseDelayMs: 50, timeoutMs: 2_000 } });
    const job = finishedJob(hook.url, null);

    notifier.notify(job);
    const client = await connectRedis(redis.url);
    const queue = new BullQueue(WEBHOOK_QUEUE_NAME, { connection: client, prefix });
    try {
      let state = 'unknown';
      for (let polls = 0; polls < 100 && state !== 'failed'; polls += 1) {
        await sleep(50);
        state = await queue.getJobState(`${job.id}.succeeded`);
      }
      expect(state).toBe('failed');
      expect((await queue.getJob(`${job.id}.succeeded`))?.attemptsMade).toBe(1);
      expect(hook.received).toHaveLength(0);
    } finally {
      await queue.close();
      client.disconnect();
    }
  });
});
