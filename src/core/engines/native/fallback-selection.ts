/**
 * Chooses which fallback families a render's font strings list. Skia resolves every family named in
 * a canvas `font` string each time it meets a new font string. Listing all of the roughly 220 CJK
 * slices therefore costs about 0.2 s of setup per distinct style (`@napi-rs/canvas` 1.2.1, measured
 * on a 2-core machine). Fontsource cuts each slice to the code points of its unicode-range, so a render
 * lists just the slices whose ranges contain a code point its text may draw, and draws the same pixels.
 */

/** An inclusive range of Unicode code points. */
export type CodePointRange = readonly [first: number, last: number];

/** A fallback family, with the code points it covers, or null ranges for a family listed for any text. */
export interface FallbackFamily {
  family: string;
  ranges: readonly CodePointRange[] | null;
}

/** The code points a render may draw, or 'all' when they cannot be known from its spec. */
export type TextCodePoints = ReadonlySet<number> | 'all';

/**
 * Parses a CSS `unicode-range` value such as `U+1f1e9-1f1f5,U+1f21a,U+4??`.
 * Throws on an entry that is not a CSS unicode-range token.
 */
export function parseUnicodeRange(value: string): CodePointRange[] {
  const ranges: CodePointRange[] = [];
  for (const rawEntry of value.split(',')) {
    const entry = rawEntry.trim();
    const match = /^U\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?$/i.exec(entry);
    if (match === null) throw new Error(`Invalid unicode-range entry "${entry}" in "${value}"`);

    const start = match[1]!;
    if (start.includes('?')) {
      // A wildcard such as U+4?? stands for U+400-4FF.
      ranges.push([Number.parseInt(start.replaceAll('?', '0'), 16), Number.parseInt(start.replaceAll('?', 'f'), 16)]);
    } else {
      const first = Number.parseInt(start, 16);
      ranges.push([first, match[2] === undefined ? first : Number.parseInt(match[2], 16)]);
    }
  }
  return ranges;
}

/**
 * Builds the quoted, comma-separated fallback list for a render that draws `codePoints`, keeping
 * the order of `fallbacks`. Families without ranges are always listed.
 */
export function fallbackFamilyList(fallbacks: readonly FallbackFamily[], codePoints: TextCodePoints): string {
  const listed = fallbacks.filter((fallback) => codePoints === 'all' || fallback.ranges === null || coversAny(fallback.ranges, codePoints));
  return listed.map((fallback) => `"${fallback.family}"`).join(', ');
}

function coversAny(ranges: readonly CodePointRange[], codePoints: ReadonlySet<number>): boolean {
  for (const codePoint of codePoints) {
    for (const [first, last] of ranges) if (codePoint >= first && codePoint <= last) return true;
  }
  return false;
}
