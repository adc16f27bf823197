/**
 * Chart scale and category labels. Fluvie's charts draw no text, but the native engine adds the
 * data keys under the plot in the label colour `#E0E0E0`, sized to stay legible at 1080 px.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { NodeContext } from './nodes.js';
import { builtStyle, lineBox } from './paint-text.js';
import { applyFont, type ResolvedTextStyle } from './text-layout.js';

const LABEL_COLOR = '#FFE0E0E0';
/** Label size in logical pixels: 24 px is legible on a 1080 px frame. */
const LABEL_FONT_SIZE = 24;
const LABEL_GAP = 6;

export interface ChartLabels {
  style: ResolvedTextStyle;
  height: number;
}

export function chartLabelStyle(context: NodeContext, path: string): ChartLabels {
  const style = builtStyle(context, path, { fontSize: LABEL_FONT_SIZE }, LABEL_COLOR);
  return { style, height: lineBox(style).height };
}

/** Height the labels take under the plot. */
export function labelBand(labels: ChartLabels): number {
  return labels.height + LABEL_GAP;
}

/** Rounds `value` up to 1, 2, 5 or 10 times a power of ten (1 for values ≤ 0). */
export function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value - 1e-9 * power) return step * power;
  return 10 * power;
}

/** Draws each category centred under its x position, `baseline` being the plot's bottom edge. */
export function drawCategoryLabels(ctx: SKRSContext2D, labels: ChartLabels, categories: readonly string[], centers: readonly number[], plotBottom: number): void {
  applyFont(ctx, labels.style);
  ctx.fillStyle = labels.style.color;
  const ascent = lineBox(labels.style).ascent;
  categories.forEach((category, index) => {
    const width = ctx.measureText(category).width;
    ctx.fillText(category, centers[index]! - width / 2, plotBottom + LABEL_GAP + ascent);
  });
}
