/**
 * Change notification of job records, so `GET /v1/renders/{id}/events` wakes up when a job changes
 * instead of reading the store in a loop. A notification carries only the job id: the stream reads
 * the current record itself, so notifications may be merged or arrive late without losing a state.
 */

export interface JobEvents {
  /** Calls `listener` after each stored change of job `jobId`; returns the function that removes it. */
  subscribe(jobId: string, listener: () => void): () => void;
  /** Fires when the server shuts down, so open streams end and the HTTP server can close. */
  readonly closed?: AbortSignal;
}

export interface JobEventHubOptions {
  /**
   * Also wakes every listener at this interval in milliseconds, for job stores that other processes
   * change too (a shared Redis store). Default: no polling.
   */
  pollMs?: number;
}

/** {@link JobEvents} fed by this process: each writer of a job record calls `publish` with its id. */
export class JobEventHub implements JobEvents {
  readonly #listeners = new Map<string, Set<() => void>>();
  readonly #closing = new AbortController();
  readonly #pollMs: number | null;

  constructor(options: JobEventHubOptions = {}) {
    this.#pollMs = options.pollMs ?? null;
  }

  get closed(): AbortSignal {
    return this.#closing.signal;
  }

  /** Ends every stream that follows a job through this hub. Idempotent. */
  close(): void {
    this.#closing.abort();
  }

  publish(jobId: string): void {
    const listeners = this.#listeners.get(jobId);
    if (listeners === undefined) return;
    for (const listener of [...listeners]) listener();
  }

  subscribe(jobId: string, listener: () => void): () => void {
    let listeners = this.#listeners.get(jobId);
    if (listeners === undefined) {
      listeners = new Set();
      this.#listeners.set(jobId, listeners);
    }
    listeners.add(listener);
    const timer = this.#pollMs === null ? null : setInterval(listener, this.#pollMs);

    return () => {
      if (timer !== null) clearInterval(timer);
      listeners.delete(listener);
      if (listeners.size === 0 && this.#listeners.get(jobId) === listeners) this.#listeners.delete(jobId);
    };
  }

  /** Number of listeners of one job, or of every job when `jobId` is left out. */
  listenerCount(jobId?: string): number {
    if (jobId !== undefined) return this.#listeners.get(jobId)?.size ?? 0;
    let count = 0;
    for (const listeners of this.#listeners.values()) count += listeners.size;
    return count;
  }
}

/**
 * {@link JobEvents} that wakes each listener every `intervalMs` milliseconds. It needs no cooperation
 * from the job store, so it also sees changes made by other processes sharing the store.
 */
export function createPollingJobEvents(intervalMs: number): JobEvents {
  return {
    subscribe(_jobId, listener) {
      const timer = setInterval(listener, intervalMs);
      return () => clearInterval(timer);
    },
  };
}
