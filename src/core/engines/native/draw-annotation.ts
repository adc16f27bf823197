/**
 * `Callout` and `Spotlight`, both filling their box over an optional full-size `child`. Callout:
 * a leader line from the label to `target` (pixels in the box) ending in a dot, and the label in a
 * pill at `labelAt`. Spotlight: everything outside `region` is dimmed with `color`; with `reveal`
 * the dimming fades in linearly.
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

// NOTE: Fluvie's Callout and Spotlight metrics were not available. These defaults (palette
// colour, 14 px label in a pill, label 80 px up-right of the target, 70 % black dimming) are
// the native engine's own.
const CALLOUT_COLOR = '#FF6C5CE7';
const LABEL_OFFSET = { x: 80, y: -80 };
const PILL_PADDING_X = 12;
const PILL_PADDING_Y = 6;
const DOT_RADIUS = 6;
const SPOTLIGHT_COLOR = '#B3000000';

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
    this.label = measureText(this.context, this.element.label, this.style, size.width);
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
    const target = this.element.target;
    const at = this.element.labelAt ?? { x: target.x + LABEL_OFFSET.x, y: target.y + LABEL_OFFSET.y };
    const pill = { x: at.x - label.width / 2 - PILL_PADDING_X, y: at.y - label.height / 2 - PILL_PADDING_Y, width: label.width + 2 * PILL_PADDING_X, height: label.height + 2 * PILL_PADDING_Y };

    ctx.globalAlpha = alpha;
    ctx.strokeStyle = this.color;
    ctx.fillStyle = this.color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(at.x, at.y);
    ctx.lineTo(target.x, target.y);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(target.x, target.y, DOT_RADIUS, 0, 2 * Math.PI);
    ctx.fill();
    ctx.beginPath();
    ctx.roundRect(pill.x, pill.y, pill.width, pill.height, pill.height / 2);
    ctx.fill();
    fillText(ctx, label, this.style, pill.x + PILL_PADDING_X, pill.y + PILL_PADDING_Y);
  }
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
    if (this.progress <= 0) return;
    const region = this.element.region;
    ctx.globalAlpha = alpha * this.progress;
    ctx.fillStyle = this.color;
    ctx.beginPath();
    ctx.rect(0, 0, size.width, size.height);
    ctx.rect(region.x, region.y, region.w, region.h);
    ctx.fill('evenodd');
  }
}
