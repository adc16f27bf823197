/**
 * {@link Queue} on Redis with BullMQ, shared by every API replica and worker process. The BullMQ job
 * id is the render job id, so a job is queued once. A queue built with a processor also runs a
 * BullMQ worker: BullMQ's lock gives each job to one worker at a time, and its stalled-job check
 * hands the job of a worker that died (lock not renewed) to another worker. A job gets at most
 * `attempts` runs in all. Cancels reach the worker that runs the job through {@link CancelChannel}.
 */
import { Queue as BullQueue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { FluvieError } from '../../core/errors.js';
import { createCancelChannel, type CancelChannel } from '../redis/cancel-channel.js';
import { connectRedis } from '../redis/redis-connection.js';
import { BullmqCounts } from './bullmq-counts.js';
import type { CancelOutcome, JobProcessor, Queue, QueueStats } from './queue.js';

export interface BullmqQueueOptions {
  redisUrl: string;
  /** BullMQ queue name; every process of one deployment uses the same name. */
  name: string;
  /** Prefix of BullMQ's keys and of the cancel channel, such as `fluvie`. */
  prefix: string;
  /** Runs jobs in this process; null makes a queue that only adds and cancels jobs (an API without workers). */
  processor: JobProcessor | null;
  /** Jobs this process runs at once (at least 1). */
  concurrency: number;
  /** Time one job may run, in milliseconds. */
  timeoutMs: number;
  /** Runs of one job, counting runs lost with a stopped worker and runs handed back at shutdown (at least 1). */
  attempts: number;
  /** Time a worker's job lock lasts without renewal, in milliseconds (BullMQ default 30 000). */
  lockDurationMs?: number;
  /** Time between stalled-job checks, in milliseconds (BullMQ default 30 000). */
  stalledIntervalMs?: number;
  /** Receives errors a processor throws (processors should record failures themselves). */
  onProcessorError?: (jobId: string, error: unknown) => void;
  /**
   * Hands an error the processor throws on to BullMQ, which runs the job again while it has
   * attempts left, after the backoff set on the job. A run aborted by a cancel is not retried.
   * Without this option a job whose processor throws counts as completed.
   */
  retryFailedRuns?: boolean;
  /** Called after each failed run, with the runs made so far and whether BullMQ runs the job again. */
  onRunFailed?: (jobId: string, error: Error, run: { attemptsMade: number; willRetry: boolean }) => void;
  /** Called when BullMQ gives a job up without a run recording it: its workers stopped `attempts` times. */
  onJobAbandoned?: (jobId: string, reason: string) => Promise<void>;
  /** Receives Redis connection errors (they repeat while Redis is down). */
  onConnectionError?: (error: Error) => void;
}

interface RunningJob {
  controller: AbortController;
  done: Promise<void>;
}

/** Thrown to BullMQ for a job aborted by shutdown, so BullMQ queues it again for another worker. */
class HandedBackError extends Error {
  override readonly name = 'HandedBackError';
}

const CANCEL_POLL_MS = 25;
const COUNTS_REFRESH_MS = 2_000;

export class BullmqQueue implements Queue {
  readonly #options: BullmqQueueOptions;
  readonly #client: Redis;
  readonly #queue: BullQueue;
  readonly #cancels: CancelChannel;
  readonly #counts: BullmqCounts;
  readonly #running = new Map<string, RunningJob>();
  readonly #refreshTimer: NodeJS.Timeout;
  #worker: Worker | null = null;
  #workerClient: Redis | null = null;
  #closing: Promise<void> | null = null;

  /** Connects to Redis (a clear `unavailable` error when it does not reply) and starts the worker, if any. */
  static async open(options: BullmqQueueOptions): Promise<BullmqQueue> {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
      throw new FluvieError('config_invalid', `Queue concurrency must be a whole number >= 1, got ${options.concurrency}.`);
    }
    if (!Number.isInteger(options.attempts) || options.attempts < 1) {
      throw new FluvieError('config_invalid', `RENDER_ATTEMPTS must be a whole number >= 1, got ${options.attempts}.`);
    }
    const client = await connectRedis(options.redisUrl);
    const queue = new BullmqQueue(options, client);
    await queue.#start();
    return queue;
  }

  private constructor(options: BullmqQueueOptions, client: Redis) {
    this.#options = options;
    this.#client = client;
    this.#queue = new BullQueue(options.name, { connection: client, prefix: options.prefix });
    this.#queue.on('error', (error) => options.onConnectionError?.(error));
    this.#cancels = createCancelChannel(client, `${options.prefix}:${options.name}:`);
    this.#counts = new BullmqCounts(async () => {
      const counts = await this.#queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return { queued: (counts['waiting'] ?? 0) + (counts['delayed'] ?? 0) + (counts['prioritized'] ?? 0), running: counts['active'] ?? 0 };
    });
    this.#refreshTimer = setInterval(() => void this.#counts.refresh(), COUNTS_REFRESH_MS).unref();
  }

  async #start(): Promise<void> {
    await this.#counts.refresh();
    const { processor } = this.#options;
    if (processor === null) return;

    await this.#cancels.subscribe((jobId) => this.#running.get(jobId)?.controller.abort(new FluvieError('canceled', 'Render canceled')));
    // BullMQ does not close a connection it was given, so #shutDown disconnects this one.
    this.#workerClient = this.#client.duplicate();
    const worker = new Worker(this.#options.name, (job: Job) => this.#run(job, processor), {
      connection: this.#workerClient,
      prefix: this.#options.prefix,
      concurrency: this.#options.concurrency,
      // A job runs at most `attempts` times: the first run plus `attempts - 1` runs after stalls.
      maxStalledCount: this.#options.attempts - 1,
      ...(this.#options.lockDurationMs === undefined ? {} : { lockDuration: this.#options.lockDurationMs }),
      ...(this.#options.stalledIntervalMs === undefined ? {} : { stalledInterval: this.#options.stalledIntervalMs }),
    });
    worker.on('error', (error) => this.#options.onConnectionError?.(error));
    // Counted when BullMQ has moved the job on, so a refresh right after reads the same numbers.
    worker.on('completed', () => this.#counts.adjust(0, -1));
    worker.on('failed', (job, error) => {
      this.#counts.adjust(0, -1);
      void this.#onFailed(job, error);
    });
    this.#worker = worker;
  }

  async enqueue(jobId: string): Promise<void> {
    if (this.#closing !== null) throw new FluvieError('unavailable', 'The server is shutting down and takes no new renders; retry in a moment.');
    const known = (await this.#queue.getJobState(jobId)) !== 'unknown';
    await this.#cancels.clear(jobId);
    await this.#queue.add('render', {}, { jobId, attempts: this.#options.attempts, removeOnComplete: true, removeOnFail: true });
    if (!known) this.#counts.adjust(1, 0);
  }

  async cancel(jobId: string): Promise<CancelOutcome> {
    // A closed queue runs no jobs of its own; the jobs stay in Redis for other processes.
    if (this.#closing !== null) return 'unknown';
    const state = await this.#queue.getJobState(jobId);
    if (state === 'unknown' || state === 'completed' || state === 'failed') return 'unknown';
    if (state !== 'active' && (await this.#queue.remove(jobId)) === 1) {
      this.#counts.adjust(-1, 0);
      return 'removed';
    }

    await this.#cancels.request(jobId);
    await this.#running.get(jobId)?.done;
    await this.#waitUntilGone(jobId);
    return 'aborted';
  }

  stats(): QueueStats {
    return this.#counts.stats;
  }

  close(graceMs: number): Promise<void> {
    this.#closing ??= this.#shutDown(graceMs);
    return this.#closing;
  }

  async #run(job: Job, processor: JobProcessor): Promise<void> {
    const jobId = job.id ?? '';
    const controller = new AbortController();
    const { timeoutMs } = this.#options;
    const timer = setTimeout(() => controller.abort(new FluvieError('timeout', `Render timed out after ${formatSeconds(timeoutMs)}`)), timeoutMs);
    let finish = (): void => undefined;
    this.#running.set(jobId, { controller, done: new Promise<void>((resolve) => (finish = resolve)) });
    this.#counts.adjust(-1, 1);

    let failure: unknown = null;
    try {
      if (await this.#cancels.isRequested(jobId)) controller.abort(new FluvieError('canceled', 'Render canceled'));
      await processor(jobId, controller.signal);
    } catch (error: unknown) {
      this.#options.onProcessorError?.(jobId, error);
      failure = error;
    } finally {
      clearTimeout(timer);
      this.#running.delete(jobId);
      finish();
    }
    const reason: unknown = controller.signal.reason;
    if (controller.signal.aborted && reason instanceof FluvieError && reason.code === 'unavailable') {
      throw new HandedBackError(`Worker shut down during the run: ${reason.message}`);
    }
    if (failure === null || this.#options.retryFailedRuns !== true) return;
    const message = failure instanceof Error ? failure.message : String(failure);
    if (controller.signal.aborted && reason instanceof FluvieError && reason.code === 'canceled') throw new UnrecoverableError(message);
    throw failure instanceof Error ? failure : new Error(message);
  }

  async #onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (job?.id === undefined) return;
    // BullMQ runs a job again after a failed run while it has attempts left, except after an UnrecoverableError.
    const willRetry = job.attemptsMade < (job.opts.attempts ?? 1) && !(error instanceof UnrecoverableError);
    this.#options.onRunFailed?.(job.id, error, { attemptsMade: job.attemptsMade, willRetry });
    if (error instanceof HandedBackError && job.attemptsMade < this.#options.attempts) return;
    if (this.#options.retryFailedRuns === true && willRetry) return;
    const reason = error instanceof HandedBackError
      ? `Render handed back by stopping workers ${job.attemptsMade} times (RENDER_ATTEMPTS=${this.#options.attempts})`
      : `Render worker stopped mid-render too often (RENDER_ATTEMPTS=${this.#options.attempts}): ${error.message}`;
    await this.#options.onJobAbandoned?.(job.id, reason);
  }

  /** Waits until BullMQ no longer runs or queues the job (a worker may pick it up again after its holder died). */
  async #waitUntilGone(jobId: string): Promise<void> {
    const lockMs = this.#options.lockDurationMs ?? 30_000;
    const deadline = Date.now() + 2 * lockMs + (this.#options.stalledIntervalMs ?? 30_000);
    while (Date.now() < deadline) {
      const state = await this.#queue.getJobState(jobId);
      if (state === 'unknown' || state === 'completed' || state === 'failed') return;
      await new Promise((resolve) => setTimeout(resolve, CANCEL_POLL_MS));
    }
  }

  async #shutDown(graceMs: number): Promise<void> {
    clearInterval(this.#refreshTimer);
    const worker = this.#worker;
    if (worker !== null) {
      // close() stops fetching jobs and resolves once the running ones finished.
      const closed = worker.close();
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
      const outcome = await Promise.race([closed.then(() => 'done' as const), graceOver]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        const reason = new FluvieError('unavailable', `Worker shut down before the render finished (waited ${formatSeconds(graceMs)})`);
        for (const job of this.#running.values()) job.controller.abort(reason);
      }
      await closed;
    }
    await this.#cancels.close();
    await this.#queue.close();
    this.#workerClient?.disconnect();
    this.#client.disconnect();
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}
