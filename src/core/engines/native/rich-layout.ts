/**
 * Paragraph layout for text made of differently styled runs (Text `spans`, Markdown inlines). It
 * wraps greedily at spaces across run boundaries, breaks at newlines and stops at `maxLines`. Each
 * line is as tall as its tallest run, and every run sits on the line's shared baseline.
 * Words are shaped one at a time, so right-to-left order between words is restored here: a
 * sequence of right-to-left words in a line is mirrored inside the space it takes.
 * NOTE: this is a word-level approximation of the Unicode bidi algorithm (no nesting, numbers or
 * mirrored brackets). A plain `Text` is shaped whole by Skia and follows the full algorithm.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { lineBox } from './paint-text.js';
import { applyFont, type ResolvedTextStyle, type TextAlignment } from './text-layout.js';

export interface StyledRun {
  text: string;
  style: ResolvedTextStyle;
  /** Fill behind the run's glyphs, such as a code span's background. */
  background?: string;
}

export interface PlacedFragment {
  text: string;
  style: ResolvedTextStyle;
  background: string | undefined;
  x: number;
  /** Baseline offset from the paragraph top. */
  baseline: number;
  width: number;
  top: number;
  height: number;
}

export interface RichLayout {
  width: number;
  height: number;
  fragments: PlacedFragment[];
}

export interface PendingFragment extends Omit<PlacedFragment, 'baseline' | 'top' | 'height'> {
  /** Width without trailing spaces. */
  visibleWidth: number;
}

interface PendingLine {
  fragments: PendingFragment[];
  width: number;
}

/** Lays out `runs` for a box at most `maxWidth` wide. */
export function layoutRuns(ctx: SKRSContext2D, runs: readonly StyledRun[], maxWidth: number, align: TextAlignment, maxLines: number | null): RichLayout {
  const measure = (text: string, style: ResolvedTextStyle): number => {
    applyFont(ctx, style);
    return text === '' ? 0 : ctx.measureText(text).width;
  };
  const lines: PendingLine[] = [{ fragments: [], width: 0 }];
  const current = (): PendingLine => lines[lines.length - 1]!;

  for (const run of runs) {
    const pieces = run.text.split('\n');
    pieces.forEach((piece, pieceIndex) => {
      if (pieceIndex > 0) lines.push({ fragments: [], width: 0 });
      for (const word of breakableWords(piece, maxWidth, (text) => measure(text, run.style))) {
        const visible = measure(word.trimEnd(), run.style);
        const full = measure(word, run.style);
        if (current().fragments.length > 0 && current().width + visible > maxWidth) lines.push({ fragments: [], width: 0 });
        const line = current();
        line.fragments.push({ text: word, style: run.style, background: run.background, x: line.width, width: full, visibleWidth: visible });
        line.width += full;
      }
    });
  }

  const shown = maxLines === null ? lines : lines.slice(0, maxLines);
  for (const line of shown) mirrorRightToLeft(line.fragments);
  const widths = shown.map((line) => trimmedWidth(line, measure));
  const width = Math.min(Math.max(0, ...widths), maxWidth);
  const fragments: PlacedFragment[] = [];
  let top = 0;
  shown.forEach((line, index) => {
    const boxes = line.fragments.map((fragment) => lineBox(fragment.style));
    const fallback = runs[0] === undefined ? { height: 0, ascent: 0 } : lineBox(runs[0].style);
    const ascent = Math.max(fallback.ascent, ...boxes.map((box) => box.ascent));
    const descent = Math.max(fallback.height - fallback.ascent, ...boxes.map((box) => box.height - box.ascent));
    const shift = alignShift(align, width, widths[index]!);
    for (const { visibleWidth: _visible, ...fragment } of line.fragments) {
      const box = lineBox(fragment.style);
      fragments.push({ ...fragment, x: fragment.x + shift, baseline: top + ascent, top: top + ascent - box.ascent, height: box.height });
    }
    top += ascent + descent;
  });
  return { width, height: top, fragments };
}

/** Paints a rich layout with its top-left at (x, y). */
export function paintRuns(ctx: SKRSContext2D, layout: RichLayout, x: number, y: number): void {
  for (const fragment of layout.fragments) {
    applyFont(ctx, fragment.style);
    if (fragment.background !== undefined) {
      ctx.fillStyle = fragment.background;
      ctx.fillRect(x + fragment.x, y + fragment.top, ctx.measureText(fragment.text.trimEnd()).width, fragment.height);
    }
    ctx.fillStyle = fragment.style.color;
    ctx.fillText(fragment.text.trimEnd(), x + fragment.x, y + fragment.baseline);
  }
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Splits a paragraph into words with their trailing spaces. A word wider than the line (a long URL,
 * or CJK text without spaces) is cut between grapheme clusters into pieces that fit.
 */
function breakableWords(paragraph: string, maxWidth: number, measure: (text: string) => number): string[] {
  const words: string[] = [];
  for (const word of paragraph.match(/\S+\s*|\s+/g) ?? []) {
    if (measure(word.trimEnd()) <= maxWidth) {
      words.push(word);
      continue;
    }
    let piece = '';
    for (const { segment } of graphemes.segment(word)) {
      if (piece !== '' && measure((piece + segment).trimEnd()) > maxWidth) {
        words.push(piece);
        piece = '';
      }
      piece += segment;
    }
    if (piece !== '') words.push(piece);
  }
  return words;
}

/** First strong character is Hebrew or Arabic (including their presentation forms). */
const RIGHT_TO_LEFT = /^[^\p{L}]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** Mirrors each maximal sequence of right-to-left words inside the span the sequence covers. */
export function mirrorRightToLeft(fragments: PendingFragment[]): void {
  let index = 0;
  while (index < fragments.length) {
    if (!RIGHT_TO_LEFT.test(fragments[index]!.text)) {
      index += 1;
      continue;
    }
    let end = index;
    while (end + 1 < fragments.length && RIGHT_TO_LEFT.test(fragments[end + 1]!.text)) end += 1;
    const left = fragments[index]!.x;
    const right = fragments[end]!.x + fragments[end]!.visibleWidth;
    for (let k = index; k <= end; k += 1) {
      const fragment = fragments[k]!;
      fragment.x = left + right - (fragment.x + fragment.visibleWidth);
    }
    index = end + 1;
  }
}

function trimmedWidth(line: PendingLine, measure: (text: string, style: ResolvedTextStyle) => number): number {
  const last = line.fragments[line.fragments.length - 1];
  if (last === undefined) return 0;
  return line.width - last.width + measure(last.text.trimEnd(), last.style);
}

function alignShift(align: TextAlignment, width: number, lineWidth: number): number {
  if (align === 'center') return (width - lineWidth) / 2;
  if (align === 'right' || align === 'end') return width - lineWidth;
  // NOTE: `justify` lines of styled runs are drawn left-aligned; only plain text (text-layout.ts) stretches its spaces.
  return 0;
}
