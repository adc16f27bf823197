/**
 * The docs helper's data: the pages of one corpus and their search index. The HTTP routes and the
 * MCP docs tools both read from a {@link DocsLibrary}.
 */
import { Bm25Index } from './bm25-index.js';
import type { DocPage, DocSearchResult, DocSummary } from './doc-page.js';
import { loadDocCorpus } from './load-doc-corpus.js';
import { buildSnippet } from './snippet.js';
import { tokenize } from './tokenize.js';

/** Results returned when no (or a non-positive) limit is given. */
export const DEFAULT_SEARCH_LIMIT = 5;

export class DocsLibrary {
  private readonly byPath: Map<string, DocPage>;
  private readonly index: Bm25Index;

  constructor(private readonly pages: readonly DocPage[]) {
    this.byPath = new Map(pages.map((page) => [page.path, page]));
    this.index = new Bm25Index(pages);
  }

  /** Every page as `{path, title}`, sorted by path. */
  list(): DocSummary[] {
    return this.pages.map((page) => ({ path: page.path, title: page.title }));
  }

  /** Ranked results with snippets; `limit` ≤ 0 or non-finite means {@link DEFAULT_SEARCH_LIMIT}. */
  search(query: string, limit: number = DEFAULT_SEARCH_LIMIT): DocSearchResult[] {
    const count = Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : DEFAULT_SEARCH_LIMIT;
    const terms = tokenize(query);
    return this.index
      .search(query)
      .slice(0, count)
      .map(({ page }) => ({ path: page.path, title: page.title, snippet: buildSnippet(page.content, terms) }));
  }

  /** The page at exactly this corpus path, or null; nothing outside the corpus resolves. */
  get(path: string): DocPage | null {
    return this.byPath.get(path) ?? null;
  }
}

/** Loads the corpus under `root` and indexes it. */
export async function loadDocsLibrary(root: string): Promise<DocsLibrary> {
  return new DocsLibrary(await loadDocCorpus(root));
}
