/**
 * The docs helper over HTTP, without auth: `GET /v1/docs`, `GET /v1/docs/search?q=&limit=` and
 * `GET /v1/docs/get?path=`. Errors use the flat `{ "error": "<text>" }` shape of the Dart docs helper.
 */
import type { Hono, Env } from 'hono';
import type { DocsLibrary } from './docs-library.js';
import { DEFAULT_SEARCH_LIMIT } from './docs-library.js';

/** Mounts the docs routes; `library` is awaited on the first request, so loading can run in the background. */
export function registerDocsRoutes<E extends Env>(app: Hono<E>, library: DocsLibrary | Promise<DocsLibrary>): void {
  app.get('/v1/docs', async (c) => c.json({ pages: (await library).list() }));

  app.get('/v1/docs/search', async (c) => {
    const query = c.req.query('q');
    if (query === undefined || query.trim() === '') return c.json({ error: 'q is required' }, 400);
    return c.json({ results: (await library).search(query, parseLimit(c.req.query('limit'))) });
  });

  app.get('/v1/docs/get', async (c) => {
    const path = c.req.query('path');
    if (path === undefined || path === '') return c.json({ error: 'path is required' }, 400);
    const page = (await library).get(path);
    if (page === null) return c.json({ error: `No documentation page at "${path}"` }, 404);
    return c.json({ path: page.path, title: page.title, content: page.content });
  });
}

/** `limit` as an integer; missing, non-numeric or non-positive values give the default. */
export function parseLimit(raw: string | number | undefined): number {
  const value = typeof raw === 'number' ? raw : Number.parseInt(raw ?? '', 10);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : DEFAULT_SEARCH_LIMIT;
}
