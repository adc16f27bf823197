/** Search quality on the docs shipped in docs/: each query must rank the page a user wants first. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDocsDir } from '../../../src/server/docs/bundled-docs-dir.js';
import { loadDocsLibrary, type DocsLibrary } from '../../../src/server/docs/docs-library.js';

const DOCS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs');

const EXPECTED_FIRST: Array<[query: string, page: string]> = [
  ['how do I render a transparent webm', 'guides/rendering.md'],
  ['quality crf aspect poster', 'guides/rendering.md'],
  ['time strings frames seconds relative', 'guides/video-spec.md'],
  ['slideFadeIn animation preset ease', 'guides/video-spec.md'],
  ['crossFade wipe transition', 'guides/video-spec.md'],
  ['connect Claude Desktop stdio', 'guides/ai-and-mcp.md'],
  ['get_render wait false poll', 'guides/ai-and-mcp.md'],
  ['reverse proxy health checks SHUTDOWN_GRACE', 'guides/deployment.md'],
  ['job JSON downloadUrl status', 'reference/server-api.md'],
  ['Idempotency-Key 409 conflict', 'reference/server-api.md'],
  ['S3 bucket settings', 'reference/configuration.md'],
  ['CORS origins variable', 'reference/configuration.md'],
  ['spec validate max-frames flag', 'reference/cli.md'],
];

describe('docs corpus search', () => {
  let library: DocsLibrary;
  beforeAll(async () => {
    library = await loadDocsLibrary(DOCS_DIR);
  });

  it('is the bundled docs folder', () => {
    expect(path.resolve(bundledDocsDir())).toBe(DOCS_DIR);
  });

  it('has a title on every page', () => {
    for (const page of library.list()) expect(page.title, page.path).not.toBe(path.posix.basename(page.path, '.md'));
  });

  it.each(EXPECTED_FIRST)('ranks "%s" to %s', (query, expected) => {
    expect(library.search(query)[0]?.path).toBe(expected);
  });

  it('shows the query words in the snippet', () => {
    const [first] = library.search('stateless');
    expect(first?.path).toBe('guides/ai-and-mcp.md');
    expect(first?.snippet).toContain('stateless');
  });
});
