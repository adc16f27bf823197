/** `POST /v1/maintenance/cleanup`: runs the retention sweep; only `CLEANUP_TOKEN` may call it. */
import type { Hono } from 'hono';
import { FluvieError } from '../../core/errors.js';
import type { AppEnv } from '../app-deps.js';
import { readJsonObject } from '../http/read-json.js';
import { runRetentionSweep } from '../retention/retention-sweep.js';
import type { RouteContext } from './route-context.js';

export function registerMaintenanceRoutes(app: Hono<AppEnv>, context: RouteContext): void {
  app.post('/v1/maintenance/cleanup', context.requireCleanupToken, context.bodyLimit, async (c) => {
    const { body } = await readJsonObject(c);
    const dryRun = body['dryRun'] ?? false;
    if (typeof dryRun !== 'boolean') throw new FluvieError('invalid_request', 'dryRun must be true or false.');

    const report = await runRetentionSweep({ jobs: context.jobs, storage: context.storage, nowMs: context.clock.now(), dryRun, tombstoneTtlMs: context.config.tombstoneTtlMs });
    c.get('log').info({ report }, 'cleanup finished');
    return c.json(report);
  });
}
