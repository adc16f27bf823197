/**
 * Builds the Hono app of `fluvie-render serve` from injected dependencies, with no globals, so tests
 * can call it in memory (`app.request`) or over a real socket alike.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { FluvieError } from '../core/errors.js';
import type { AppDeps, AppEnv } from './app-deps.js';
import { deriveSigningKey } from './auth/signed-token.js';
import { requireBearer } from './http/auth-middleware.js';
import { cors } from './http/cors.js';
import { toErrorResponse } from './http/error-response.js';
import { RateLimiter } from './http/rate-limiter.js';
import type { JobRecord } from './jobs/job-record.js';
import { redactUrl } from './logger.js';
import { registerFileRoutes } from './routes/files.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerConsoleRoutes } from './console/console-routes.js';
import { createPollingJobEvents } from './routes/events-hub.js';
import { registerEventRoutes } from './routes/events.js';
import { registerFaviconRoute } from './routes/favicon.js';
import { registerLandingRoute, renderServerSummary } from './routes/landing.js';
import { registerMaintenanceRoutes } from './routes/maintenance.js';
import { registerMetricsRoute } from './routes/metrics.js';
import { routePath } from 'hono/route';
import { registerRenderRoutes } from './routes/renders.js';
import type { RouteContext } from './routes/route-context.js';
import { registerSpecRoutes } from './routes/spec.js';
import { defaultProviderReady } from './requests/admit-render.js';
import { registerMcpSurface } from './mcp/register-mcp-surface.js';

/** Poll interval of render event streams when no `jobEvents` is injected; progress is stored at most 4 times a second. */
const EVENT_POLL_MS = 250;

export interface CreateAppOptions {
  /** Called with every job that reaches a terminal state outside the queue (webhooks, metrics). */
  onJobFinished?: (job: JobRecord) => void;
}

export function createApp(deps: AppDeps, options: CreateAppOptions = {}): Hono<AppEnv> {
  const { config, logger } = deps;
  const app = new Hono<AppEnv>();

  app.use(cors(config.corsAllowOrigins));
  app.use(requestId());
  app.use(requestLog(deps));

  app.onError((error, c) => {
    const response = toErrorResponse(error);
    if (response.unexpected) c.get('log').error({ err: error }, 'request failed with an unexpected error');
    return c.json(response.body, response.status, response.headers);
  });
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'Not found' } }, 404));

  const context = routeContext(deps, options);
  registerHealthRoutes(app, context);
  registerFaviconRoute(app);
  // With the API on, `/` is the render console; without it, a page that lists what is enabled.
  if (config.enableApi) registerConsoleRoutes(app, { aiEnabled: defaultProviderReady(config.ai), mediaDir: config.mediaDir, serverSummary: renderServerSummary(context) });
  else registerLandingRoute(app, context);
  if (deps.metrics !== undefined) registerMetricsRoute(app, context, deps.metrics);
  registerMcpSurface(app, context);
  if (!config.enableApi) return app;

  registerRenderRoutes(app, context);
  registerEventRoutes(app, context, { jobEvents: deps.jobEvents ?? createPollingJobEvents(EVENT_POLL_MS) });
  registerFileRoutes(app, context);
  registerSpecRoutes(app, context);
  registerMaintenanceRoutes(app, context);
  logger.debug('render API routes mounted under /v1');
  return app;
}

function routeContext(deps: AppDeps, options: CreateAppOptions): RouteContext {
  const { config } = deps;
  return {
    ...deps,
    publicBaseUrl: config.publicBaseUrl ?? `http://localhost:${config.port}/`,
    signingKey: deriveSigningKey(config.downloadSigningKey, config.apiToken ?? ''),
    // With a shared limiter the render route checks it, so the process-local one lets every call pass.
    rateLimiter: deps.sharedRateLimiter === undefined
      ? new RateLimiter({ limit: config.ai.rateLimit, windowMs: config.ai.rateWindowMs, dailyQuota: config.ai.dailyQuota })
      : new RateLimiter({ limit: 0, windowMs: 1, dailyQuota: 0 }),
    requireApiToken: requireBearer(config.apiToken, 'API_TOKEN'),
    requireCleanupToken: requireBearer(config.cleanupToken, 'CLEANUP_TOKEN'),
    bodyLimit: bodyLimit({
      maxSize: config.maxBodyBytes,
      onError: () => {
        throw new FluvieError('payload_too_large', `Request body too large: the limit is ${config.maxBodyBytes} bytes (MAX_BODY_BYTES).`);
      },
    }),
    notifyFinished: options.onJobFinished ?? (() => undefined),
  };
}

/** Sets the per-request logger and logs each request with its response status (tokens redacted). */
function requestLog(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const log = deps.logger.child({ requestId: c.get('requestId') });
    c.set('log', log);
    const startedAt = performance.now();
    await next();
    const url = new URL(c.req.url);
    const path = redactUrl(url.pathname + url.search);
    log.info({ method: c.req.method, path, status: c.res.status, ms: Math.round(performance.now() - startedAt) }, 'request');
    // Route patterns, not raw paths, so job ids do not create a label per job.
    const route = routePath(c, -1);
    deps.metrics?.observeRequest(c.req.method, route === '/*' || route === '' ? 'unmatched' : route, c.res.status);
  };
}
