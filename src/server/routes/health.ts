/**
 * Liveness and readiness. `/v1/healthz` is 200 while the process serves; `/v1/readyz` is 503 when
 * storage cannot be written, ffmpeg cannot be run or the shared queue's Redis does not reply.
 * `/healthz` and `/readyz` keep the plain-text responses of the Dart server's base router.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../app-deps.js';
import type { RouteContext } from './route-context.js';

export function registerHealthRoutes(app: Hono<AppEnv>, context: RouteContext): void {
  app.get('/v1/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/healthz', (c) => c.text('ok'));

  const readiness = async (): Promise<Record<string, string>> => {
    const failures: Record<string, string> = {};
    await context.storage.checkReady().catch((error: unknown) => (failures['storage'] = describe(error)));
    await context.checkFfmpeg().catch((error: unknown) => (failures['ffmpeg'] = describe(error)));
    await context.checkQueue?.().catch((error: unknown) => (failures['queue'] = describe(error)));
    return failures;
  };

  app.get('/v1/readyz', async (c) => {
    const failures = await readiness();
    if (Object.keys(failures).length === 0) return c.json({ status: 'ok' });
    c.get('log').warn({ failures }, 'readiness check failed');
    return c.json({ status: 'degraded', failures }, 503);
  });
  app.get('/readyz', async (c) => {
    const failures = await readiness();
    return Object.keys(failures).length === 0 ? c.text('ready') : c.text('degraded', 503);
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
