/**
 * Opens the webhook notifier of a server or worker process. A single server delivers from this
 * process's memory. On Redis, deliveries go through the shared BullMQ queue, so one event is
 * delivered once across replicas and its retries survive a restart.
 */
import type { JobRecord } from '../jobs/job-record.js';
import type { JobJson } from '../jobs/job-view.js';
import type { Logger } from '../logger.js';
import { openWebhookDeliveryQueue } from './webhook-delivery-queue.js';
import { createWebhookNotifier, type WebhookNotifier } from './webhook-notifier.js';
import type { WebhookSenderOptions } from './webhook-sender.js';

export interface OpenWebhookNotifierOptions {
  logger: Logger;
  /** WEBHOOK_SECRET, or null to send events of jobs without their own secret unsigned. */
  defaultSecret: string | null;
  sender: Pick<WebhookSenderOptions, 'allowPrivate' | 'attempts' | 'baseDelayMs' | 'timeoutMs'>;
  buildJobJson: (job: JobRecord) => Promise<JobJson>;
  /** Redis URL and key prefix with QUEUE_BACKEND=redis, or null for deliveries in memory. */
  redis: { url: string; prefix: string; onConnectionError?: (error: Error) => void } | null;
}

export async function openWebhookNotifier(options: OpenWebhookNotifierOptions): Promise<WebhookNotifier> {
  const { redis, ...rest } = options;
  if (redis === null) return createWebhookNotifier(rest);
  return openWebhookDeliveryQueue({
    ...rest,
    redisUrl: redis.url,
    prefix: redis.prefix,
    ...(redis.onConnectionError === undefined ? {} : { onConnectionError: redis.onConnectionError }),
  });
}
