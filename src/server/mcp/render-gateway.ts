/**
 * The `RenderGateway` seam: how the MCP render tools reach a render API. The local gateway talks to
 * this process's job store and queue; the remote one calls another server's `/v1` API over HTTP.
 * Both take the body of `POST /v1/renders` and return the job JSON of that API.
 */
import type { JobJson } from '../jobs/job-view.js';

/** A `POST /v1/renders` body: one of `spec`, `key`, `prompt`, `edit`, plus `options` and `provider`. */
export type RenderBody = Record<string, unknown>;

export interface RenderGateway {
  /** Short name for messages: `local` or the remote API URL. */
  readonly label: string;
  /** Milliseconds between two job polls while a tool waits. */
  readonly pollIntervalMs: number;
  /**
   * Queues a render and returns its job JSON.
   * @throws FluvieError with the API's code and message when the API rejects the request.
   */
  submit(body: RenderBody, signal: AbortSignal): Promise<JobJson>;
  /**
   * Returns the current job JSON.
   * @throws FluvieError `not_found` for an unknown id, `gone` when the files have expired.
   */
  get(id: string, signal: AbortSignal): Promise<JobJson>;
}
