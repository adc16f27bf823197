/**
 * The job JSON of `POST /v1/renders` and `GET /v1/renders/{id}`, field for field as the Dart server
 * writes it: `id, status, progress, error, video, poster, code, spec, createdAt, expiresAt` in that
 * order, with null fields left out.
 */
import type { JobProgress, JobRecord, JobStatus } from './job-record.js';

export interface FileLink {
  downloadUrl: string;
  bytes?: number;
  contentType?: string;
  expiresAt?: string;
}

export interface JobJson {
  id: string;
  status: JobStatus;
  progress?: JobProgress;
  error?: string;
  video?: FileLink;
  poster?: FileLink;
  code?: string;
  spec?: unknown;
  createdAt: string;
  expiresAt: string;
}

export interface JobFileLinks {
  video: FileLink | null;
  poster: FileLink | null;
}

/** Builds the job JSON; `links` carries the download links of the files that still exist. */
export function toJobJson(job: JobRecord, links: JobFileLinks): JobJson {
  const json: JobJson = { id: job.id, status: job.status } as JobJson;
  if (job.progress !== null) json.progress = { completed: job.progress.completed, total: job.progress.total };
  if (job.error !== null) json.error = job.error;
  if (links.video !== null) json.video = links.video;
  if (links.poster !== null) json.poster = links.poster;
  if (job.code !== null) json.code = job.code;
  if (job.spec !== null && job.spec !== undefined) json.spec = job.spec;
  json.createdAt = new Date(job.createdAtMs).toISOString();
  json.expiresAt = new Date(job.expiresAtMs).toISOString();
  return json;
}

/**
 * Resolves `v1/files/<id>/<kind>` against `publicBaseUrl` the way a URI reference resolves (a base
 * without a trailing slash loses its last path segment), and appends `?token=` for private files.
 */
export function buildDownloadUrl(publicBaseUrl: string, id: string, kind: string, token: string | null): string {
  const url = new URL(`v1/files/${encodeURIComponent(id)}/${encodeURIComponent(kind)}`, publicBaseUrl);
  if (token !== null) url.searchParams.set('token', token);
  return url.href;
}

/** Content type of each output format, and of the poster. */
export const CONTENT_TYPES = {
  mp4: 'video/mp4',
  gif: 'image/gif',
  transparent: 'video/webm',
  poster: 'image/png',
} as const;

/** File extension of each output format. */
export const FORMAT_EXTENSIONS = { mp4: 'mp4', gif: 'gif', transparent: 'webm' } as const;
