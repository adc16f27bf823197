/** Calls `POST /v1/maintenance/cleanup` of a running server with its cleanup token. */
import { request } from 'undici';
import { FluvieError } from '../../core/errors.js';
import type { CleanupReport } from './retention-sweep.js';

export interface RemoteCleanupOptions {
  /** Base URL of the server, such as `http://127.0.0.1:8080`. */
  server: string;
  token: string;
  dryRun: boolean;
  signal?: AbortSignal;
}

export async function runRemoteCleanup(options: RemoteCleanupOptions): Promise<CleanupReport> {
  if (!URL.canParse(options.server) || !/^https?:$/.test(new URL(options.server).protocol)) {
    throw new FluvieError('usage', `--server must be an http:// or https:// URL, got "${options.server}".`);
  }
  const url = new URL('/v1/maintenance/cleanup', options.server);
  let response;
  try {
    response = await request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ dryRun: options.dryRun }),
      signal: options.signal,
    });
  } catch (error: unknown) {
    throw new FluvieError('unavailable', `Cannot reach ${url.origin}: ${error instanceof Error ? error.message : String(error)}. Check --server and that the server is running.`, { cause: error });
  }

  const text = await response.body.text();
  if (response.statusCode !== 200) {
    const reason = readErrorMessage(text) ?? `HTTP ${response.statusCode}`;
    const hint = response.statusCode === 401 ? ' Pass the server\'s CLEANUP_TOKEN with --token.' : '';
    throw new FluvieError(response.statusCode === 401 ? 'unauthorized' : 'unavailable', `Cleanup on ${url.origin} failed with ${response.statusCode}: ${reason}.${hint}`);
  }
  return JSON.parse(text) as CleanupReport;
}

function readErrorMessage(text: string): string | null {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } };
    return typeof parsed.error?.message === 'string' ? parsed.error.message : null;
  } catch {
    return null;
  }
}
