/** Calls of the render API made by the console, each with the tab's bearer token. */
import { readEventStream } from './event-stream.js';
import { readToken } from './token-store.js';

export interface Diagnostic {
  path: string;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

export interface ValidationReport {
  ok: boolean;
  diagnostics: Diagnostic[];
}

export interface FileLink {
  downloadUrl: string;
  bytes?: number;
  contentType?: string;
}

export interface JobJson {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
  progress?: { completed: number; total: number };
  error?: string;
  video?: FileLink;
  poster?: FileLink;
  code?: string;
  spec?: unknown;
}

/** An API error response, with the server's message and, for invalid specs, the diagnostics. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly diagnostics: Diagnostic[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function validateSpec(spec: unknown, format: string, signal: AbortSignal): Promise<ValidationReport> {
  return (await call('/v1/validate', { method: 'POST', body: JSON.stringify({ spec, format }), signal })) as ValidationReport;
}

export async function startRender(body: Record<string, unknown>): Promise<JobJson> {
  return (await call('/v1/renders', { method: 'POST', body: JSON.stringify(body) })) as JobJson;
}

export async function getRender(id: string): Promise<JobJson> {
  return (await call(`/v1/renders/${encodeURIComponent(id)}`, {})) as JobJson;
}

export async function cancelRender(id: string): Promise<JobJson> {
  return (await call(`/v1/renders/${encodeURIComponent(id)}`, { method: 'DELETE' })) as JobJson;
}

/** Follows the job's event stream until the server ends it. */
export async function followRender(id: string, onEvent: (event: string, data: unknown) => void): Promise<void> {
  const response = await fetch(`/v1/renders/${encodeURIComponent(id)}/events`, { headers: authHeaders() });
  if (!response.ok) throw await toApiError(response);
  await readEventStream(response, (event, data) => onEvent(event, JSON.parse(data) as unknown));
}

/** Fetches a bundled example spec (no token needed). */
export async function loadExample(name: string): Promise<string> {
  const response = await fetch(`/console/examples/${encodeURIComponent(name)}`);
  if (!response.ok) throw await toApiError(response);
  return response.text();
}

async function call(path: string, init: RequestInit): Promise<unknown> {
  const headers = { ...authHeaders(), ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) };
  const response = await fetch(path, { ...init, headers });
  if (!response.ok) throw await toApiError(response);
  return response.json();
}

function authHeaders(): Record<string, string> {
  const token = readToken();
  return token === null ? {} : { authorization: `Bearer ${token}` };
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: { message?: string; diagnostics?: Diagnostic[] } };
    return new ApiError(response.status, body.error?.message ?? `HTTP ${response.status}`, body.error?.diagnostics ?? []);
  } catch {
    return new ApiError(response.status, `HTTP ${response.status}: ${text.slice(0, 200)}`, []);
  }
}
