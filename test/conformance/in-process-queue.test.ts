import { describe, expect, it } from 'vitest';
import { InProcessQueue } from '../../src/server/queue/in-process-queue.js';
import { describeQueueConformance } from './queue.js';

describeQueueConformance('InProcessQueue', async (options) => ({ queue: new InProcessQueue(options) }));

describe('InProcessQueue', () => {
  it('rejects a concurrency below 1', () => {
    expect(() => new InProcessQueue({ processor: async () => undefined, concurrency: 0, timeoutMs: 1 })).toThrow(/concurrency/);
  });

  it('reports processor errors', async () => {
    const errors: string[] = [];
    const queue = new InProcessQueue({
      processor: async () => {
        throw new Error('boom');
      },
      concurrency: 1,
      timeoutMs: 60_000,
      onProcessorError: (jobId, error) => errors.push(`${jobId}: ${(error as Error).message}`),
    });
    await queue.enqueue('a');
    await queue.close(1_000);
    expect(errors).toEqual(['a: boom']);
  });
});
