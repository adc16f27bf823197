/**
 * Sends exactly one terminal event per job to its webhook (the request's, else WEBHOOK_URL). The
 * body is `{"type": "render.<status>", "job": <job JSON>}`; the `Fluvie-Event-Id` header is the same
 * on every retry of one event.
 */
import type { JobRecord } from '../jobs/job-record.js';
import type { JobJson } from '../jobs/job-view.js';
import type { Logger } from '../logger.js';
import { sendWebhook, type WebhookSenderOptions } from './webhook-sender.js';

export interface WebhookNotifierOptions {
  logger: Logger;
  /** Secret used when the job's webhook has none (WEBHOOK_SECRET), or null to send unsigned. */
  defaultSecret: string | null;
  sender: Omit<WebhookSenderOptions, 'signal' | 'onRetry'>;
  /** Builds the job JSON sent in the event (with download links). */
  buildJobJson: (job: JobRecord) => Promise<JobJson>;
}

export interface WebhookNotifier {
  notify(job: JobRecord): void;
  /** Stops retries and waits for deliveries in flight. */
  close(): Promise<void>;
}

export function createWebhookNotifier(options: WebhookNotifierOptions): WebhookNotifier {
  const inFlight = new Set<Promise<void>>();
  // Ids of jobs already notified. A job reaches a terminal state once, so this set only guards
  // against a second report of the same transition, and remembering recent ids is enough.
  const notified = new Set<string>();
  const MAX_REMEMBERED = 10_000;
  const controller = new AbortController();

  const deliver = async (job: JobRecord): Promise<void> => {
    const target = job.webhook;
    if (target === null) return;
    const log = options.logger.child({ jobId: job.id });
    const jobJson = await options.buildJobJson(job).catch(() => null);
    const body = JSON.stringify({ type: `render.${job.status}`, job: jobJson ?? { id: job.id, status: job.status } });
    const outcome = await sendWebhook(
      { url: target.url, secret: target.secret ?? options.defaultSecret, eventId: `${job.id}.${job.status}`, body },
      {
        ...options.sender,
        signal: controller.signal,
        onRetry: (attempt, reason, delayMs) => log.warn({ attempt, reason, delayMs, host: new URL(target.url).host }, 'webhook attempt failed; retrying'),
      },
    );
    if (outcome.delivered) log.info({ attempts: outcome.attempts, host: new URL(target.url).host }, 'webhook delivered');
    else log.warn({ attempts: outcome.attempts, host: new URL(target.url).host, reason: outcome.reason }, 'webhook not delivered');
  };

  return {
    notify(job) {
      if (job.webhook === null || notified.has(job.id)) return;
      notified.add(job.id);
      if (notified.size > MAX_REMEMBERED) notified.delete(notified.values().next().value ?? '');
      const pending = deliver(job)
        .catch((error: unknown) => options.logger.error({ jobId: job.id, err: error }, 'webhook delivery failed'))
        .finally(() => inFlight.delete(pending));
      inFlight.add(pending);
    },
    async close() {
      controller.abort();
      await Promise.all([...inFlight]);
    },
  };
}
