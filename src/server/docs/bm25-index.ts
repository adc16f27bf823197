/**
 * An in-memory BM25 index over the docs pages (k1 1.5, b 0.75). Each page is indexed as its title
 * followed by its body; idf is `ln(1 + (N - df + 0.5) / (df + 0.5))`, which is never negative.
 */
import type { DocPage } from './doc-page.js';
import { tokenize } from './tokenize.js';

export const BM25_K1 = 1.5;
export const BM25_B = 0.75;

interface IndexedPage {
  page: DocPage;
  length: number;
  termCounts: Map<string, number>;
}

export interface ScoredPage {
  page: DocPage;
  score: number;
}

export class Bm25Index {
  private readonly pages: IndexedPage[];
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;

  constructor(pages: readonly DocPage[]) {
    this.pages = pages.map((page) => indexPage(page));
    for (const indexed of this.pages) {
      for (const term of indexed.termCounts.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    const totalLength = this.pages.reduce((sum, indexed) => sum + indexed.length, 0);
    this.averageLength = this.pages.length === 0 ? 0 : totalLength / this.pages.length;
  }

  /** Pages with a score above 0, best first; equal scores are ordered by path. */
  search(query: string): ScoredPage[] {
    const terms = [...new Set(tokenize(query))];
    if (terms.length === 0) return [];

    const scored: ScoredPage[] = [];
    for (const indexed of this.pages) {
      const score = this.score(indexed, terms);
      if (score > 0) scored.push({ page: indexed.page, score });
    }
    return scored.sort((a, b) => b.score - a.score || compareCodeUnits(a.page.path, b.page.path));
  }

  private score(indexed: IndexedPage, terms: readonly string[]): number {
    let score = 0;
    for (const term of terms) {
      const frequency = indexed.termCounts.get(term) ?? 0;
      if (frequency === 0) continue;
      const lengthRatio = this.averageLength === 0 ? 0 : indexed.length / this.averageLength;
      const saturation = (frequency * (BM25_K1 + 1)) / (frequency + BM25_K1 * (1 - BM25_B + BM25_B * lengthRatio));
      score += this.idf(term) * saturation;
    }
    return score;
  }

  private idf(term: string): number {
    const count = this.pages.length;
    const frequency = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5));
  }
}

function indexPage(page: DocPage): IndexedPage {
  const tokens = tokenize(`${page.title}\n${page.content}`);
  const termCounts = new Map<string, number>();
  for (const token of tokens) termCounts.set(token, (termCounts.get(token) ?? 0) + 1);
  return { page, length: tokens.length, termCounts };
}

/** Orders strings by UTF-16 code units, independent of the locale. */
export function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
