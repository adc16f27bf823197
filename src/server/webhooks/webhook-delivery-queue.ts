/**
 * {@link WebhookNotifier} for QUEUE_BACKEND=redis: each terminal event is a BullMQ job in the
 * `webhooks` queue, shared by every API replica and worker, and any of them delivers it.
 * - Exactly one event per job: the BullMQ job id is the event id (`<job id>.<status>`), and BullMQ
 *   adds no second job with an id it still holds. Delivered and failed deliveries are kept for
 *   KEEP_FINISHED_SECONDS so that a late second report of the same transition is still dropped.
 * - Retries survive restarts: a non-2xx response or a network error fails the BullMQ job, which
 *   BullMQ retries with exponential backoff from Redis, on whichever process is running then. A
 *   process that dies mid-attempt loses its lock, and BullMQ's stalled-job check runs the attempt
 *   again elsewhere, so a receiver may see one event twice. It drops repeats by `Fluvie-Event-Id`.
 * - The event body (job JSON with download links) is built once, when the job finishes. The
 *   server-wide WEBHOOK_SECRET is never written to Redis; the delivering process adds it.
 */
import { Queue as BullQueue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobRecord } from '../jobs/job-record.js';
import type { JobJson } from '../jobs/job-view.js';
import type { Logger } from '../logger.js';
import { connectRedis } from '../redis/redis-connection.js';
import type { WebhookNotifier } from './webhook-notifier.js';
import { attemptWebhook, type WebhookSenderOptions } from './webhook-sender.js';

/** Name of the BullMQ queue of webhook deliveries. */
export const WEBHOOK_QUEUE_NAME = 'webhooks';
/** How long finished deliveries stay in Redis to drop repeats of their event, in seconds. */
const KEEP_FINISHED_SECONDS = 24 * 3600;
/** Deliveries one process attempts at once. */
const DELIVERY_CONCURRENCY = 8;

/** Data of one delivery job. */
interface DeliveryData {
  jobId: string;
  url: string;
  /** The job's own webhook secret, or null to use this process's WEBHOOK_SECRET. */
  secret: string | null;
  body: string;
}

export interface WebhookDeliveryQueueOptions {
  redisUrl: string;
  /** Prefix of BullMQ's keys, such as `fluvie`. */
  prefix: string;
  logger: Logger;
  /** Secret used when the job's webhook has none (WEBHOOK_SECRET), or null to send unsigned. */
  defaultSecret: string | null;
  sender: Pick<WebhookSenderOptions, 'allowPrivate' | 'attempts' | 'baseDelayMs' | 'timeoutMs'>;
  /** Builds the job JSON sent in the event (with download links). */
  buildJobJson: (job: JobRecord) => Promise<JobJson>;
  /** Receives Redis connection errors (they repeat while Redis is down). */
  onConnectionError?: (error: Error) => void;
}

/**
 * Connects to Redis and starts this process's delivery worker.
 * @throws FluvieError `unavailable` when Redis does not reply.
 */
export async function openWebhookDeliveryQueue(options: WebhookDeliveryQueueOptions): Promise<WebhookNotifier> {
  const { logger } = options;
  const client: Redis = await connectRedis(options.redisUrl);
  const queue = new BullQueue<DeliveryData>(WEBHOOK_QUEUE_NAME, { connection: client, prefix: options.prefix });
  queue.on('error', (error) => options.onConnectionError?.(error));
  const attempts = options.sender.attempts ?? 5;
  const baseDelayMs = options.sender.baseDelayMs ?? 1000;

  // BullMQ does not close a connection it was given, so close() disconnects both of these.
  const workerClient = client.duplicate();
  const worker = new Worker<DeliveryData>(WEBHOOK_QUEUE_NAME, (job) => deliver(job, options), {
    connection: workerClient,
    prefix: options.prefix,
    concurrency: DELIVERY_CONCURRENCY,
  });
  worker.on('error', (error) => options.onConnectionError?.(error));
  worker.on('completed', (job) => logger.info({ jobId: job.data.jobId, eventId: job.id, attempts: job.attemptsMade + 1, host: hostOf(job.data.url) }, 'webhook delivered'));
  worker.on('failed', (job, error) => {
    if (job === undefined) return;
    const finalAttempt = error instanceof UnrecoverableError || job.attemptsMade >= attempts;
    const fields = { jobId: job.data.jobId, eventId: job.id, attempt: job.attemptsMade, reason: error.message, host: hostOf(job.data.url) };
    if (finalAttempt) logger.warn(fields, 'webhook not delivered');
    else logger.warn({ ...fields, delayMs: baseDelayMs * 2 ** (job.attemptsMade - 1) }, 'webhook attempt failed; retrying');
  });

  const pending = new Set<Promise<void>>();
  const enqueue = async (job: JobRecord): Promise<void> => {
    const target = job.webhook;
    if (target === null) return;
    const jobJson = await options.buildJobJson(job).catch(() => null);
    const body = JSON.stringify({ type: `render.${job.status}`, job: jobJson ?? { id: job.id, status: job.status } });
    await queue.add('deliver', { jobId: job.id, url: target.url, secret: target.secret, body }, {
      jobId: `${job.id}.${job.status}`,
      attempts,
      backoff: { type: 'exponential', delay: baseDelayMs },
      removeOnComplete: { age: KEEP_FINISHED_SECONDS },
      removeOnFail: { age: KEEP_FINISHED_SECONDS },
    });
  };

  let closing: Promise<void> | null = null;
  return {
    notify(job) {
      if (job.webhook === null) return;
      const adding = enqueue(job)
        .catch((error: unknown) => logger.error({ jobId: job.id, err: error }, 'webhook delivery could not be queued'))
        .finally(() => pending.delete(adding));
      pending.add(adding);
    },
    close() {
      // Deliveries waiting for a retry stay in Redis for the next process. One in progress finishes first.
      closing ??= (async () => {
        await Promise.all([...pending]);
        await worker.close();
        await queue.close();
        workerClient.disconnect();
        client.disconnect();
      })();
      return closing;
    },
  };
}

/** Makes one attempt; throws so BullMQ retries, or throws UnrecoverableError for a refused address. */
async function deliver(job: Job<DeliveryData>, options: WebhookDeliveryQueueOptions): Promise<void> {
  const { data } = job;
  const outcome = await attemptWebhook(
    { url: data.url, secret: data.secret ?? options.defaultSecret, eventId: job.id ?? `${data.jobId}.unknown`, body: data.body },
    { allowPrivate: options.sender.allowPrivate, ...(options.sender.timeoutMs === undefined ? {} : { timeoutMs: options.sender.timeoutMs }) },
  );
  if (outcome.kind === 'refused') throw new UnrecoverableError(outcome.reason);
  if (outcome.kind === 'failed') throw new Error(outcome.reason);
}

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : 'invalid URL';
}
