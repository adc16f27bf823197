/**
 * Paragraph layout for text made of differently styled runs (Text `spans`, Markdown inlines). It
 * wraps greedily at spaces across run boundaries, breaks at newlines and stops at `maxLines`. Each
 * line is as tall as its tallest run, and every run sits on the line's shared baseline.
 * NOTE: runs are placed left to right word by word, so a right-to-left sentence split over several
 * words or spans comes out in the wrong word order. A plain `Text` is shaped whole and is correct.
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

interface PendingLine {
  fragments: Omit<PlacedFragment, 'baseline' | 'top' | 'height'>[];
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
      for (const word of piece.match(/\S+\s*|\s+/g) ?? []) {
        const visible = measure(word.trimEnd(), run.style);
        const full = measure(word, run.style);
        if (current().fragments.length > 0 && current().width + visible > maxWidth) lines.push({ fragments: [], width: 0 });
        const line = current();
        line.fragments.push({ text: word, style: run.style, background: run.background, x: line.width, width: full });
        line.width += full;
      }
    });
  }

  const shown = maxLines === null ? lines : lines.slice(0, maxLines);
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
    for (const fragment of line.fragments) {
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

function trimmedWidth(line: PendingLine, measure: (text: string, style: ResolvedTextStyle) => number): number {
  const last = line.fragments[line.fragments.length - 1];
  if (last === undefined) return 0;
  return line.width - last.width + measure(last.text.trimEnd(), last.style);
}

function alignShift(align: TextAlignment, width: number, lineWidth: number): number {
  if (align === 'center') return (width - lineWidth) / 2;
  if (align === 'right' || align === 'end') return width - lineWidth;
  return 0;
}
