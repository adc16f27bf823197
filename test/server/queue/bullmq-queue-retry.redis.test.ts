/**
 * BullmqQueue with `retryFailedRuns` on a real Redis: a processor error goes back to BullMQ, which
 * runs the job again while it has attempts left, and a canceled run is not retried.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FluvieError, throwIfAborted } from '../../../src/core/errors.js';
import { BullmqQueue } from '../../../src/server/queue/bullmq-queue.js';
import type { JobProcessor } from '../../../src/server/queue/queue.js';
import { startRedis, type RunningRedis } from '../../helpers/redis-server.js';

let redis: RunningRedis;

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await redis?.stop();
});

interface FailedRun {
  jobId: string;
  attemptsMade: number;
  willRetry: boolean;
  message: string;
}

async function openQueue(processor: JobProcessor): Promise<{ queue: BullmqQueue; failedRuns: FailedRun[]; abandoned: string[] }> {
  const failedRuns: FailedRun[] = [];
  const abandoned: string[] = [];
  const queue = await BullmqQueue.open({
    redisUrl: redis.url, name: `retry-${randomUUID()}`, prefix: 'test', processor, concurrency: 1, timeoutMs: 60_000, attempts: 3,
    retryFailedRuns: true,
    onRunFailed: (jobId, error, run) => failedRuns.push({ jobId, ...run, message: error.message }),
    onJobAbandoned: async (jobId) => void abandoned.push(jobId),
  });
  return { queue, failedRuns, abandoned };
}

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('BullmqQueue retryFailedRuns', () => {
  it('retries a failed run', async () => {
    let runs = 0;
    const { queue, failedRuns, abandoned } = await openQueue(async () => {
      runs += 1;
      if (runs < 3) throw new FluvieError('ffmpeg_failed', `run ${runs} failed`);
    });
    try {
      await queue.enqueue('flaky');
      await waitUntil(() => runs === 3, 'the third run');
      await new Promise((resolve) => setTimeout(resolve, 200));

      expect(runs).toBe(3);
      expect(failedRuns).toEqual([
        { jobId: 'flaky', attemptsMade: 1, willRetry: true, message: 'run 1 failed' },
        { jobId: 'flaky', attemptsMade: 2, willRetry: true, message: 'run 2 failed' },
      ]);
      expect(abandoned).toEqual([]);
    } finally {
      await queue.close(0);
    }
  });

  it('gives up after the last attempt', async () => {
    let runs = 0;
    const { queue, failedRuns, abandoned } = await openQueue(async () => {
      runs += 1;
      throw new FluvieError('ffmpeg_failed', 'always fails');
    });
    try {
      await queue.enqueue('broken');
      await waitUntil(() => abandoned.length === 1, 'the job to be given up');

      expect(runs).toBe(3);
      expect(failedRuns.map((run) => run.willRetry)).toEqual([true, true, false]);
      expect(failedRuns.at(-1)?.attemptsMade).toBe(3);
      expect(abandoned).toEqual(['broken']);
    } finally {
      await queue.close(0);
    }
  });

  it('does not retry a canceled run', async () => {
    let runs = 0;
    const { queue, failedRuns } = await openQueue(async (_jobId, signal) => {
      runs += 1;
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      throwIfAborted(signal);
    });
    try {
      await queue.enqueue('stopped');
      await waitUntil(() => runs === 1, 'the first run');
      expect(await queue.cancel('stopped')).toBe('aborted');
      await waitUntil(() => failedRuns.length === 1, 'the failed run');
      await new Promise((resolve) => setTimeout(resolve, 200));

      expect(runs).toBe(1);
      expect(failedRuns[0]).toMatchObject({ jobId: 'stopped', attemptsMade: 1, willRetry: false });
    } finally {
      await queue.close(0);
    }
  });
});
