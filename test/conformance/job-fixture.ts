/** A valid job record for conformance tests. */
import { newJobId } from '../../src/server/jobs/job-id.js';
import type { JobRecord } from '../../src/server/jobs/job-record.js';

export function sampleJob(overrides: Partial<JobRecord> = {}): JobRecord {
  return {
    id: newJobId(),
    kind: 'spec',
    status: 'queued',
    visibility: 'private',
    createdAtMs: 1_700_000_000_000,
    expiresAtMs: 1_700_086_400_000,
    startedAtMs: null,
    finishedAtMs: null,
    progress: null,
    videoKey: null,
    posterKey: null,
    code: null,
    spec: null,
    error: null,
    input: { kind: 'spec', spec: { scenes: [{ duration: '1s' }] } },
    options: { format: 'mp4', aspect: null, quality: null, poster: null },
    idempotencyKey: null,
    requestHash: null,
    webhook: null,
    ...overrides,
  };
}
