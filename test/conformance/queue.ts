/**
 * Conformance suite of the `Queue` interface. Every implementation runs it through
 * `describeQueueConformance(name, factory)`; the factory builds a queue around the given processor.
 */
import { describe, expect, it } from 'vitest';
import { FluvieError } from '../../src/core/errors.js';
import type { JobProcessor, Queue } from '../../src/server/queue/queue.js';

export interface QueueFactoryOptions {
  processor: JobProcessor;
  concurrency: number;
  timeoutMs: number;
}

export type QueueFactory = (options: QueueFactoryOptions) => Promise<{ queue: Queue; cleanup?: () => Promise<void> }>;

interface Gate {
  promise: Promise<void>;
  open: () => void;
}

function gate(): Gate {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** A processor whose jobs wait for their gate to open or their signal to fire. */
function controllableProcessor() {
  const gates = new Map<string, Gate>();
  const started: string[] = [];
  const finished: string[] = [];
  const reasons = new Map<string, unknown>();
  const startedGates = new Map<string, Gate>();
  const startedGate = (id: string): Gate => {
    let entry = startedGates.get(id);
    if (entry === undefined) startedGates.set(id, (entry = gate()));
    return entry;
  };
  const gateOf = (id: string): Gate => {
    let entry = gates.get(id);
    if (entry === undefined) gates.set(id, (entry = gate()));
    return entry;
  };
  let running = 0;
  let maxRunning = 0;
  const processor: JobProcessor = async (id, signal) => {
    started.push(id);
    running += 1;
    maxRunning = Math.max(maxRunning, running);
    startedGate(id).open();
    try {
      await new Promise<void>((resolve) => {
        gateOf(id).promise.then(resolve);
        signal.addEventListener('abort', () => {
          reasons.set(id, signal.reason);
          resolve();
        });
      });
    } finally {
      running -= 1;
      finished.push(id);
    }
  };
  return {
    processor,
    started,
    finished,
    reasons,
    release: (id: string) => gateOf(id).open(),
    whenStarted: (id: string) => startedGate(id).promise,
    maxRunning: () => maxRunning,
  };
}

async function settle(): Promise<void> {
  for (let index = 0; index < 20; index += 1) await new Promise((resolve) => setImmediate(resolve));
}

export function describeQueueConformance(name: string, create: QueueFactory): void {
  describe(`Queue conformance: ${name}`, () => {
    it('runs jobs in FIFO order', async () => {
      const control = controllableProcessor();
      const { queue, cleanup } = await create({ processor: control.processor, concurrency: 1, timeoutMs: 60_000 });
      for (const id of ['a', 'b', 'c']) await queue.enqueue(id);
      await control.whenStarted('a');
      control.release('a');
      await control.whenStarted('b');
      control.release('b');
      await control.whenStarted('c');
      control.release('c');
      await queue.close(1_000);
      expect(control.started).toEqual(['a', 'b', 'c']);
      await cleanup?.();
    });

    it('respects the concurrency limit', async () => {
      const control = controllableProcessor();
      const { queue, cleanup } = await create({ processor: control.processor, concurrency: 2, timeoutMs: 60_000 });
      for (const id of ['a', 'b', 'c', 'd']) await queue.enqueue(id);
      await control.whenStarted('a');
      await control.whenStarted('b');
      await settle();
      expect(queue.stats()).toEqual({ queued: 2, running: 2 });
      for (const id of ['a', 'b', 'c', 'd']) control.release(id);
      await control.whenStarted('d');
      await queue.close(1_000);
      expect(control.maxRunning()).toBe(2);
      expect(control.finished.sort()).toEqual(['a', 'b', 'c', 'd']);
      await cleanup?.();
    });

    it('does not add a job twice', async () => {
      const control = controllableProcessor();
      const { queue, cleanup } = await create({ processor: control.processor, concurrency: 1, timeoutMs: 60_000 });
      await queue.enqueue('a');
      await queue.enqueue('b');
      await queue.enqueue('a');
      await queue.enqueue('b');
      expect(queue.stats().queued + queue.stats().running).toBe(2);
      control.release('a');
      control.release('b');
      await control.whenStarted('b');
      await queue.close(1_000);
      expect(control.started).toEqual(['a', 'b']);
      await cleanup?.();
    });

    it('removes a canceled queued job', async () => {
      const control = controllableProcessor();
      const { queue, cleanup } = await create({ processor: control.processor, concurrency: 1, timeoutMs: 60_000 });
      await queue.enqueue('a');
      await queue.enqueue('b');
      await control.whenStarted('a');
      expect(await queue.cancel('b')).toBe('removed');
      control.release('a');
      await queue.close(1_000);
      expect(control.started).toEqual(['a']);
      expect(await queue.cancel('zzz')).toBe('unknown');
      await cleanup?.();
    });

    it('aborts a canceled running job', async () => {
      const control = controllableProcessor();
      const { queue, cleanup } = await create({ processor: control.processor, concurrency: 1, timeoutMs: 60_000 });
      await queue.enqueue('a');
      await control.whenStarted('a');
      expect(await queue.cancel('a')).toBe('aborted');
      // cancel resolves only after the processor returned.
      expect(control.finished).toEqual(['a']);
      expect(control.reasons.get('a')).toMatchObject({ code: 'canceled' });
      await queue.close(1_000);
      await cleanup?.();
    });

    it('aborts a job that runs past the timeout', async () => {
      const control = controllableProcessor();
      const { queue, cleanup } = await create({ processor: control.processor, concurrency: 1, timeoutMs: 50 });
      await queue.enqueue('slow');
      await queue.enqueue('next');
      await control.whenStarted('next');
      const reason = control.reasons.get('slow');
      expect(reason).toBeInstanceOf(FluvieError);
      expect(reason).toMatchObject({ code: 'timeout' });
      expect((reason as Error).message).toMatch(/timed out after/);
      control.release('next');
      await queue.close(1_000);
      await cleanup?.();
    });

    it('lets running jobs finish within the grace period on close', async () => {
      const control = controllableProcessor();
      const { queue, cleanup } = await create({ processor: control.processor, concurrency: 1, timeoutMs: 60_000 });
      await queue.enqueue('a');
      await queue.enqueue('b');
      await control.whenStarted('a');
      const closed = queue.close(60_000);
      control.release('a');
      await closed;
      expect(control.reasons.has('a')).toBe(false);
      expect(control.started).toEqual(['a']);
      await expect(queue.enqueue('c')).rejects.toMatchObject({ code: 'unavailable' });
      await cleanup?.();
    });

    it('aborts running jobs after the grace period', async () => {
      const control = controllableProcessor();
      const { queue, cleanup } = await create({ processor: control.processor, concurrency: 1, timeoutMs: 60_000 });
      await queue.enqueue('a');
      await control.whenStarted('a');
      await queue.close(20);
      expect(control.finished).toEqual(['a']);
      expect(control.reasons.get('a')).toMatchObject({ code: 'unavailable' });
      await expect(queue.close(20)).resolves.toBeUndefined();
      await cleanup?.();
    });

    it('keeps going after a processor throws', async () => {
      const second = gate();
      const { queue, cleanup } = await create({
        processor: async (id) => {
          if (id === 'a') throw new Error('processor failure');
          second.open();
        },
        concurrency: 1,
        timeoutMs: 60_000,
      });
      await queue.enqueue('a');
      await queue.enqueue('b');
      await second.promise;
      await queue.close(5_000);
      expect(queue.stats()).toEqual({ queued: 0, running: 0 });
      await cleanup?.();
    });
  });
}
