/**
 * {@link RenderGateway} over HTTP to a render API (`FLUVIE_API_URL`, a fluvie-render or Dart
 * fluvie_server), authenticated with `FLUVIE_API_TOKEN`.
 */
import { fetch, type Dispatcher } from 'undici';
import { FluvieError, type ErrorCode } from '../../../core/errors.js';
import type { JobJson } from '../../jobs/job-view.js';
import type { RenderBody, RenderGateway } from '../render-gateway.js';

export interface RemoteRenderGatewayOptions {
  /** Base URL of the API, such as `http://render.internal:8080`; `/v1/...` is resolved against it. */
  apiUrl: string;
  /** Bearer token of that API, or null for none. */
  apiToken: string | null;
  /** Default 1000 ms. */
  pollIntervalMs?: number;
  dispatcher?: Dispatcher;
}

const KNOWN_CODES: readonly ErrorCode[] = ['invalid_request', 'unauthorized', 'not_found', 'conflict', 'gone', 'payload_too_large', 'rate_limited', 'unavailable', 'internal', 'timeout'];

export function createRemoteRenderGateway(options: RemoteRenderGatewayOptions): RenderGateway {
  const base = options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`;

  async function call(method: 'GET' | 'POST', pathname: string, signal: AbortSignal, body?: RenderBody): Promise<JobJson> {
    const url = new URL(pathname, base);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.apiToken !== null) headers['authorization'] = `Bearer ${options.apiToken}`;
    if (body !== undefined) headers['content-type'] = 'application/json';

    let response;
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal, dispatcher: options.dispatcher });
    } catch (error: unknown) {
      if (signal.aborted) throw error;
      throw new FluvieError('unavailable', `The render API at ${base} (FLUVIE_API_URL) cannot be reached: ${describe(error)}. Check that it runs and that FLUVIE_API_URL is right.`, { cause: error });
    }

    const text = await response.text();
    const json = parseJson(text);
    if (response.ok && isJob(json)) return json;
    throw toApiError(response.status, json, text, `${method} ${url.href}`);
  }

  return {
    label: base,
    pollIntervalMs: options.pollIntervalMs ?? 1000,
    submit: (body, signal) => call('POST', 'v1/renders', signal, body),
    get: (id, signal) => call('GET', `v1/renders/${encodeURIComponent(id)}`, signal),
  };
}

function toApiError(status: number, json: unknown, text: string, request: string): FluvieError {
  const error = isObject(json) ? json['error'] : undefined;
  if (isObject(error) && typeof error['message'] === 'string') {
    const code = KNOWN_CODES.find((known) => known === error['code']) ?? 'internal';
    const hint = status === 401 ? ' Set FLUVIE_API_TOKEN to the API_TOKEN of that server.' : '';
    return new FluvieError(code, `${error['message']}${hint}`, { details: { status } });
  }
  if (isObject(json) && json['ok'] === false) {
    return new FluvieError('invalid_request', `The render API rejected the request (${status}): ${JSON.stringify(json['diagnostics'])}`, { details: json });
  }
  return new FluvieError('internal', `${request} returned ${status} with an unexpected body: ${text.slice(0, 200)}`, { details: { status } });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isJob(value: unknown): value is JobJson {
  return isObject(value) && typeof value['id'] === 'string' && typeof value['status'] === 'string';
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}
