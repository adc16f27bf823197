/**
 * `GET /v1/renders/{id}/events`: the job's changes as server-sent events. Events: `status`
 * (`{status}` while queued or running), `progress` (`{completed, total}`), `authored` (`{code, spec}`
 * of AI renders), then exactly one of `succeeded`, `failed` or `canceled` with the job JSON (download
 * links or error), after which the stream ends. A client that connects after the job ended gets the
 * terminal event at once. Comment lines (`: heartbeat`) every `heartbeatMs` keep proxies from closing
 * an idle stream. Each event's `id:` encodes what the client has seen so far. A client that reconnects
 * with it as `Last-Event-ID` (EventSource does so by itself) gets only what changed since. One that
 * has already seen the terminal event gets 204, which makes EventSource stop reconnecting.
 * When the server shuts down, open streams end with an `error` event (code `unavailable`).
 */
import type { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { FluvieError } from '../../core/errors.js';
import type { AppEnv } from '../app-deps.js';
import { toErrorResponse } from '../http/error-response.js';
import { buildJobJson } from '../http/job-response.js';
import { isJobId } from '../jobs/job-id.js';
import type { JobRecord } from '../jobs/job-record.js';
import type { JobJson } from '../jobs/job-view.js';
import { advanceStreamState, diffJobEvents, encodeStreamState, parseStreamState, type JobStreamEvent, type StreamState } from './events-diff.js';
import type { JobEvents } from './events-hub.js';
import type { RouteContext } from './route-context.js';

/** Default time between heartbeat comments: well under the 60 s idle timeout of common proxies. */
export const DEFAULT_HEARTBEAT_MS = 15_000;
export const DEFAULT_RECHECK_MS = 1_000;

/** Reason a stream ends when the server shuts down; its client gets it as an `error` event. */
const SHUTDOWN = new FluvieError('unavailable', 'The server is shutting down; reconnect later to follow the render.');

export type EventRouteContext = Pick<RouteContext, 'jobs' | 'requireApiToken' | 'storage' | 'publicBaseUrl' | 'signingKey'>;

export interface EventRouteOptions {
  /** Wakes a stream when its job changes. */
  jobEvents: JobEvents;
  /** Time between heartbeat comments in milliseconds (default 15 000). */
  heartbeatMs?: number;
  /**
   * Maximum time between two reads of the job in milliseconds (default 1 000), so a change that no
   * notification announces, such as one made by another process sharing the job store, still arrives.
   */
  recheckMs?: number;
}

export function registerEventRoutes(app: Hono<AppEnv>, context: EventRouteContext, options: EventRouteOptions): void {
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const recheckMs = options.recheckMs ?? DEFAULT_RECHECK_MS;

  app.get('/v1/renders/:id/events', context.requireApiToken, async (c) => {
    const id = c.req.param('id');
    const job = isJobId(id) ? await context.jobs.get(id) : null;
    if (job === null) throw new FluvieError('not_found', 'No such job');
    // A succeeded job whose files were cleaned answers 410 here, as GET /v1/renders/{id} does.
    if (job.status === 'succeeded') await buildJobJson(job, context);
    const resumeFrom = parseStreamState(c.req.header('last-event-id'));
    if (resumeFrom.ended) return c.body(null, 204);

    c.header('x-accel-buffering', 'no');
    const log = c.get('log');
    const response = streamSSE(c, async (stream) => {
      const closed = new AbortController();
      stream.onAbort(() => closed.abort());
      c.req.raw.signal.addEventListener('abort', () => closed.abort(), { once: true });
      const shutdown = options.jobEvents.closed;
      const endForShutdown = (): void => closed.abort(SHUTDOWN);
      if (shutdown?.aborted === true) endForShutdown();
      shutdown?.addEventListener('abort', endForShutdown, { once: true });

      const wake = createWakeSignal();
      const unsubscribe = options.jobEvents.subscribe(id, wake.notify);
      const heartbeat = setInterval(() => void stream.write(': heartbeat\n\n'), heartbeatMs);
      try {
        await followJob(id, stream, context, { wake, recheckMs, closed: closed.signal, resumeFrom });
        if (closed.signal.reason === SHUTDOWN) await stream.writeSSE({ event: 'error', data: JSON.stringify(toErrorResponse(SHUTDOWN).body) });
      } catch (error: unknown) {
        log.warn({ err: error, jobId: id }, 'render event stream failed');
        await stream.writeSSE({ event: 'error', data: JSON.stringify(toErrorResponse(error).body) });
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
        shutdown?.removeEventListener('abort', endForShutdown);
      }
    });
    // The connection closes with the stream. Kept alive, it would hold a shutting-down HTTP server open
    // until the client's keep-alive timeout.
    response.headers.set('connection', 'close');
    return response;
  });
}

interface FollowOptions {
  wake: WakeSignal;
  recheckMs: number;
  closed: AbortSignal;
  /** State the client had reached before it reconnected. */
  resumeFrom: StreamState;
}

/** Sends events until the job reaches a terminal state, the job disappears or the client leaves. */
async function followJob(id: string, stream: SSEStreamingApi, context: EventRouteContext, options: FollowOptions): Promise<void> {
  const { wake, recheckMs, closed } = options;
  let state: StreamState = options.resumeFrom;
  while (!closed.aborted) {
    const job = await context.jobs.get(id);
    if (job === null) throw new FluvieError('not_found', `Job ${id} was deleted while its events were streamed`);

    const diff = diffJobEvents(state, job);
    let seen = state;
    for (const event of diff.events) {
      seen = advanceStreamState(seen, event);
      await writeEvent(stream, event, job, context, encodeStreamState(seen));
    }
    state = diff.state;
    if (state.ended) return;
    await wake.wait(closed, recheckMs);
  }
}

async function writeEvent(stream: SSEStreamingApi, event: JobStreamEvent, job: JobRecord, context: EventRouteContext, id: string): Promise<void> {
  switch (event.type) {
    case 'status':
      return stream.writeSSE({ id, event: 'status', data: JSON.stringify({ status: event.status }) });
    case 'progress':
      return stream.writeSSE({ id, event: 'progress', data: JSON.stringify(event.progress) });
    case 'authored':
      return stream.writeSSE({ id, event: 'authored', data: JSON.stringify({ code: event.code, spec: event.spec }) });
    case 'terminal': {
      const json: JobJson = await buildJobJson(job, context);
      return stream.writeSSE({ id, event: event.status, data: JSON.stringify(json) });
    }
  }
}

interface WakeSignal {
  notify: () => void;
  /**
   * Resolves at the next notification (at once if one came since the last wait), when `closed`
   * fires, or after `timeoutMs`.
   */
  wait: (closed: AbortSignal, timeoutMs: number) => Promise<void>;
}

function createWakeSignal(): WakeSignal {
  let pending = false;
  let resolveWait: (() => void) | null = null;

  return {
    notify() {
      pending = true;
      resolveWait?.();
    },
    wait(closed, timeoutMs) {
      if (pending || closed.aborted) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const done = (): void => {
          pending = false;
          resolveWait = null;
          clearTimeout(timer);
          closed.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        resolveWait = done;
        closed.addEventListener('abort', done, { once: true });
      });
    },
  };
}
