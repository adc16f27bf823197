/**
 * Tombstones of swept jobs. When the retention sweep deletes the files of a succeeded job, it keeps
 * a trimmed record with `sweptAtMs` set instead of deleting the record, so `GET /v1/renders/{id}`
 * returns 410 `gone` ("The rendered files have expired") rather than 404 `No such job`. The file
 * keys stay in the tombstone, so `GET /v1/files/{id}/{kind}` finds no object and returns 410 too.
 * A later sweep deletes the tombstone once it is older than JOB_TOMBSTONE_TTL; from then on the id
 * is unknown (404).
 */
import type { JobRecord } from './job-record.js';

export function isTombstone(job: JobRecord): boolean {
  return job.sweptAtMs !== undefined;
}

/**
 * Returns the tombstone of a succeeded job whose files the sweep deleted at `nowMs`. The
 * AI-authored spec and code are dropped because no response shows them any more. The
 * `Idempotency-Key` is released, because keys expire with their job.
 */
export function toTombstone(job: JobRecord, nowMs: number): JobRecord {
  return { ...job, code: null, spec: null, idempotencyKey: null, requestHash: null, sweptAtMs: nowMs };
}

/** Returns whether a tombstone is old enough to delete: `ttlMs` has passed since its sweep. */
export function isTombstoneExpired(job: JobRecord, nowMs: number, ttlMs: number): boolean {
  return job.sweptAtMs !== undefined && job.sweptAtMs + ttlMs <= nowMs;
}
