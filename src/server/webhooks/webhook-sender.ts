/**
 * Delivers one webhook event with retries. Non-2xx responses and network errors are retried with
 * exponential backoff; a refused address is not. Connections go through an undici Agent whose DNS
 * lookup rejects non-public addresses, so the check applies to the address actually connected to.
 */
import { isIP, type LookupFunction } from 'node:net';
import { Agent, request } from 'undici';
import { FluvieError } from '../../core/errors.js';
import { isPublicAddress } from '../../core/net/public-address.js';
import { createPublicLookup } from '../../core/net/public-lookup.js';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature.js';

export interface WebhookDelivery {
  url: string;
  secret: string | null;
  /** Unique per event; receivers use it to drop duplicates. */
  eventId: string;
  body: string;
}

export interface WebhookSenderOptions {
  allowPrivate: boolean;
  /** Tries in total (default 5). */
  attempts?: number;
  /** Delay before the first retry in milliseconds, doubled for each further retry (default 1000). */
  baseDelayMs?: number;
  /** Time one attempt may take in milliseconds (default 10000). */
  timeoutMs?: number;
  nowSeconds?: () => number;
  signal?: AbortSignal;
  /** Called after each failed attempt that will be retried, with the attempt number and reason. */
  onRetry?: (attempt: number, reason: string, delayMs: number) => void;
}

export type DeliveryOutcome = { delivered: true; attempts: number } | { delivered: false; attempts: number; reason: string };

/** Result of one attempt: delivered (2xx), failed and worth retrying, or refused (never retried). */
export type AttemptOutcome = { kind: 'delivered' } | { kind: 'failed'; reason: string } | { kind: 'refused'; reason: string };

/** Makes one delivery attempt, for callers that schedule retries themselves (the Redis delivery queue). */
export async function attemptWebhook(delivery: WebhookDelivery, options: Omit<WebhookSenderOptions, 'attempts' | 'baseDelayMs' | 'onRetry'>): Promise<AttemptOutcome> {
  const literal = literalAddressProblem(delivery.url, options.allowPrivate);
  if (literal !== null) return { kind: 'refused', reason: literal };
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(options.allowPrivate), timeout: options.timeoutMs ?? 10_000 } });
  try {
    return await attemptOnce(delivery, options, dispatcher);
  } finally {
    await dispatcher.close();
  }
}

export async function sendWebhook(delivery: WebhookDelivery, options: WebhookSenderOptions): Promise<DeliveryOutcome> {
  const attempts = options.attempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const literal = literalAddressProblem(delivery.url, options.allowPrivate);
  if (literal !== null) return { delivered: false, attempts: 0, reason: literal };
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(options.allowPrivate), timeout: options.timeoutMs ?? 10_000 } });
  let reason = 'not attempted';
  try {
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const outcome = await attemptOnce(delivery, options, dispatcher);
      if (outcome.kind === 'delivered') return { delivered: true, attempts: attempt };
      if (outcome.kind === 'refused') return { delivered: false, attempts: attempt, reason: outcome.reason };
      reason = outcome.reason;
      if (attempt < attempts) {
        const delayMs = baseDelayMs * 2 ** (attempt - 1);
        options.onRetry?.(attempt, reason, delayMs);
        await sleep(delayMs, options.signal);
      }
    }
    return { delivered: false, attempts, reason };
  } finally {
    await dispatcher.close();
  }
}

async function attemptOnce(delivery: WebhookDelivery, options: WebhookSenderOptions, dispatcher: Agent): Promise<AttemptOutcome> {
  try {
    const status = await postOnce(delivery, options, dispatcher);
    return status >= 200 && status < 300 ? { kind: 'delivered' } : { kind: 'failed', reason: `HTTP ${status}` };
  } catch (error: unknown) {
    const refusal = findRefusal(error);
    if (refusal !== null) return { kind: 'refused', reason: refusal.message };
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

async function postOnce(delivery: WebhookDelivery, options: WebhookSenderOptions, dispatcher: Agent): Promise<number> {
  const timestamp = options.nowSeconds?.() ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'fluvie-event-id': delivery.eventId, 'user-agent': 'fluvie-render-webhook' };
  if (delivery.secret !== null) headers[SIGNATURE_HEADER] = signWebhook(delivery.secret, timestamp, delivery.body);
  const response = await request(delivery.url, {
    method: 'POST',
    headers,
    body: delivery.body,
    dispatcher,
    headersTimeout: options.timeoutMs ?? 10_000,
    bodyTimeout: options.timeoutMs ?? 10_000,
    signal: options.signal,
  });
  await response.body.dump();
  return response.statusCode;
}

/** Hosts written as IP literals skip DNS, so they are checked here. */
function literalAddressProblem(url: string, allowPrivate: boolean): string | null {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (allowPrivate || isIP(host) === 0 || isPublicAddress(host)) return null;
  return `Webhook address ${host} is private, loopback or link-local; set WEBHOOK_ALLOW_PRIVATE=true to allow it.`;
}

/** Finds the address refusal of guardedLookup in an error or its causes. */
function findRefusal(error: unknown): FluvieError | null {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth += 1) {
    if (current instanceof FluvieError && current.code === 'invalid_request') return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return null;
}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return createPublicLookup(
    (hostname, addresses) =>
      new FluvieError('invalid_request', `Webhook host ${hostname} resolves only to private, loopback or link-local addresses (${addresses.join(', ')}); set WEBHOOK_ALLOW_PRIVATE=true to allow them.`),
    (address) => allowPrivate || isPublicAddress(address),
  );
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
