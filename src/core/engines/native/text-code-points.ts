/**
 * The code points a render may draw as text, found before drawing so font strings can name only
 * the fallback fonts that text needs (see fallback-selection.ts).
 */
import type { TextCodePoints } from './fallback-selection.js';

/**
 * Non-ASCII characters the engine draws on its own: the Markdown list bullet and the ellipsis.
 * NOTE: a drawer that adds another non-ASCII character outside Roboto's coverage must add it here,
 * or the glyph falls back to the machine's fonts.
 */
const ENGINE_TEXT = '\u2022\u2026';

/**
 * Collects the code points of every string value and object key in `sources` (a spec and its plan),
 * because all drawn text comes from those strings or from ENGINE_TEXT. Returns 'all' when a string
 * contains an HTML character reference such as `&#x4F60;`, which Markdown turns into other characters.
 */
export function collectTextCodePoints(...sources: readonly unknown[]): TextCodePoints {
  const codePoints = new Set<number>();
  const visited = new Set<object>();
  const pending: unknown[] = [ENGINE_TEXT, ...sources];

  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('&#')) return 'all';
      addCodePoints(value, codePoints);
      continue;
    }
    if (typeof value !== 'object' || value === null || visited.has(value)) continue;
    visited.add(value);

    if (Array.isArray(value)) {
      pending.push(...(value as unknown[]));
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      addCodePoints(key, codePoints);
      pending.push(child);
    }
  }
  return codePoints;
}

function addCodePoints(text: string, codePoints: Set<number>): void {
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    // Printable ASCII is in the primary fonts, so only the rest can select a fallback.
    if (codePoint > 0x7e) codePoints.add(codePoint);
  }
}
