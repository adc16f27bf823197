import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../../src/server/app-deps.js';
import { bundledExamplesDir } from '../../../src/server/console/console-assets.js';
import { registerConsoleRoutes } from '../../../src/server/console/console-routes.js';
import { createSilentLogger } from '../../../src/server/logger.js';

let scriptsDir: string;
let emptyDir: string;

function consoleApp(options: { aiEnabled?: boolean; scriptsDir?: string; mediaDir?: string } = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('log', createSilentLogger());
    await next();
  });
  registerConsoleRoutes(app, { aiEnabled: options.aiEnabled ?? false, scriptsDir: options.scriptsDir ?? scriptsDir, mediaDir: options.mediaDir ?? null });
  return app;
}

beforeAll(async () => {
  scriptsDir = await mkdtemp(path.join(tmpdir(), 'fluvie-console-'));
  emptyDir = await mkdtemp(path.join(tmpdir(), 'fluvie-console-empty-'));
  await writeFile(path.join(scriptsDir, 'main.js'), 'console.log("console entry");');
});

afterAll(async () => {
  await rm(scriptsDir, { recursive: true, force: true });
  await rm(emptyDir, { recursive: true, force: true });
});

describe('console page', () => {
  it('serves the page with a strict policy', async () => {
    const response = await consoleApp().request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("style-src 'self'");

    const html = await response.text();
    expect(html).toContain('<script type="module" src="/console/main.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/console/console.css">');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toContain('role="alert"');
  });

  it('labels every form control', async () => {
    const html = await (await consoleApp({ aiEnabled: true }).request('/')).text();
    const ids = [...html.matchAll(/<(?:input|select|textarea)[^>]*\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.length).toBeGreaterThanOrEqual(8);
    for (const id of ids) expect(html, `label for ${id}`).toContain(`<label for="${id}"`);
  });

  it('lists the bundled examples', async () => {
    const html = await (await consoleApp().request('/')).text();
    expect(html).toContain('<option value="hello.fluvie.json">hello</option>');
  });

  it('lists examples with media only with their folder', async () => {
    const withoutMedia = await (await consoleApp().request('/')).text();
    expect(withoutMedia).not.toContain('value="bench.fluvie.json"');
    const withMedia = await (await consoleApp({ mediaDir: bundledExamplesDir() }).request('/')).text();
    expect(withMedia).toContain('<option value="bench.fluvie.json">bench</option>');
  });

  it('shows the prompt box only with AI', async () => {
    expect(await (await consoleApp({ aiEnabled: false }).request('/')).text()).not.toContain('id="ai-form"');
    const html = await (await consoleApp({ aiEnabled: true }).request('/')).text();
    expect(html).toContain('id="ai-form"');
    expect(html).toContain('data-ai="true"');
  });

  it('says how to build missing scripts', async () => {
    const html = await (await consoleApp({ scriptsDir: emptyDir }).request('/')).text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('npm run build');
  });
});

describe('console files', () => {
  it('serves compiled scripts', async () => {
    const response = await consoleApp().request('/console/main.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log("console entry");');
  });

  it('serves the stylesheet', async () => {
    const response = await consoleApp().request('/console/console.css');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const css = await response.text();
    expect(css).toContain(':focus-visible');
    expect(css).not.toMatch(/url\(|@import/);
  });

  it('serves bundled examples', async () => {
    const response = await consoleApp().request('/console/examples/hello.fluvie.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.text()).toBe(await readFile(path.join(bundledExamplesDir(), 'hello.fluvie.json'), 'utf8'));
  });

  it('rejects names outside the folders', async () => {
    const app = consoleApp();
    for (const url of ['/console/missing.js', '/console/Main.JS', '/console/..%2Fpackage.json', '/console/%2e%2e%2fmain.js', '/console/examples/..%2F..%2Fpackage.json', '/console/examples/missing.fluvie.json', '/console/examples/assets']) {
      const response = await app.request(url);
      expect(response.status, url).toBe(404);
    }
  });
});
