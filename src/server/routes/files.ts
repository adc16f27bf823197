/**
 * `GET /v1/files/{id}/{kind}`: streams a job's video or poster, with HTTP Range support (206) so
 * browsers can seek. Private files need `?token=<signed token>` for this id and kind, or the API
 * bearer token; public files need nothing.
 */
import { Readable } from 'node:stream';
import type { Hono } from 'hono';
import { FluvieError } from '../../core/errors.js';
import type { AppEnv } from '../app-deps.js';
import { hasBearer } from '../auth/bearer.js';
import { verifyToken } from '../auth/signed-token.js';
import { parseRangeHeader } from '../http/http-range.js';
import { isJobId } from '../jobs/job-id.js';
import type { JobRecord } from '../jobs/job-record.js';
import type { RouteContext } from './route-context.js';

const FILE_KINDS = ['video', 'poster'] as const;
type FileKind = (typeof FILE_KINDS)[number];

export function registerFileRoutes(app: Hono<AppEnv>, context: RouteContext): void {
  app.get('/v1/files/:id/:kind', async (c) => {
    const kind = FILE_KINDS.find((candidate) => candidate === c.req.param('kind'));
    if (kind === undefined) throw new FluvieError('not_found', `Not found: the file kind must be ${FILE_KINDS.join(' or ')}, got ${JSON.stringify(c.req.param('kind'))}.`);
    const id = c.req.param('id');
    const job = isJobId(id) ? await context.jobs.get(id) : null;
    if (job === null) throw new FluvieError('not_found', 'No such job');
    const key = kind === 'video' ? job.videoKey : job.posterKey;
    if (key === null) throw new FluvieError('not_found', 'No such file');
    if (job.visibility === 'private' && !isAuthorized(job, kind, c.req.header('authorization'), c.req.query('token'), context)) {
      throw new FluvieError('unauthorized', 'Unauthorized: this file is private; use the signed downloadUrl from the job JSON or send "Authorization: Bearer <API_TOKEN>".');
    }

    const object = await context.storage.stat(key);
    if (object === null) throw new FluvieError('gone', 'The file has expired');
    const redirect = await context.storage.downloadRedirect(object, context.config.downloadUrlTtlMs);
    if (redirect !== null) return c.redirect(redirect, 302);

    const range = parseRangeHeader(c.req.header('range'), object.bytes);
    if (range.kind === 'unsatisfiable') {
      return c.body(null, 416, { 'content-range': `bytes */${object.bytes}`, 'accept-ranges': 'bytes' });
    }
    const body = await context.storage.openRead(key, range.kind === 'partial' ? { start: range.start, end: range.end } : null);
    if (body === null) throw new FluvieError('gone', 'The file has expired');

    const headers: Record<string, string> = {
      'content-type': object.contentType,
      'accept-ranges': 'bytes',
      'cache-control': job.visibility === 'public' ? 'public, max-age=3600' : 'private, no-store',
      'last-modified': new Date(object.createdAtMs).toUTCString(),
    };
    if (body.range === null) {
      headers['content-length'] = String(object.bytes);
      return new Response(Readable.toWeb(body.stream) as ReadableStream, { status: 200, headers });
    }
    headers['content-length'] = String(body.range.end - body.range.start + 1);
    headers['content-range'] = `bytes ${body.range.start}-${body.range.end}/${object.bytes}`;
    return new Response(Readable.toWeb(body.stream) as ReadableStream, { status: 206, headers });
  });
}

function isAuthorized(job: JobRecord, kind: FileKind, authorization: string | undefined, token: string | undefined, context: RouteContext): boolean {
  if (hasBearer(authorization, context.config.apiToken)) return true;
  if (token === undefined || token === '') return false;
  const claims = verifyToken(token, context.signingKey, context.clock.now());
  return claims !== null && claims.id === job.id && claims.kind === kind;
}
