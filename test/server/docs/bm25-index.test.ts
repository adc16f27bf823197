import { describe, expect, it } from 'vitest';
import { Bm25Index, BM25_B, BM25_K1 } from '../../../src/server/docs/bm25-index.js';
import type { DocPage } from '../../../src/server/docs/doc-page.js';

function page(path: string, content: string, title = path): DocPage {
  return { path, title, content };
}

describe('Bm25Index', () => {
  it('scores a single-term query by the BM25 formula', () => {
    const pages = [page('a.md', 'alpha beta', 'A'), page('b.md', 'gamma delta epsilon zeta', 'B')];
    const [hit] = new Bm25Index(pages).search('alpha');

    // Page a.md indexes "A alpha beta": 3 tokens; the average over both pages is (3 + 5) / 2.
    const idf = Math.log(1 + (2 - 1 + 0.5) / (1 + 0.5));
    const expected = (idf * (1 * (BM25_K1 + 1))) / (1 + BM25_K1 * (1 - BM25_B + (BM25_B * 3) / 4));
    expect(hit?.page.path).toBe('a.md');
    expect(hit?.score).toBeCloseTo(expected, 12);
  });

  it('ranks more frequent terms higher', () => {
    const pages = [page('once.md', 'render one two three'), page('twice.md', 'render render one two')];
    expect(new Bm25Index(pages).search('render').map((hit) => hit.page.path)).toEqual(['twice.md', 'once.md']);
  });

  it('favours rare terms across the corpus', () => {
    const pages = [page('common.md', 'video video video'), page('rare.md', 'video webhook'), page('other.md', 'video frames')];
    expect(new Bm25Index(pages).search('video webhook')[0]?.page.path).toBe('rare.md');
  });

  it('indexes the title with the body', () => {
    const pages = [page('x.md', 'nothing here', 'Deployment'), page('y.md', 'also nothing', 'Other')];
    expect(new Bm25Index(pages).search('deployment').map((hit) => hit.page.path)).toEqual(['x.md']);
  });

  it('orders equal scores by path', () => {
    const pages = [page('b.md', 'same words'), page('a.md', 'same words'), page('c.md', 'same words')];
    expect(new Bm25Index(pages).search('words').map((hit) => hit.page.path)).toEqual(['a.md', 'b.md', 'c.md']);
  });

  it('returns only pages with a positive score', () => {
    const pages = [page('a.md', 'alpha'), page('b.md', 'beta')];
    expect(new Bm25Index(pages).search('gamma')).toEqual([]);
    expect(new Bm25Index(pages).search('--')).toEqual([]);
  });

  it('counts a repeated query word once', () => {
    const pages = [page('a.md', 'alpha beta'), page('b.md', 'beta gamma')];
    const index = new Bm25Index(pages);
    expect(index.search('alpha alpha')[0]?.score).toBeCloseTo(index.search('alpha')[0]?.score ?? 0, 12);
  });

  it('handles an empty corpus', () => {
    expect(new Bm25Index([]).search('anything')).toEqual([]);
  });
});
