/**
 * Checks a request's `webhook.url` at POST time, so a client learns at once that the server will not
 * call a private, loopback, link-local or metadata address (such as `http://169.254.169.254/`),
 * instead of the job failing its delivery later. The sender checks the address it connects to again
 * on every delivery, which also covers a host name whose DNS answer changes after this check.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPublicAddress } from '../../core/net/public-address.js';
import { FluvieError } from '../../core/errors.js';

/** Resolves a host name to all its addresses; injectable for tests. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

const resolveWithDns: ResolveHost = async (hostname) => (await lookup(hostname, { all: true })).map((entry) => entry.address);

/**
 * Resolves the host of `url` and rejects it when any address is not public, unless `allowPrivate`
 * (WEBHOOK_ALLOW_PRIVATE) is set.
 * @throws FluvieError `invalid_request` naming the URL, the address and the setting that allows it,
 *   or naming the host when it cannot be resolved.
 */
export async function assertWebhookTargetAllowed(url: string, allowPrivate: boolean, resolve: ResolveHost = resolveWithDns): Promise<void> {
  if (allowPrivate) return;

  const hostname = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  if (isIP(hostname) !== 0) {
    addresses = [hostname];
  } else {
    try {
      addresses = await resolve(hostname);
    } catch (error: unknown) {
      throw new FluvieError('invalid_request', `webhook.url host "${hostname}" could not be resolved; use a host name that resolves to a public address.`, { cause: error });
    }
  }

  const blocked = addresses.find((address) => !isPublicAddress(address));
  if (blocked === undefined && addresses.length > 0) return;
  throw new FluvieError(
    'invalid_request',
    `webhook.url ${url} points at ${blocked ?? 'no address'}, which is a private, loopback, link-local or metadata address; ` +
      'webhooks go only to public addresses unless the server sets WEBHOOK_ALLOW_PRIVATE=true.',
  );
}
