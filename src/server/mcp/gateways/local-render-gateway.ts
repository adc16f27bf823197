/**
 * {@link RenderGateway} over this process's job store and queue: the same checks and records as
 * `POST /v1/renders`, without an HTTP round trip.
 */
import type { AiConfig } from '../../../config/server-config.js';
import { FluvieError } from '../../../core/errors.js';
import type { Clock } from '../../clock.js';
import { buildJobJson } from '../../http/job-response.js';
import type { RateLimiter } from '../../http/rate-limiter.js';
import { isJobId, newJobId } from '../../jobs/job-id.js';
import type { JobStore } from '../../jobs/job-store.js';
import type { JobJson } from '../../jobs/job-view.js';
import { toJobJson } from '../../jobs/job-view.js';
import { newJobRecord } from '../../jobs/new-job.js';
import type { Queue } from '../../queue/queue.js';
import { admitRender } from '../../requests/admit-render.js';
import { parseRenderBody } from '../../requests/render-body.js';
import { assertWebhookTargetAllowed } from '../../requests/webhook-target.js';
import type { SpecTools } from '../../spec-tools.js';
import type { Storage } from '../../storage/storage.js';
import type { RenderBody, RenderGateway } from '../render-gateway.js';

/** Client address charged for AI renders started over MCP in this process. */
const MCP_CLIENT = 'mcp';

export interface LocalRenderGatewayDeps {
  jobs: JobStore;
  queue: Queue;
  storage: Storage;
  clock: Clock;
  specTools: SpecTools;
  rateLimiter: RateLimiter;
  /** Base URL download links are resolved against. */
  publicBaseUrl: string;
  signingKey: Buffer;
  config: {
    ai: AiConfig;
    publicByDefault: boolean;
    fileTtlMs: number;
    webhookUrl: string | null;
    mediaDir: string | null;
    renderProject: string | null;
    webhookAllowPrivate: boolean;
  };
  /** Default 100 ms. */
  pollIntervalMs?: number;
}

export function createLocalRenderGateway(deps: LocalRenderGatewayDeps): RenderGateway {
  const { jobs, queue, clock, config } = deps;
  return {
    label: 'local',
    pollIntervalMs: deps.pollIntervalMs ?? 100,

    async submit(body: RenderBody): Promise<JobJson> {
      const submission = parseRenderBody(body);
      const input = admitRender(submission, { ai: config.ai, specTools: deps.specTools, rateLimiter: deps.rateLimiter, clientIp: MCP_CLIENT, nowMs: clock.now(), mediaDir: config.mediaDir, renderProject: config.renderProject });
      if (submission.webhook !== null) await assertWebhookTargetAllowed(submission.webhook.url, config.webhookAllowPrivate);
      const job = newJobRecord(submission, input, {
        id: newJobId(),
        nowMs: clock.now(),
        publicByDefault: config.publicByDefault,
        fileTtlMs: config.fileTtlMs,
        idempotencyKey: null,
        requestHash: null,
        defaultWebhook: config.webhookUrl === null ? null : { url: config.webhookUrl, secret: null },
      });
      await jobs.create(job);
      try {
        await queue.enqueue(job.id);
      } catch (error: unknown) {
        await jobs.delete(job.id);
        throw error;
      }
      return toJobJson(job, { video: null, poster: null });
    },

    async get(id: string): Promise<JobJson> {
      const job = isJobId(id) ? await jobs.get(id) : null;
      if (job === null) throw new FluvieError('not_found', `No such job: "${id}". Pass the id that render_video or render_composition returned.`);
      return buildJobJson(job, deps);
    },
  };
}
