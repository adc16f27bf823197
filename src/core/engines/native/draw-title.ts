/**
 * `TitleCard` and `LowerThird`. Both fill their box and draw an optional `child` behind them at
 * full size. TitleCard: a centred block inside 24 px padding, the title at 40 px bold, an 8 px gap,
 * the subtitle at 20 px in the same colour at alpha 0.7; with `reveal` the block fades in
 * linearly. LowerThird: a full-width bar 48 px above the bottom (colour `#CC101418`, radius 8,
 * padding 20 × 12) with the name at 22 px white and the title at 14 px `#B0BEC5`, left-aligned;
 * with `reveal` it slides in from 64 px to the left, linearly, without a fade.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { LowerThirdElement, TitleCardElement } from '../../../spec/index.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { layoutChildFill } from './child-layout.js';
import { clockFrames, elapsedFrames, revealProgress, type DrawChild, type ElementClock } from './element-drawer.js';
import type { BoxConstraints, Size } from './layout.js';
import type { DrawNode, NodeContext } from './nodes.js';
import { builtStyle, fillText, measureText } from './paint-text.js';
import { cssColor } from './style.js';
import type { ResolvedTextStyle, TextLayout } from './text-layout.js';

const TITLE_PADDING = 24;
const TITLE_GAP = 8;
const BAR_BOTTOM = 48;
const BAR_RADIUS = 8;
const BAR_PADDING_X = 20;
const BAR_PADDING_Y = 12;
const SLIDE_DISTANCE = 64;

/** Reveal progress that is 1 when the element has no `reveal`. */
class Reveal {
  private readonly frames: number | null;
  progress = 1;

  constructor(
    private readonly clock: ElementClock,
    reveal: string | undefined,
  ) {
    this.frames = reveal === undefined ? null : clockFrames(clock, reveal);
  }

  update(frame: number): number {
    this.progress = this.frames === null ? 1 : revealProgress(elapsedFrames(this.clock, frame), this.frames);
    return this.progress;
  }
}

export function createTitleCardDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as TitleCardElement;
  const children = element.child === undefined ? [] : [env.buildChild(element.child)];
  return { drawer: new TitleCardDrawer(env, element, children[0] ?? null), children };
}

class TitleCardDrawer {
  private readonly reveal: Reveal;
  private readonly title: ResolvedTextStyle;
  private readonly subtitle: ResolvedTextStyle | null;
  private readonly subtitleColor: string;
  private readonly context: NodeContext;
  private titleLayout: TextLayout | null = null;
  private subtitleLayout: TextLayout | null = null;

  constructor(
    env: DrawnEnv,
    private readonly element: TitleCardElement,
    private readonly child: DrawNode | null,
  ) {
    const context: NodeContext = env.context;
    const color = element.color ?? '#FFFFFFFF';
    this.reveal = new Reveal(env.clock, element.reveal);
    this.title = builtStyle(context, `${env.planned.path}.title`, { fontSize: 40, fontWeight: 'w700' }, color);
    this.subtitle = element.subtitle === undefined ? null : builtStyle(context, `${env.planned.path}.subtitle`, { fontSize: 20 }, color);
    this.subtitleColor = withAlpha(cssColor(color), 0.7);
    this.context = context;
  }

  measure(constraints: BoxConstraints): Size {
    const size = { width: constraints.maxWidth, height: constraints.maxHeight };
    const inner = Math.max(size.width - 2 * TITLE_PADDING, 0);
    this.titleLayout = measureText(this.context, this.element.title, this.title, inner, 'center');
    this.subtitleLayout = this.subtitle === null ? null : measureText(this.context, this.element.subtitle ?? '', this.subtitle, inner, 'center');
    if (this.child !== null) layoutChildFill(this.child, { x: 0, y: 0, ...size });
    return size;
  }

  update(frame: number): number {
    return this.reveal.update(frame);
  }

