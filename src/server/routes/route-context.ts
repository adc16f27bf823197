/** What the route modules share: the app's dependencies plus the middleware and state built once per app. */
import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import type { JobRecord } from '../jobs/job-record.js';

export interface RouteContext extends AppDeps {
  publicBaseUrl: string;
  signingKey: Buffer;
  rateLimiter: RateLimiter;
  requireApiToken: MiddlewareHandler;
  requireCleanupToken: MiddlewareHandler;
  bodyLimit: MiddlewareHandler;
  /** Reports a job that reached a terminal state outside the queue (a canceled queued job). */
  notifyFinished: (job: JobRecord) => void;
}
