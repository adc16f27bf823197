/**
 * The `Queue` seam: runs render jobs by id with bounded concurrency. The in-process queue runs them in
 * this process; a shared queue (Redis) can plug in behind the same interface. Every implementation
 * must pass the suite in `test/conformance/queue.ts`.
 */

/**
 * Runs one job to a terminal state. `signal` fires on cancel, timeout or shutdown; its `reason` is a
 * FluvieError whose code names the cause (`canceled`, `timeout`, `unavailable`).
 */
export type JobProcessor = (jobId: string, signal: AbortSignal) => Promise<void>;

export type CancelOutcome =
  /** The job was waiting and will never start. */
  | 'removed'
  /** The job was running; its render was aborted and has stopped. */
  | 'aborted'
  /** The queue does not hold the job. */
  | 'unknown';

export interface QueueStats {
  queued: number;
  running: number;
}

export interface Queue {
  /** Adds a job at the back of the queue; a job already queued or running is not added twice. */
  enqueue(jobId: string): Promise<void>;
  /** Cancels a queued or running job; resolves once a running job's processor has returned. */
  cancel(jobId: string): Promise<CancelOutcome>;
  stats(): QueueStats;
  /**
   * Stops taking jobs, drops the waiting ones (they stay queued in the job store), lets running jobs
   * finish for up to `graceMs`, then aborts them. Idempotent.
   */
  close(graceMs: number): Promise<void>;
}
