/**
 * The stored form of a render job. The fields of the Dart server's record are kept (times as epoch
 * milliseconds, nulls kept), plus what this server needs to run, re-queue and deduplicate a job.
 */
import type { Aspect, Quality } from '../../core/pipeline/render-request.js';
import type { Visibility } from '../storage/storage.js';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
export type JobKind = 'key' | 'spec' | 'prompt' | 'edit' | 'code';
/** Output formats accepted over HTTP (`imageSequence` writes many files and is rejected). */
export type HttpOutputFormat = 'mp4' | 'gif' | 'transparent';

export const TERMINAL_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'canceled'];

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/**
 * What the job renders. Prompt and edit inputs are authored into a spec inside the job, with the
 * provider resolved when the request was admitted.
 */
export type JobInput =
  | { kind: 'spec'; spec: unknown }
  | { kind: 'key'; key: string }
  | { kind: 'prompt'; prompt: string; provider: string }
  | { kind: 'edit'; base: unknown; change: string; provider: string };

export interface JobRenderOptions {
  format: HttpOutputFormat;
  aspect: Aspect | null;
  /** Null means the server default. */
  quality: Quality | null;
  /** Poster time in the VideoSpec time grammar, or null for no poster. */
  poster: string | null;
}

export interface JobProgress {
  completed: number;
  total: number;
}

export interface WebhookTarget {
  url: string;
  secret: string | null;
}

export interface JobRecord {
  id: string;
  kind: JobKind;
  status: JobStatus;
  visibility: Visibility;
  createdAtMs: number;
  expiresAtMs: number;
  startedAtMs: number | null;
  finishedAtMs: number | null;
  progress: JobProgress | null;
  videoKey: string | null;
  posterKey: string | null;
  /** Printed Dart of an AI-authored spec; reserved for prompt and edit renders. */
  code: string | null;
  /** AI-authored VideoSpec; reserved for prompt and edit renders. */
  spec: unknown;
  error: string | null;
  input: JobInput;
  options: JobRenderOptions;
  /** `Idempotency-Key` header of the creating request, with a hash of its body. */
  idempotencyKey: string | null;
  requestHash: string | null;
  webhook: WebhookTarget | null;
  /**
   * Time the retention sweep deleted the files of this succeeded job, in epoch milliseconds. A
   * record with this field is a tombstone (see job-tombstone.ts). Absent on every other record,
   * including records written before tombstones existed.
   */
  sweptAtMs?: number;
}
