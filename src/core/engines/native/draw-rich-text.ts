/**
 * A `Text` with `spans` or with framing. Spans are styled runs merged over the element style.
 * Framing follows Fluvie: when `decoration`, `padding` or `maxWidth` is present the text uses its
 * longest line as width, then gets padding (horizontal, vertical), the decoration behind it, and a
 * `maxWidth` cap on the whole framed box.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { TextElement } from '../../../spec/index.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import type { BoxConstraints, Size } from './layout.js';
import type { NodeContext } from './nodes.js';
import { paintDecoration, prepareDecoration, type PreparedDecoration } from './paint-decoration.js';
import { layoutRuns, paintRuns, type RichLayout, type StyledRun } from './rich-layout.js';
import { resolveTextStyle } from './style.js';

export function createRichTextDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as TextElement;
  const path = env.planned.path;
  const base = element.style ?? {};
  const runs: StyledRun[] =
    element.spans !== undefined
      ? element.spans.map((span, index) => ({ text: span.text, style: resolveTextStyle({ ...base, ...span.style }, `${path}.spans[${index}].style`, env.context) }))
      : [{ text: element.text ?? '', style: resolveTextStyle(element.style, `${path}.style`, env.context) }];
  const decoration = element.decoration === undefined ? null : prepareDecoration(element.decoration);
  return { drawer: new RichTextDrawer(env.context, element, runs, decoration), children: [] };
}

class RichTextDrawer {
  private layout: RichLayout = { width: 0, height: 0, fragments: [] };

  constructor(
    private readonly context: NodeContext,
    private readonly element: TextElement,
    private readonly runs: readonly StyledRun[],
    private readonly decoration: PreparedDecoration | null,
  ) {}

  measure(constraints: BoxConstraints): Size {
    const padX = this.element.padding?.horizontal ?? 0;
    const padY = this.element.padding?.vertical ?? 0;
    const outerMax = Math.min(constraints.maxWidth, this.element.maxWidth ?? Infinity);
    this.layout = layoutRuns(this.context.measureContext, this.runs, Math.max(outerMax - 2 * padX, 0), this.element.textAlign ?? 'start', this.element.maxLines ?? null);
    const width = this.layout.width + 2 * padX;
    const height = this.layout.height + 2 * padY;
    return {
      width: Math.min(Math.max(width, constraints.minWidth), constraints.maxWidth),
      height: Math.min(Math.max(height, constraints.minHeight), constraints.maxHeight),
    };
  }

  update(): number {
    return 0;
  }

  paint(ctx: SKRSContext2D, size: Size, alpha: number): void {
    ctx.globalAlpha = alpha;
    if (this.decoration !== null) paintDecoration(ctx, this.decoration, { x: 0, y: 0, width: size.width, height: size.height });
    const framed = this.element.decoration !== undefined || this.element.padding !== undefined || this.element.maxWidth !== undefined;
    // A framed text is centred in a box bigger than itself (Align with width and height factor 1).
    const x = framed ? (size.width - this.layout.width) / 2 : 0;
    const y = framed ? (size.height - this.layout.height) / 2 : 0;
    paintRuns(ctx, this.layout, x, y);
  }
}
