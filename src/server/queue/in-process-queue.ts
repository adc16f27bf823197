/**
 * {@link Queue} in this process: FIFO, at most `concurrency` jobs at once, and a per-job timeout that
 * aborts the job's signal (the render core kills its processes when the signal fires).
 */
import { FluvieError } from '../../core/errors.js';
import type { CancelOutcome, JobProcessor, Queue, QueueStats } from './queue.js';

export interface InProcessQueueOptions {
  processor: JobProcessor;
  /** Jobs run at once (at least 1). */
  concurrency: number;
  /** Time one job may run, in milliseconds. */
  timeoutMs: number;
  /** Receives errors a processor throws (processors should record failures themselves). */
  onProcessorError?: (jobId: string, error: unknown) => void;
}

interface RunningJob {
  controller: AbortController;
  done: Promise<void>;
}

export class InProcessQueue implements Queue {
  readonly #options: InProcessQueueOptions;
  readonly #pending: string[] = [];
  readonly #running = new Map<string, RunningJob>();
  #closing: Promise<void> | null = null;

  constructor(options: InProcessQueueOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
      throw new FluvieError('config_invalid', `Queue concurrency must be a whole number >= 1, got ${options.concurrency}.`);
    }
    this.#options = options;
  }

  async enqueue(jobId: string): Promise<void> {
    if (this.#closing !== null) throw new FluvieError('unavailable', 'The server is shutting down and takes no new renders; retry in a moment.');
    if (this.#pending.includes(jobId) || this.#running.has(jobId)) return;
    this.#pending.push(jobId);
    this.#pump();
  }

  async cancel(jobId: string): Promise<CancelOutcome> {
    const index = this.#pending.indexOf(jobId);
    if (index >= 0) {
      this.#pending.splice(index, 1);
      return 'removed';
    }
    const running = this.#running.get(jobId);
    if (running === undefined) return 'unknown';
    running.controller.abort(new FluvieError('canceled', 'Render canceled'));
    await running.done;
    return 'aborted';
  }

  stats(): QueueStats {
    return { queued: this.#pending.length, running: this.#running.size };
  }

  close(graceMs: number): Promise<void> {
    this.#closing ??= this.#shutDown(graceMs);
    return this.#closing;
  }

  async #shutDown(graceMs: number): Promise<void> {
    this.#pending.length = 0;
    const all = (): Promise<void[]> => Promise.all([...this.#running.values()].map((job) => job.done));

    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
    const outcome = await Promise.race([all().then(() => 'done' as const), graceOver]);
    clearTimeout(timer);
    if (outcome === 'done') return;

    const reason = new FluvieError('unavailable', `Server shut down before the render finished (waited ${formatSeconds(graceMs)})`);
    for (const job of this.#running.values()) job.controller.abort(reason);
    await all();
  }

  #pump(): void {
    while (this.#closing === null && this.#running.size < this.#options.concurrency) {
      const jobId = this.#pending.shift();
      if (jobId === undefined) return;
      this.#start(jobId);
    }
  }

  #start(jobId: string): void {
    const controller = new AbortController();
    const { timeoutMs } = this.#options;
    const timer = setTimeout(() => controller.abort(new FluvieError('timeout', `Render timed out after ${formatSeconds(timeoutMs)}`)), timeoutMs);

    const done = Promise.resolve()
      .then(() => this.#options.processor(jobId, controller.signal))
      .catch((error: unknown) => this.#options.onProcessorError?.(jobId, error))
      .finally(() => {
        clearTimeout(timer);
        this.#running.delete(jobId);
        this.#pump();
      });
    this.#running.set(jobId, { controller, done });
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}
