/**
 * `Callout` and `Spotlight`, both filling their box over an optional full-size `child`, with
 * Fluvie's metrics. Callout: a label pill with its top-left at `labelAt` (default 16, 16) and an
 * arrow (3 px shaft, 14 px head) from 8 right of and 28 below `labelAt` to `target`, in `color`
 * (default the first chart-palette colour). Spotlight: everything outside `region` is dimmed with
 * `color`, and with `reveal` the lit hole (corner radius 12) grows from the region's centre.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { CalloutElement, SpotlightElement } from '../../../spec/index.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { layoutChildFill } from './child-layout.js';
import { clockFrames, elapsedFrames, revealProgress, type DrawChild, type ElementClock } from './element-drawer.js';
import type { BoxConstraints, Size } from './layout.js';
import type { DrawNode, NodeContext } from './nodes.js';
import { builtStyle, fillText, measureText } from './paint-text.js';
import { cssColor } from './style.js';
import type { ResolvedTextStyle, TextLayout } from './text-layout.js';

const CALLOUT_COLOR = '#FF6C5CE7';
const DEFAULT_LABEL_AT = { x: 16, y: 16 };
/** Start of the arrow relative to `labelAt`. */
const ARROW_START_OFFSET = { x: 8, y: 28 };
const ARROW_WIDTH = 3;
const ARROW_HEAD_LENGTH = 14;
const PILL_PADDING_X = 12;
const PILL_PADDING_Y = 6;
const PILL_RADIUS = 14;
const SPOTLIGHT_COLOR = '#B3000000';
const SPOTLIGHT_RADIUS = 12;

export function createCalloutDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as CalloutElement;
  const children = element.child === undefined ? [] : [env.buildChild(element.child)];
  const style = builtStyle(env.context, `${env.planned.path}.label`, { fontSize: 14 }, '#FFFFFFFF');
  return { drawer: new CalloutDrawer(env.context, element, style, children[0] ?? null), children };
}

class CalloutDrawer {
  private label: TextLayout | null = null;
  private readonly color: string;

  constructor(
    private readonly context: NodeContext,
    private readonly element: CalloutElement,
    private readonly style: ResolvedTextStyle,
    private readonly child: DrawNode | null,
  ) {
    this.color = cssColor(element.color ?? CALLOUT_COLOR);
  }

  measure(constraints: BoxConstraints): Size {
    const size = { width: constraints.maxWidth, height: constraints.maxHeight };
    // The pill is positioned by its top-left only, so its text is laid out without a width limit.
    this.label = measureText(this.context, this.element.label, this.style, Infinity);
    if (this.child !== null) layoutChildFill(this.child, { x: 0, y: 0, ...size });
    return size;
  }

  update(): number {
    return 0;
  }

  paint(ctx: SKRSContext2D, _size: Size, alpha: number, drawChild: DrawChild): void {
    if (this.child !== null) drawChild(ctx, this.child, alpha);
    const label = this.label;
    if (label === null) return;
    const at = this.element.labelAt ?? DEFAULT_LABEL_AT;
    ctx.globalAlpha = alpha;
    paintArrow(ctx, { x: at.x + ARROW_START_OFFSET.x, y: at.y + ARROW_START_OFFSET.y }, this.element.target, this.color);
    ctx.fillStyle = this.color;
    ctx.beginPath();
    ctx.roundRect(at.x, at.y, label.width + 2 * PILL_PADDING_X, label.height + 2 * PILL_PADDING_Y, PILL_RADIUS);
    ctx.fill();
    fillText(ctx, label, this.style, at.x + PILL_PADDING_X, at.y + PILL_PADDING_Y);
  }
}

/** Paints a round-capped shaft from `from` to the head's base and a filled head half as wide as it is long, whose tip is at `to`. */
function paintArrow(ctx: SKRSContext2D, from: { x: number; y: number }, to: { x: number; y: number }, color: string): void {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const direction = length === 0 ? { x: 1, y: 0 } : { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
  const back = Math.min(ARROW_HEAD_LENGTH, length);
  const base = { x: to.x - direction.x * back, y: to.y - direction.y * back };
  const half = ARROW_HEAD_LENGTH / 2;

  ctx.strokeStyle = color;
  ctx.lineWidth = ARROW_WIDTH;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(base.x, base.y);
  ctx.stroke();

  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(to.x, to.y);
  ctx.lineTo(base.x - direction.y * half, base.y + direction.x * half);
  ctx.lineTo(base.x + direction.y * half, base.y - direction.x * half);
  ctx.closePath();
  ctx.fill();
}

export function createSpotlightDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as SpotlightElement;
  const children = element.child === undefined ? [] : [env.buildChild(element.child)];
  const revealFrames = element.reveal === undefined ? null : clockFrames(env.clock, element.reveal);
  return { drawer: new SpotlightDrawer(element, env.clock, revealFrames, children[0] ?? null), children };
}

class SpotlightDrawer {
  private progress = 1;
  private readonly color: string;

  constructor(
    private readonly element: SpotlightElement,
    private readonly clock: ElementClock,
    private readonly revealFrames: number | null,
    private readonly child: DrawNode | null,
  ) {
    this.color = cssColor(element.color ?? SPOTLIGHT_COLOR);
  }

  measure(constraints: BoxConstraints): Size {
    const size = { width: constraints.maxWidth, height: constraints.maxHeight };
    if (this.child !== null) layoutChildFill(this.child, { x: 0, y: 0, ...size });
    return size;
  }

  update(frame: number): number {
    this.progress = this.revealFrames === null ? 1 : revealProgress(elapsedFrames(this.clock, frame), this.revealFrames);
    return this.progress;
  }

  paint(ctx: SKRSContext2D, size: Size, alpha: number, drawChild: DrawChild): void {
    if (this.child !== null) drawChild(ctx, this.child, alpha);
    const region = this.element.region;
    const width = region.w * this.progress;
    const height = region.h * this.progress;
    ctx.globalAlpha = alpha;
    ctx.fillStyle = this.color;
    ctx.beginPath();
    ctx.rect(0, 0, size.width, size.height);
    if (width > 0 && height > 0) ctx.roundRect(region.x + (region.w - width) / 2, region.y + (region.h - height) / 2, width, height, SPOTLIGHT_RADIUS);
    ctx.fill('evenodd');
  }
}
