/**
 * The `JobStore` seam: where job records live. The file store keeps one JSON file per job; a shared
 * store (Redis) can plug in behind the same interface. Every implementation must pass the suite in
 * `test/conformance/job-store.ts`.
 */
import type { JobRecord } from './job-record.js';

/** Returns the new record, or null to leave the stored one unchanged. */
export type JobMutation = (current: JobRecord) => JobRecord | null;

export interface JobStore {
  /** Stores a new job. Throws when a job with the same id exists. */
  create(job: JobRecord): Promise<void>;
  /**
   * Returns the job, or null. Callers must not change the returned record, because a store may
   * share it between callers: the file store returns a frozen object.
   */
  get(id: string): Promise<JobRecord | null>;
  /**
   * Applies `mutate` to the current record and stores the result. Updates of one job are applied
   * one at a time, so concurrent updates are never lost. Returns the stored record, or null when the
   * job does not exist.
   */
  update(id: string, mutate: JobMutation): Promise<JobRecord | null>;
  /** Deletes the job; returns whether it existed. */
  delete(id: string): Promise<boolean>;
  /** Returns every job (in no particular order); the records are read-only, as for `get`. */
  list(): Promise<JobRecord[]>;
  /** Returns the job created with this `Idempotency-Key`, or null. */
  findByIdempotencyKey(key: string): Promise<JobRecord | null>;
}
