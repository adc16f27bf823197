/** `POST /v1/renders`, `GET /v1/renders/{id}` and `DELETE /v1/renders/{id}`. */
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { FluvieError } from '../../core/errors.js';
import type { AppEnv } from '../app-deps.js';
import { clientIp } from '../http/client-ip.js';
import { buildJobJson } from '../http/job-response.js';
import { KeyedMutex } from '../http/keyed-mutex.js';
import { readJsonObject } from '../http/read-json.js';
import { isJobId, newJobId } from '../jobs/job-id.js';
import { isTerminal, type JobRecord } from '../jobs/job-record.js';
import { toJobJson } from '../jobs/job-view.js';
import { newJobRecord } from '../jobs/new-job.js';
import { admitRender, rateLimitedError } from '../requests/admit-render.js';
import { parseRenderBody } from '../requests/render-body.js';
import { assertWebhookTargetAllowed } from '../requests/webhook-target.js';
import type { RouteContext } from './route-context.js';

const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export function registerRenderRoutes(app: Hono<AppEnv>, context: RouteContext): void {
  const { config, jobs, queue, clock } = context;
  const idempotency = new KeyedMutex();

  app.post('/v1/renders', context.requireApiToken, context.bodyLimit, async (c) => {
    const { body } = await readJsonObject(c);
    const submission = parseRenderBody(body);
    const ip = clientIp(c, config.trustProxy);
    const input = admitRender(submission, { ai: config.ai, specTools: context.specTools, rateLimiter: context.rateLimiter, clientIp: ip, nowMs: clock.now(), mediaDir: config.mediaDir, renderProject: config.renderProject });
    if (submission.webhook !== null) await assertWebhookTargetAllowed(submission.webhook.url, config.webhookAllowPrivate);
    if (context.sharedRateLimiter !== undefined && (input.kind === 'prompt' || input.kind === 'edit')) {
      const decision = await context.sharedRateLimiter.check(ip, clock.now());
      if (!decision.allowed) throw rateLimitedError(decision.retryAfterSeconds);
    }
    const idempotencyKey = readIdempotencyKey(c.req.header('idempotency-key'));
    const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');

    return idempotency.run(idempotencyKey, async () => {
      if (idempotencyKey !== null) {
        const existing = await jobs.findByIdempotencyKey(idempotencyKey);
        if (existing !== null && existing.requestHash === requestHash) return c.json(await buildJobJson(existing, context), 200, { location: `/v1/renders/${existing.id}` });
        if (existing !== null) throw idempotencyConflict(idempotencyKey, existing.id);
      }

      const job = newJobRecord(submission, input, {
        id: newJobId(),
        nowMs: clock.now(),
        publicByDefault: config.publicByDefault,
        fileTtlMs: config.fileTtlMs,
        idempotencyKey,
        requestHash: idempotencyKey === null ? null : requestHash,
        defaultWebhook: config.webhookUrl === null ? null : { url: config.webhookUrl, secret: null },
      });
      try {
        await jobs.create(job);
      } catch (error: unknown) {
        // A shared job store rejects a key that another replica used a moment ago; reply as for a repeat.
        const winner = idempotencyKey === null ? null : await jobs.findByIdempotencyKey(idempotencyKey);
        if (winner === null || idempotencyKey === null) throw error;
        if (winner.requestHash !== requestHash) throw idempotencyConflict(idempotencyKey, winner.id);
        return c.json(await buildJobJson(winner, context), 200, { location: `/v1/renders/${winner.id}` });
      }
      try {
        await queue.enqueue(job.id);
      } catch (error: unknown) {
        await jobs.delete(job.id);
        throw error;
      }
      c.get('log').info({ jobId: job.id, kind: job.kind }, 'render queued');
      return c.json(toJobJson(job, { video: null, poster: null }), 202, { location: `/v1/renders/${job.id}` });
    });
  });

  app.get('/v1/renders/:id', context.requireApiToken, async (c) => {
    const job = await findJob(c.req.param('id'), context);
    return c.json(await buildJobJson(job, context));
  });

  app.delete('/v1/renders/:id', context.requireApiToken, async (c) => {
    const job = await findJob(c.req.param('id'), context);
    if (isTerminal(job.status)) {
      throw new FluvieError('conflict', `Job ${job.id} has already ${job.status === 'canceled' ? 'been canceled' : job.status}; only queued or running jobs can be canceled.`);
    }

    const outcome = await queue.cancel(job.id);
    if (outcome !== 'aborted') {
      const canceled = await jobs.update(job.id, (current) =>
        current.status === 'queued' ? { ...current, status: 'canceled', finishedAtMs: clock.now(), error: 'Render canceled' } : null,
      );
      if (canceled?.status === 'canceled') context.notifyFinished(canceled);
    }
    c.get('log').info({ jobId: job.id, outcome }, 'render cancel requested');
    return c.json(await buildJobJson(await findJob(job.id, context), context));
  });
}

async function findJob(id: string, context: RouteContext): Promise<JobRecord> {
  const job = isJobId(id) ? await context.jobs.get(id) : null;
  if (job === null) throw new FluvieError('not_found', 'No such job');
  return job;
}

function idempotencyConflict(key: string, jobId: string): FluvieError {
  return new FluvieError('conflict', `Idempotency-Key "${key}" was already used for a different request body (job ${jobId}); use a new key for a new render.`);
}

function readIdempotencyKey(header: string | undefined): string | null {
  const key = header?.trim() ?? '';
  if (key === '') return null;
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new FluvieError('invalid_request', `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, got ${key.length}.`);
  }
  return key;
}
