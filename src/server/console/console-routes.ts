/**
 * The render console: `GET /` serves a page that renders specs through this server's API, with its
 * stylesheet, compiled scripts and the bundled example specs under `/console/`. The page calls the
 * API with the token the user enters, so these routes themselves need no token.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../app-deps.js';
import { bundledConsoleScriptsDir, bundledExamplesDir, isExampleName, isScriptName, listRenderableExamples, readAsset } from './console-assets.js';
import { renderConsolePage } from './console-page.js';
import { CONSOLE_STYLES } from './console-styles.js';

export interface ConsoleRouteOptions {
  /** Shows the prompt box for prompt and edit renders. */
  aiEnabled: boolean;
  /** Folder of the compiled browser scripts (default: `dist/console` of the package). */
  scriptsDir?: string;
  /** Folder of the example specs (default: `examples` of the package). */
  examplesDir?: string;
  /**
   * The server's media folder (MEDIA_DIR); only examples whose media files it contains are listed.
   * Default null: only examples without local media.
   */
  mediaDir?: string | null;
  /** HTML fragment listing what the server has enabled, shown collapsed under the console. */
  serverSummary?: string;
}

/**
 * Content-Security-Policy of the console: scripts, styles and API calls only from this server.
 * Rendered files may come from another origin (`PUBLIC_BASE_URL`, S3), so media and images may not.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob: http: https:",
  "media-src 'self' blob: http: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export function registerConsoleRoutes(app: Hono<AppEnv>, options: ConsoleRouteOptions): void {
  const scriptsDir = options.scriptsDir ?? bundledConsoleScriptsDir();
  const examplesDir = options.examplesDir ?? bundledExamplesDir();

  app.get('/', async (c) => {
    const [examples, entry] = await Promise.all([listRenderableExamples(examplesDir, options.mediaDir ?? null), readAsset(scriptsDir, 'main.js', isScriptName)]);
    if (entry === null) c.get('log').warn({ scriptsDir }, 'console scripts are missing; run npm run build');
    const html = renderConsolePage({
      aiEnabled: options.aiEnabled,
      examples,
      scriptsBuilt: entry !== null,
      ...(options.serverSummary === undefined ? {} : { serverSummary: options.serverSummary }),
    });
    return c.html(html, 200, { 'content-security-policy': CONTENT_SECURITY_POLICY, 'cache-control': 'no-cache' });
  });

  app.get('/console/console.css', (c) => c.body(CONSOLE_STYLES, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }));

  app.get('/console/examples/:name', async (c) => {
    const body = await readAsset(examplesDir, c.req.param('name'), isExampleName);
    if (body === null) return c.json({ error: { code: 'not_found', message: 'No such example' } }, 404);
    return c.body(new Uint8Array(body), 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' });
  });

  app.get('/console/:name', async (c) => {
    const body = await readAsset(scriptsDir, c.req.param('name'), isScriptName);
    if (body === null) return c.json({ error: { code: 'not_found', message: 'No such console file; the console scripts are built by npm run build' } }, 404);
    return c.body(new Uint8Array(body), 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
  });
}
