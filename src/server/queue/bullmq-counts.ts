/**
 * The `stats()` numbers of the BullMQ queue. `Queue.stats()` is synchronous and Redis is not, so
 * the queue keeps a snapshot: it adjusts the numbers at once for what this process observes (a job
 * added, started or finished here) and replaces them with Redis's counts after each change and
 * on a timer. A Redis answer is dropped when a local change happened after the request was sent,
 * because the answer would then be older than the numbers it replaces.
 */
import type { QueueStats } from './queue.js';

export type FetchCounts = () => Promise<QueueStats>;

export class BullmqCounts {
  readonly #fetch: FetchCounts;
  #stats: QueueStats = { queued: 0, running: 0 };
  #version = 0;

  constructor(fetch: FetchCounts) {
    this.#fetch = fetch;
  }

  get stats(): QueueStats {
    return { ...this.#stats };
  }

  /** Applies a change seen in this process, then fetches the real numbers from Redis. */
  adjust(queued: number, running: number): void {
    this.#version += 1;
    this.#stats = { queued: Math.max(0, this.#stats.queued + queued), running: Math.max(0, this.#stats.running + running) };
    void this.refresh();
  }

  /** Replaces the snapshot with Redis's counts unless a local change came in meanwhile. Never rejects. */
  async refresh(): Promise<void> {
    const version = this.#version;
    const counts = await this.#fetch().catch(() => null);
    if (counts !== null && version === this.#version) this.#stats = counts;
  }
}
