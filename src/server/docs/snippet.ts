/** The text shown under a search result: a window of the page body around the first query word. */

/** Window length in characters. */
export const SNIPPET_LENGTH = 240;
/** Characters of context kept before the first hit. */
export const SNIPPET_LEAD = 40;

/**
 * Returns a {@link SNIPPET_LENGTH}-character window of `body` (whitespace collapsed) that starts
 * {@link SNIPPET_LEAD} characters before the earliest occurrence of any query token, or at the start
 * when no token occurs. An ellipsis marks each cut end.
 */
export function buildSnippet(body: string, queryTokens: readonly string[]): string {
  const text = body.replace(/\s+/g, ' ').trim();
  const lower = text.toLowerCase();

  let firstHit = -1;
  for (const token of queryTokens) {
    const index = lower.indexOf(token);
    if (index !== -1 && (firstHit === -1 || index < firstHit)) firstHit = index;
  }

  const start = firstHit === -1 ? 0 : Math.max(0, firstHit - SNIPPET_LEAD);
  const end = Math.min(text.length, start + SNIPPET_LENGTH);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  return `${prefix}${text.slice(start, end)}${suffix}`;
}
