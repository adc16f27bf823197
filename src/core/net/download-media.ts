/**
 * Downloads one network media source into a local file, with the checks a server needs: http(s)
 * only, public addresses only (checked on the resolved address and again on every redirect hop),
 * a size limit and a time limit.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { isIP } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { Agent, request } from 'undici';
import { FluvieError } from '../errors.js';
import { isPublicAddress } from './public-address.js';
import { createPublicLookup } from './public-lookup.js';

export interface DownloadOptions {
  url: string;
  /** File to write; removed again when the download fails. */
  destination: string;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Time the whole download (all redirects) may take, in milliseconds. */
  timeoutMs: number;
  signal: AbortSignal;
  /** JSON path of the source, for messages. */
  path: string;
  /** Address check; default accepts public unicast addresses only. Tests widen it to reach a local server. */
  isAllowedAddress?: (address: string) => boolean;
}

/** Redirects followed before giving up. */
export const MAX_REDIRECTS = 5;

/**
 * Downloads `url` to `destination` and returns the byte count.
 * @throws FluvieError `invalid_request` for a rejected scheme or address, `file_not_found` for an
 *   HTTP error status, `payload_too_large` above `maxBytes`, `timeout` after `timeoutMs`.
 */
export async function downloadMedia(options: DownloadOptions): Promise<number> {
  const isAllowed = options.isAllowedAddress ?? isPublicAddress;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, timeout]);
  const dispatcher = new Agent({
    connect: { lookup: createPublicLookup((host, addresses) => rejected(options.path, host, addresses), isAllowed) },
  });

  try {
    let url = options.url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      checkUrl(url, options.path, isAllowed);
      const response = await request(url, { method: 'GET', dispatcher, signal });
      const location = response.headers.location;
      if (response.statusCode >= 300 && response.statusCode < 400 && location !== undefined) {
        await response.body.dump();
        url = new URL(String(location), url).href;
        continue;
      }
      if (response.statusCode < 200 || response.statusCode >= 300) {
        await response.body.dump();
        throw new FluvieError('file_not_found', `${options.path}: ${url} returned HTTP ${response.statusCode}. Check the URL.`);
      }
      const declared = Number(response.headers['content-length'] ?? NaN);
      if (declared > options.maxBytes) {
        await response.body.dump();
        throw tooLarge(options);
      }
      return await writeLimited(response.body, options);
    }
    throw new FluvieError('invalid_request', `${options.path}: ${options.url} redirects more than ${MAX_REDIRECTS} times.`);
  } catch (error) {
    await rm(options.destination, { force: true });
    throw translate(error, options, timeout);
  } finally {
    await dispatcher.close();
  }
}

/** Accepts only http(s) URLs whose host, when written as an IP literal, passes the check. */
function checkUrl(url: string, jsonPath: string, isAllowed: (address: string) => boolean): void {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FluvieError('invalid_request', `${jsonPath}: ${url} is not an http(s) URL; network sources use http or https only.`);
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && !isAllowed(host)) throw rejected(jsonPath, host, [host]);
}

function rejected(jsonPath: string, host: string, addresses: readonly string[]): FluvieError {
  return new FluvieError(
    'invalid_request',
    `${jsonPath}: network source host ${host} resolves only to private, loopback, link-local or metadata addresses (${addresses.join(', ')}), which are not fetched.`,
  );
}

function tooLarge(options: DownloadOptions): FluvieError {
  return new FluvieError('payload_too_large', `${options.path}: ${options.url} is larger than the ${options.maxBytes}-byte limit for network media.`);
}

async function writeLimited(body: AsyncIterable<Buffer> & NodeJS.ReadableStream, options: DownloadOptions): Promise<number> {
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.byteLength;
      if (received > options.maxBytes) callback(tooLarge(options));
      else callback(null, chunk);
    },
  });
  await pipeline(body, counter, createWriteStream(options.destination));
  return received;
}

/** Finds our own error in the causes undici wraps it in, and names a timeout as one. */
function translate(error: unknown, options: DownloadOptions, timeout: AbortSignal): unknown {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth += 1) {
    if (current instanceof FluvieError) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  if (timeout.aborted) return new FluvieError('timeout', `${options.path}: downloading ${options.url} took longer than ${options.timeoutMs} ms.`, { cause: error });
  if (options.signal.aborted) return new FluvieError('canceled', 'Render canceled', { cause: options.signal.reason });
  return new FluvieError('file_not_found', `${options.path}: could not download ${options.url}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
