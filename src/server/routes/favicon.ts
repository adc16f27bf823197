/**
 * `GET /favicon.ico`: browsers request it for every page, so it gets 204 with a day of caching
 * instead of a 404 that shows as an error in the browser console and the request log.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../app-deps.js';

export function registerFaviconRoute(app: Hono<AppEnv>): void {
  app.get('/favicon.ico', (c) => c.body(null, 204, { 'cache-control': 'public, max-age=86400' }));
}
