/**
 * Carries cancel requests from the process that received `DELETE` to the worker that runs the job.
 * A request is published on the pub/sub channel `<prefix>cancel`, so a worker that holds the job
 * aborts it at once, and it is also kept as the key `<prefix>canceled:<id>` for a day, so a worker
 * that picks the job up later (after its first worker died) starts it already canceled.
 */
import type { Redis } from 'ioredis';

/** How long a cancel request is remembered, in seconds. */
const MARKER_TTL_SECONDS = 86_400;

export interface CancelChannel {
  /** Records the request and publishes it to every subscribed worker. */
  request(jobId: string): Promise<void>;
  /** Whether the job was canceled by a request. */
  isRequested(jobId: string): Promise<boolean>;
  /** Forgets a request (used when a job id is queued again). */
  clear(jobId: string): Promise<void>;
  /** Calls `onCancel` with the id of every request published from now on. */
  subscribe(onCancel: (jobId: string) => void): Promise<void>;
  close(): Promise<void>;
}

export function createCancelChannel(client: Redis, prefix: string): CancelChannel {
  const channel = `${prefix}cancel`;
  const markerKey = (jobId: string): string => `${prefix}canceled:${jobId}`;
  let subscriber: Redis | null = null;

  return {
    async request(jobId) {
      await client.set(markerKey(jobId), '1', 'EX', MARKER_TTL_SECONDS);
      await client.publish(channel, jobId);
    },
    async isRequested(jobId) {
      return (await client.exists(markerKey(jobId))) === 1;
    },
    async clear(jobId) {
      await client.del(markerKey(jobId));
    },
    async subscribe(onCancel) {
      // A connection in subscriber mode runs no other commands, so it gets its own.
      subscriber ??= client.duplicate();
      subscriber.on('error', () => undefined);
      subscriber.on('message', (from: string, jobId: string) => {
        if (from === channel) onCancel(jobId);
      });
      await subscriber.subscribe(channel);
    },
    async close() {
      subscriber?.disconnect();
      subscriber = null;
    },
  };
}
