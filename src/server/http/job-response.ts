/** Builds the job JSON of a stored job, with signed download links for the files that still exist. */
import { FluvieError } from '../../core/errors.js';
import { signToken } from '../auth/signed-token.js';
import type { Clock } from '../clock.js';
import type { JobRecord } from '../jobs/job-record.js';
import { isTombstone } from '../jobs/job-tombstone.js';
import { buildDownloadUrl, toJobJson, type FileLink, type JobJson } from '../jobs/job-view.js';
import type { Storage } from '../storage/storage.js';
import type { FileLinkCache } from './file-link-cache.js';

export interface JobResponseDeps {
  storage: Storage;
  publicBaseUrl: string;
  signingKey: Buffer;
  /** Skips the storage lookups of recently seen succeeded jobs; used together with `clock`. */
  fileLinkCache?: FileLinkCache;
  clock?: Clock;
}

/**
 * Returns the job JSON.
 * @throws FluvieError `gone` when the job succeeded but its video is no longer in storage.
 */
export async function buildJobJson(job: JobRecord, deps: JobResponseDeps): Promise<JobJson> {
  if (job.status !== 'succeeded') return toJobJson(job, { video: null, poster: null });

  const { fileLinkCache, clock } = deps;
  if (fileLinkCache === undefined || clock === undefined || isTombstone(job)) return toJobJson(job, await lookUpLinks(job, deps));
  const cached = fileLinkCache.get(job, clock.now());
  if (cached !== null) return toJobJson(job, cached);
  const links = await lookUpLinks(job, deps);
  fileLinkCache.set(job, links, clock.now());
  return toJobJson(job, links);
}

/** @throws FluvieError `gone` when the video is no longer in storage. */
async function lookUpLinks(job: JobRecord, deps: JobResponseDeps): Promise<{ video: FileLink; poster: FileLink | null }> {
  const video = job.videoKey === null ? null : await fileLink(job, 'video', job.videoKey, deps);
  if (video === null) throw new FluvieError('gone', 'The rendered files have expired');
  const poster = job.posterKey === null ? null : await fileLink(job, 'poster', job.posterKey, deps);
  return { video, poster };
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
