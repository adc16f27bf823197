/**
 * Paragraph layout as Flutter's `Text` does it with default settings: greedy wrapping at spaces
 * (a word wider than the line breaks between characters), explicit newlines, `maxLines` cut-off
 * (overflow clip), line height from the font's metrics or `height × fontSize`, and a box width of
 * the widest unwrapped line clamped to the constraint (`TextWidthBasis.parent`). `justify`
 * stretches the spaces of every line to the box width, except a paragraph's last line and the
 * last line drawn, as Flutter's paragraph engine does.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { FontVerticalMetrics } from './fonts.js';

export type TextAlignment = 'left' | 'right' | 'center' | 'justify' | 'start' | 'end';

export interface ResolvedTextStyle {
  /** Canvas `font` shorthand, such as `italic 700 96px "Fluvie Sans"`. */
  font: string;
  fontSize: number;
  /** CSS colour string. */
  color: string;
  letterSpacing: number;
  /** Line height as a multiple of the font size, or null for the font's natural metrics. */
  height: number | null;
  metrics: FontVerticalMetrics;
}

export interface TextLine {
  text: string;
  /** Offset of the line's left edge inside the text box. */
  x: number;
  /** Baseline offset from the top of the text box. */
  baseline: number;
  /** Pixels added to each space of a justified line (the canvas `wordSpacing`), else 0. */
  wordSpacing: number;
}

export interface TextLayout {
  width: number;
  height: number;
  lines: TextLine[];
}

interface MeasuredLine {
  text: string;
  width: number;
  /** Whether the line ends its paragraph, at a newline or the end of the text. */
  endsParagraph: boolean;
}

/** Lays out `text` for a box at most `maxWidth` wide; `minWidth` applies under tight constraints. */
export function layoutText(
  ctx: SKRSContext2D,
  text: string,
  style: ResolvedTextStyle,
  box: { minWidth: number; maxWidth: number },
  align: TextAlignment,
  maxLines: number | null,
): TextLayout {
  applyFont(ctx, style);
  const measure = (value: string): number => (value === '' ? 0 : ctx.measureText(value).width);
  const paragraphs = text.split('\n');
  const intrinsicWidth = Math.max(...paragraphs.map((paragraph) => measure(trimEnd(paragraph))));
  const width = Math.min(Math.max(intrinsicWidth, box.minWidth), box.maxWidth);

  let lines: MeasuredLine[] = [];
  for (const paragraph of paragraphs) lines.push(...wrapParagraph(paragraph, box.maxWidth, measure));
  if (maxLines !== null) lines = lines.slice(0, maxLines);

  const { lineHeight, ascent } = lineMetrics(style);
  return {
    width,
    height: lines.length * lineHeight,
    lines: lines.map((line, index) => {
      const justified = align === 'justify' && !line.endsParagraph && index < lines.length - 1;
      return {
        text: line.text,
        x: justified ? 0 : alignOffset(align, width, line.width),
        baseline: index * lineHeight + ascent,
        wordSpacing: justified ? justifySpacing(line, width) : 0,
      };
    }),
  };
}

/** Returns the pixels to add to each space of `line` so it spans `width`; 0 for a line without spaces. */
export function justifySpacing(line: { text: string; width: number }, width: number): number {
  const spaces = line.text.split(' ').length - 1;
  return spaces === 0 ? 0 : Math.max(width - line.width, 0) / spaces;
}

/** Fills one laid-out line with its top-left box corner at (x, y), stretching its spaces when justified. */
export function fillTextLine(ctx: SKRSContext2D, line: TextLine, x: number, y: number): void {
  if (line.wordSpacing !== 0) ctx.wordSpacing = `${line.wordSpacing}px`;
  ctx.fillText(line.text, x + line.x, y + line.baseline);
  if (line.wordSpacing !== 0) ctx.wordSpacing = '0px';
}

/** Sets the context's text state for `style`; layout and painting must use the same state. */
export function applyFont(ctx: SKRSContext2D, style: ResolvedTextStyle): void {
  ctx.font = style.font;
  ctx.letterSpacing = `${style.letterSpacing}px`;
  ctx.wordSpacing = '0px';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
}

function lineMetrics(style: ResolvedTextStyle): { lineHeight: number; ascent: number } {
  const natural = (style.metrics.ascent + style.metrics.descent) * style.fontSize;
  if (style.height === null) return { lineHeight: natural, ascent: style.metrics.ascent * style.fontSize };
  // Flutter's proportional leading: the line box is height × fontSize, split in the font's ascent:descent ratio.
  const lineHeight = style.height * style.fontSize;
  return { lineHeight, ascent: (style.metrics.ascent * style.fontSize * lineHeight) / natural };
}

function alignOffset(align: TextAlignment, boxWidth: number, lineWidth: number): number {
  switch (align) {
    case 'center':
      return (boxWidth - lineWidth) / 2;
    case 'right':
    case 'end':
      return boxWidth - lineWidth;
    default:
      return 0;
  }
}

function wrapParagraph(paragraph: string, maxWidth: number, measure: (value: string) => number): MeasuredLine[] {
  const words = paragraph.match(/\S+\s*|\s+/g) ?? [''];
  const lines: MeasuredLine[] = [];
  let current = '';

  for (const word of words) {
    const candidate = current + word;
    if (current === '' || measure(trimEnd(candidate)) <= maxWidth) {
      current = candidate;
    } else {
      lines.push(finish(current, measure, false));
      current = word;
    }
    // A single word wider than the line breaks between characters.
    while (measure(trimEnd(current)) > maxWidth && trimEnd(current).length > 1) {
      const cut = longestFittingPrefix(current, maxWidth, measure);
      lines.push(finish(current.slice(0, cut), measure, false));
      current = current.slice(cut);
    }
  }
  lines.push(finish(current, measure, true));
  return lines;
}

function longestFittingPrefix(text: string, maxWidth: number, measure: (value: string) => number): number {
  const chars = Array.from(text);
  let length = 1;
  let units = chars[0]!.length;
  for (let i = 1; i < chars.length; i += 1) {
    const next = units + chars[i]!.length;
    if (measure(text.slice(0, next)) > maxWidth) break;
    units = next;
    length += 1;
  }
  return length === 0 ? 1 : units;
}

function finish(text: string, measure: (value: string) => number, endsParagraph: boolean): MeasuredLine {
  const visible = trimEnd(text);
  return { text: visible, width: measure(visible), endsParagraph };
}

function trimEnd(text: string): string {
  return text.replace(/\s+$/, '');
}
