/** Builds the job JSON of a stored job, with signed download links for the files that still exist. */
import { FluvieError } from '../../core/errors.js';
import { signToken } from '../auth/signed-token.js';
import type { JobRecord } from '../jobs/job-record.js';
import { buildDownloadUrl, toJobJson, type FileLink, type JobJson } from '../jobs/job-view.js';
import type { Storage } from '../storage/storage.js';

export interface JobResponseDeps {
  storage: Storage;
  publicBaseUrl: string;
  signingKey: Buffer;
}

/**
 * Returns the job JSON.
 * @throws FluvieError `gone` when the job succeeded but its video is no longer in storage.
 */
export async function buildJobJson(job: JobRecord, deps: JobResponseDeps): Promise<JobJson> {
  if (job.status !== 'succeeded') return toJobJson(job, { video: null, poster: null });

  const video = job.videoKey === null ? null : await fileLink(job, 'video', job.videoKey, deps);
  if (video === null) throw new FluvieError('gone', 'The rendered files have expired');
  const poster = job.posterKey === null ? null : await fileLink(job, 'poster', job.posterKey, deps);
  return toJobJson(job, { video, poster });
}

async function fileLink(job: JobRecord, kind: 'video' | 'poster', key: string, deps: JobResponseDeps): Promise<FileLink | null> {
  const object = await deps.storage.stat(key);
  if (object === null) return null;
  const token = job.visibility === 'private' ? signToken({ id: job.id, kind, expiresAtMs: job.expiresAtMs }, deps.signingKey) : null;
  return {
    downloadUrl: buildDownloadUrl(deps.publicBaseUrl, job.id, kind, token),
    bytes: object.bytes,
    contentType: object.contentType,
    expiresAt: new Date(job.expiresAtMs).toISOString(),
  };
}
