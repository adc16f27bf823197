import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocsLibrary } from '../../../src/server/docs/docs-library.js';
import { registerDocsRoutes } from '../../../src/server/docs/docs-routes.js';

const PAGES: Record<string, string> = {
  'guides/rendering.md': '# Rendering\n\nRender a spec to mp4, gif or transparent webm with ffmpeg.\n',
  'guides/deploy.md': '# Deploying\n\nRun the server behind a proxy. Set PUBLIC_BASE_URL.\n',
  'reference/api.md': '# API\n\nPOST /v1/renders queues a render job.\n',
  'a.md': '# A\n\nfiller one\n',
  'b.md': '# B\n\nfiller two\n',
  'c.md': '# C\n\nfiller three\n',
  'd.md': '# D\n\nfiller four\n',
  'e.md': '# E\n\nfiller five\n',
  'f.md': '# F\n\nfiller six\n',
};

describe('docs routes', () => {
  let app: Hono;
  let parent: string;
  let root: string;

  beforeAll(async () => {
    parent = await mkdtemp(path.join(tmpdir(), 'fluvie-docs-'));
    root = path.join(parent, 'corpus');
    for (const [relative, content] of Object.entries(PAGES)) {
      await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
      await writeFile(path.join(root, relative), content);
    }
    // A file next to the corpus that traversal must not reach.
    await writeFile(path.join(parent, 'outside.md'), '# Outside\n');
    app = new Hono();
    registerDocsRoutes(app, loadDocsLibrary(root));
  });

  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  async function json(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await app.request(url);
    expect(response.headers.get('content-type')).toContain('application/json');
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('lists every page sorted by path', async () => {
    const { status, body } = await json('/v1/docs');
    expect(status).toBe(200);
    const pages = body['pages'] as Array<{ path: string; title: string }>;
    expect(pages.map((page) => page.path)).toEqual(Object.keys(PAGES).sort());
    expect(pages).toContainEqual({ path: 'guides/rendering.md', title: 'Rendering' });
  });

  it('searches with ranked results and snippets', async () => {
    const { status, body } = await json('/v1/docs/search?q=transparent%20webm');
    expect(status).toBe(200);
    expect(body['results']).toEqual([
      { path: 'guides/rendering.md', title: 'Rendering', snippet: '… Rendering Render a spec to mp4, gif or transparent webm with ffmpeg.' },
    ]);
  });

  it('limits results to 5 by default', async () => {
    const { body } = await json('/v1/docs/search?q=filler');
    expect(body['results']).toHaveLength(5);
  });

  it('honours a positive limit and ignores a bad one', async () => {
    expect((await json('/v1/docs/search?q=filler&limit=2')).body['results']).toHaveLength(2);
    expect((await json('/v1/docs/search?q=filler&limit=0')).body['results']).toHaveLength(5);
    expect((await json('/v1/docs/search?q=filler&limit=-3')).body['results']).toHaveLength(5);
    expect((await json('/v1/docs/search?q=filler&limit=lots')).body['results']).toHaveLength(5);
    expect((await json('/v1/docs/search?q=filler&limit=9')).body['results']).toHaveLength(6);
  });

  it('requires q', async () => {
    expect(await json('/v1/docs/search')).toEqual({ status: 400, body: { error: 'q is required' } });
    expect(await json('/v1/docs/search?q=%20')).toEqual({ status: 400, body: { error: 'q is required' } });
  });

  it('returns a page by path', async () => {
    const { status, body } = await json('/v1/docs/get?path=guides/deploy.md');
    expect(status).toBe(200);
    expect(body).toEqual({ path: 'guides/deploy.md', title: 'Deploying', content: PAGES['guides/deploy.md'] });
  });

  it('requires path', async () => {
    expect(await json('/v1/docs/get')).toEqual({ status: 400, body: { error: 'path is required' } });
  });

  it('resolves only corpus paths', async () => {
    for (const candidate of ['../outside.md', 'guides/../a.md', '/etc/passwd', './a.md', 'guides\\rendering.md', 'missing.md']) {
      const { status, body } = await json(`/v1/docs/get?path=${encodeURIComponent(candidate)}`);
      expect(status, candidate).toBe(404);
      expect(body, candidate).toEqual({ error: `No documentation page at "${candidate}"` });
    }
  });

  it('serves an empty corpus from a missing folder', async () => {
    const empty = new Hono();
    registerDocsRoutes(empty, loadDocsLibrary(path.join(root, 'missing')));
    expect(await (await empty.request('/v1/docs')).json()).toEqual({ pages: [] });
    expect(await (await empty.request('/v1/docs/search?q=render')).json()).toEqual({ results: [] });
  });
});
