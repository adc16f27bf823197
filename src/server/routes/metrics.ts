/** `GET /metrics` in the Prometheus text format, behind `METRICS_TOKEN` when it is set. */
import type { Hono } from 'hono';
import type { AppEnv } from '../app-deps.js';
import { requireBearer } from '../http/auth-middleware.js';
import type { ServerMetrics } from '../metrics/server-metrics.js';
import type { RouteContext } from './route-context.js';

export function registerMetricsRoute(app: Hono<AppEnv>, context: RouteContext, metrics: ServerMetrics): void {
  const token = context.config.metricsToken;
  if (token !== null) app.use('/metrics', requireBearer(token, 'METRICS_TOKEN'));
  app.get('/metrics', async (c) => c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }));
}
