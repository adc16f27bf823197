/** One page of the docs corpus. */
export interface DocPage {
  /** Path relative to the corpus root, with `/` separators, such as `guides/rendering.md`. */
  path: string;
  /** Text of the first `# ` heading, or the file name without `.md`. */
  title: string;
  /** The whole markdown source. */
  content: string;
}

/** A page as listed: path and title. */
export interface DocSummary {
  path: string;
  title: string;
}

/** A search hit, best first. */
export interface DocSearchResult {
  path: string;
  title: string;
  snippet: string;
}

/** Returns the text of the first line that starts with `# `, or `fallback`. */
export function extractTitle(markdown: string, fallback: string): string {
  for (const line of markdown.split(/\r?\n/)) {
    if (line.startsWith('# ')) {
      const title = line.slice(2).trim();
      if (title !== '') return title;
    }
  }
  return fallback;
}
