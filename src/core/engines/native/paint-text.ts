/** Text helpers shared by the drawers: style resolution from plain fields, measuring and filling. */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { ColorSpec, TextStyleSpec } from '../../../spec/index.js';
import type { NodeContext } from './nodes.js';
import { resolveTextStyle } from './style.js';
import { applyFont, fillTextLine, layoutText, type ResolvedTextStyle, type TextAlignment, type TextLayout } from './text-layout.js';

/** Resolves a style the element builds itself (not from the spec), such as a title's 40 px bold. */
export function builtStyle(context: NodeContext, path: string, style: TextStyleSpec, color?: ColorSpec): ResolvedTextStyle {
  return resolveTextStyle(color === undefined ? style : { ...style, color }, path, context);
}

/** Lays out `text` as a Flutter `Text` would under a loose `maxWidth`. */
export function measureText(
  context: NodeContext,
  text: string,
  style: ResolvedTextStyle,
  maxWidth: number,
  align: TextAlignment = 'start',
  maxLines: number | null = null,
): TextLayout {
  return layoutText(context.measureContext, text, style, { minWidth: 0, maxWidth }, align, maxLines);
}

/** Fills a laid-out text with its top-left at (x, y). */
export function fillText(ctx: SKRSContext2D, layout: TextLayout, style: ResolvedTextStyle, x: number, y: number, color = style.color): void {
  applyFont(ctx, style);
  ctx.fillStyle = color;
  for (const line of layout.lines) fillTextLine(ctx, line, x, y);
}

/** Width of one unwrapped run of text, trailing spaces included. */
export function runWidth(context: NodeContext, text: string, style: ResolvedTextStyle): number {
  if (text === '') return 0;
  applyFont(context.measureContext, style);
  return context.measureContext.measureText(text).width;
}

/** Line height and ascent of `style`, as the text layout computes them. */
export function lineBox(style: ResolvedTextStyle): { height: number; ascent: number } {
  const natural = (style.metrics.ascent + style.metrics.descent) * style.fontSize;
  if (style.height === null) return { height: natural, ascent: style.metrics.ascent * style.fontSize };
  const height = style.height * style.fontSize;
  return { height, ascent: (style.metrics.ascent * style.fontSize * height) / natural };
}