  paint(ctx: SKRSContext2D, size: Size, alpha: number, drawChild: DrawChild): void {
    if (this.child !== null) drawChild(ctx, this.child, alpha);
    const title = this.titleLayout;
    if (title === null || this.reveal.progress <= 0) return;
    const subtitle = this.subtitleLayout;
    const blockHeight = title.height + (subtitle === null ? 0 : TITLE_GAP + subtitle.height);
    const blockWidth = Math.max(title.width, subtitle?.width ?? 0);
    const left = (size.width - blockWidth) / 2;
    const top = (size.height - blockHeight) / 2;

    ctx.globalAlpha = alpha * this.reveal.progress;
    // The column is as wide as its widest line and centres each text in it.
    fillText(ctx, title, this.title, left + (blockWidth - title.width) / 2, top);
    if (subtitle !== null && this.subtitle !== null) {
      fillText(ctx, subtitle, this.subtitle, left + (blockWidth - subtitle.width) / 2, top + title.height + TITLE_GAP, this.subtitleColor);
    }
  }
}

export function createLowerThirdDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as LowerThirdElement;
  const children = element.child === undefined ? [] : [env.buildChild(element.child)];
  return { drawer: new LowerThirdDrawer(env, element, children[0] ?? null), children };
}

class LowerThirdDrawer {
  private readonly reveal: Reveal;
  private readonly nameStyle: ResolvedTextStyle;
  private readonly titleStyle: ResolvedTextStyle;
  private readonly barColor: string;
  private readonly context: NodeContext;
  private nameLayout: TextLayout | null = null;
  private titleLayout: TextLayout | null = null;

  constructor(
    env: DrawnEnv,
    private readonly element: LowerThirdElement,
    private readonly child: DrawNode | null,
  ) {
    this.context = env.context;
    this.reveal = new Reveal(env.clock, element.reveal);
    this.nameStyle = builtStyle(env.context, `${env.planned.path}.name`, { fontSize: 22 }, '#FFFFFFFF');
    this.titleStyle = builtStyle(env.context, `${env.planned.path}.title`, { fontSize: 14 }, '#FFB0BEC5');
    this.barColor = cssColor(element.color ?? '#CC101418');
  }

  measure(constraints: BoxConstraints): Size {
    const size = { width: constraints.maxWidth, height: constraints.maxHeight };
    const inner = Math.max(size.width - 2 * BAR_PADDING_X, 0);
    this.nameLayout = measureText(this.context, this.element.name, this.nameStyle, inner);
    this.titleLayout = this.element.title === undefined ? null : measureText(this.context, this.element.title, this.titleStyle, inner);
    if (this.child !== null) layoutChildFill(this.child, { x: 0, y: 0, ...size });
    return size;
  }

  update(frame: number): number {
    return this.reveal.update(frame);
  }

  paint(ctx: SKRSContext2D, size: Size, alpha: number, drawChild: DrawChild): void {
    if (this.child !== null) drawChild(ctx, this.child, alpha);
    const name = this.nameLayout;
    if (name === null) return;
    const textHeight = name.height + (this.titleLayout?.height ?? 0);
    const barHeight = textHeight + 2 * BAR_PADDING_Y;
    const offsetX = -(1 - this.reveal.progress) * SLIDE_DISTANCE;
    const top = size.height - BAR_BOTTOM - barHeight;

    ctx.globalAlpha = alpha;
    ctx.fillStyle = this.barColor;
    ctx.beginPath();
    ctx.roundRect(offsetX, top, size.width, barHeight, BAR_RADIUS);
    ctx.fill();
    fillText(ctx, name, this.nameStyle, offsetX + BAR_PADDING_X, top + BAR_PADDING_Y);
    if (this.titleLayout !== null) fillText(ctx, this.titleLayout, this.titleStyle, offsetX + BAR_PADDING_X, top + BAR_PADDING_Y + name.height);
  }
}

/** Multiplies the alpha of an `rgba()` colour by `factor`. */
export function withAlpha(color: string, factor: number): string {
  const match = /^rgba\((\d+),(\d+),(\d+),([\d.]+)\)$/.exec(color);
  if (match === null) return color;
  return `rgba(${match[1]},${match[2]},${match[3]},${Number(match[4]) * factor})`;
}
