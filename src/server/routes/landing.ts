/**
 * `GET /` without the render API: a small HTML page that lists what this server has enabled. With
 * the API on, the render console serves `/` and shows the same summary in a collapsed section.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../app-deps.js';
import { resolveMcpSetup, toolNamesFor } from '../mcp/mcp-setup.js';
import { defaultProviderReady } from '../requests/admit-render.js';
import type { RouteContext } from './route-context.js';

export function registerLandingRoute(app: Hono<AppEnv>, context: RouteContext): void {
  app.get('/', (c) => c.html(renderLandingPage(context)));
}

function renderLandingPage(context: RouteContext): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>fluvie-render server</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}th{text-align:left;padding-right:1rem}code{background:#eee;padding:0 .25rem}</style></head>
<body>
<h1>fluvie-render server</h1>
<p>Renders VideoSpec documents to video over HTTP, compatible with clients of the Dart <code>fluvie_server</code>.</p>
${renderServerSummary(context)}
</body>
</html>`;
}

/** Builds the HTML table of enabled features and the list of mounted routes (a fragment, no page). */
export function renderServerSummary(context: RouteContext): string {
  const { config } = context;
  const mcp = resolveMcpSetup(config);
  const rows: Array<[string, string]> = [
    ['Render API', config.enableApi ? 'enabled under /v1' : 'disabled'],
    ['Storage', `${context.storage.backend}`],
    ['Parallel renders', String(config.renderConcurrency)],
    ['Default visibility', config.publicByDefault ? 'public' : 'private'],
    ['File lifetime', `${config.fileTtlMs / 1000} s`],
    ['AI authoring (prompt, edit)', defaultProviderReady(config.ai) ? `enabled, default provider ${config.ai.provider}` : `not configured: no API key for ${config.ai.provider}`],
    ['MCP endpoint', mcp.enabled ? `POST /mcp (${mcp.mode} mode${config.mcpToken === null ? '' : ', bearer token required'})` : 'disabled'],
    ['MCP tools', mcp.enabled ? toolNamesFor(mcp).join(', ') : 'none'],
    ['Docs helper', config.enableDocs ? 'enabled under /v1/docs' : 'disabled'],
  ];
  const routes = config.enableApi
    ? ['POST /v1/renders', 'GET /v1/renders/{id}', 'DELETE /v1/renders/{id}', 'GET /v1/files/{id}/{kind}', 'POST /v1/validate', 'GET /v1/schema/video-spec', 'POST /v1/maintenance/cleanup', 'GET /v1/healthz', 'GET /v1/readyz']
    : ['GET /v1/healthz', 'GET /v1/readyz'];
  if (config.enableDocs) routes.push('GET /v1/docs', 'GET /v1/docs/search?q={text}&limit={n}', 'GET /v1/docs/get?path={page}');
  if (mcp.enabled) routes.push('POST /mcp');
  return `<table>${rows.map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>
<h2>Routes</h2>
<ul>${routes.map((route) => `<li><code>${escapeHtml(route)}</code></li>`).join('')}</ul>`;
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
