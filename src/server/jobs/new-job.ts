/** Builds the record of a newly accepted render request. */
import type { RenderSubmission } from '../requests/render-body.js';
import type { JobInput, JobRecord, WebhookTarget } from './job-record.js';

export interface NewJobContext {
  id: string;
  nowMs: number;
  publicByDefault: boolean;
  fileTtlMs: number;
  idempotencyKey: string | null;
  requestHash: string | null;
  /** Server-wide webhook used when the request names none. */
  defaultWebhook: WebhookTarget | null;
}

/** Returns the queued record of an admitted request; `input` is what `admitRender` returned. */
export function newJobRecord(submission: RenderSubmission, input: JobInput, context: NewJobContext): JobRecord {
  const visibility = submission.visibility ?? (context.publicByDefault ? 'public' : 'private');
  return {
    id: context.id,
    kind: submission.input.kind,
    status: 'queued',
    visibility,
    createdAtMs: context.nowMs,
    expiresAtMs: context.nowMs + (submission.ttlMs ?? context.fileTtlMs),
    startedAtMs: null,
    finishedAtMs: null,
    progress: null,
    videoKey: null,
    posterKey: null,
    code: null,
    spec: null,
    error: null,
    input,
    options: submission.options,
    idempotencyKey: context.idempotencyKey,
    requestHash: context.requestHash,
    webhook: submission.webhook ?? context.defaultWebhook,
  };
}
