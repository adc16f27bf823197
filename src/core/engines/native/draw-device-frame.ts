/**
 * `DeviceFrame` (a phone, tablet or browser window around its `child`, filling its box) and
 * `Snapshot` (its `child` drawn as a picture fitted into the box with `fit`, default contain).
 * The child is laid out to fill the device's screen rectangle.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { DeviceFrameElement, SnapshotElement } from '../../../spec/index.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { layoutChildFill } from './child-layout.js';
import { fitRects } from './draw-image.js';
import type { DrawChild } from './element-drawer.js';
import { looseConstraints, type BoxConstraints, type Size } from './layout.js';
import { measureContent } from './measure.js';
import type { DrawNode, NodeContext, Rect } from './nodes.js';
import { builtStyle } from './paint-text.js';
import { applyFont, type ResolvedTextStyle } from './text-layout.js';

// NOTE: Fluvie's device frame artwork was not available; these bezels are the native engine's own.
const BEZEL_COLOR = '#1A1A1A';
const SCREEN_COLOR = '#000000';
const BROWSER_BAR = 44;
const BROWSER_BAR_COLOR = '#E8E8E8';
const URL_FIELD_COLOR = '#FFFFFF';
const DOT_COLORS = ['#FF5F56', '#FFBD2E', '#27C93F'];

type Variant = NonNullable<DeviceFrameElement['variant']>;

/** Returns the screen rectangle inside a device of `size`. */
export function screenRect(variant: Variant, size: Size): Rect {
  if (variant === 'browser') return { x: 0, y: BROWSER_BAR, width: size.width, height: Math.max(size.height - BROWSER_BAR, 0) };
  const bezel = Math.round(Math.min(size.width, size.height) * (variant === 'phone' ? 0.04 : 0.05));
  return { x: bezel, y: bezel, width: Math.max(size.width - 2 * bezel, 0), height: Math.max(size.height - 2 * bezel, 0) };
}

export function createDeviceFrameDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as DeviceFrameElement;
  const children = element.child === undefined ? [] : [env.buildChild(element.child)];
  const urlStyle = builtStyle(env.context, `${env.planned.path}.url`, { fontSize: 14 }, '#FF424242');
  return { drawer: new DeviceFrameDrawer(env.context, element, urlStyle, children[0] ?? null), children };
}

class DeviceFrameDrawer {
  private readonly variant: Variant;

  constructor(
    private readonly context: NodeContext,
    private readonly element: DeviceFrameElement,
    private readonly urlStyle: ResolvedTextStyle,
    private readonly child: DrawNode | null,
  ) {
    this.variant = element.variant ?? 'phone';
  }

  measure(constraints: BoxConstraints): Size {
    const size = { width: constraints.maxWidth, height: constraints.maxHeight };
    if (this.child !== null) layoutChildFill(this.child, screenRect(this.variant, size));
    return size;
  }

  update(): number {
    return 0;
  }

  paint(ctx: SKRSContext2D, size: Size, alpha: number, drawChild: DrawChild): void {
    const screen = screenRect(this.variant, size);
    ctx.globalAlpha = alpha;
    if (this.variant === 'browser') {
      this.paintBrowserBar(ctx, size);
    } else {
      const radius = Math.min(size.width, size.height) * (this.variant === 'phone' ? 0.12 : 0.06);
      ctx.fillStyle = BEZEL_COLOR;
      ctx.beginPath();
      ctx.roundRect(0, 0, size.width, size.height, radius);
      ctx.fill();
      ctx.fillStyle = SCREEN_COLOR;
      ctx.beginPath();
      ctx.roundRect(screen.x, screen.y, screen.width, screen.height, Math.max(radius - screen.x, 0));
      ctx.fill();
    }
    if (this.child !== null) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(screen.x, screen.y, screen.width, screen.height);
      ctx.clip();
      drawChild(ctx, this.child, alpha);
      ctx.restore();
    }
    if (this.variant === 'phone' && this.element.notch !== false) {
      ctx.globalAlpha = alpha;
      ctx.fillStyle = BEZEL_COLOR;
      const width = screen.width * 0.3;
      ctx.beginPath();
      ctx.roundRect(screen.x + (screen.width - width) / 2, screen.y, width, screen.x * 1.2, screen.x * 0.6);
      ctx.fill();
    }
  }

  private paintBrowserBar(ctx: SKRSContext2D, size: Size): void {
    ctx.fillStyle = BROWSER_BAR_COLOR;
    ctx.beginPath();
    ctx.roundRect(0, 0, size.width, BROWSER_BAR, [10, 10, 0, 0]);
    ctx.fill();
    DOT_COLORS.forEach((color, index) => {
      ctx.fillStyle = color;
      ctx.beginPath();
      ctx.arc(18 + index * 20, BROWSER_BAR / 2, 6, 0, 2 * Math.PI);
      ctx.fill();
    });
    const field = { x: 84, y: 8, width: Math.max(size.width - 100, 0), height: BROWSER_BAR - 16 };
    ctx.fillStyle = URL_FIELD_COLOR;
    ctx.beginPath();
    ctx.roundRect(field.x, field.y, field.width, field.height, field.height / 2);
    ctx.fill();
    if (this.element.url !== undefined) {
      applyFont(ctx, this.urlStyle);
      ctx.fillStyle = this.urlStyle.color;
      ctx.save();
      ctx.beginPath();
      ctx.rect(field.x, field.y, field.width, field.height);
      ctx.clip();
      ctx.fillText(this.element.url, field.x + 12, field.y + field.height / 2 + this.urlStyle.fontSize * 0.35);
      ctx.restore();
    }
  }
}

export function createSnapshotDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as SnapshotElement;
  const child = env.buildChild(element.child);
  return { drawer: new SnapshotDrawer(element, child), children: [child] };
}

class SnapshotDrawer {
  private natural: Size = { width: 0, height: 0 };

  constructor(
    private readonly element: SnapshotElement,
    private readonly child: DrawNode,
  ) {}

  measure(constraints: BoxConstraints): Size {
    // The child is captured at the size it takes under the parent's loose constraints.
    this.natural = measureContent(this.child.content, looseConstraints(constraints.maxWidth, constraints.maxHeight));
    layoutChildFill(this.child, { x: 0, y: 0, ...this.natural });
    return { width: constraints.maxWidth, height: constraints.maxHeight };
  }

  update(): number {
    return 0;
  }

  paint(ctx: SKRSContext2D, size: Size, alpha: number, drawChild: DrawChild): void {
    if (this.natural.width <= 0 || this.natural.height <= 0) return;
    const { destination } = fitRects(this.element.fit ?? 'contain', this.natural.width, this.natural.height, { x: 0, y: 0, ...size });
    ctx.save();
    ctx.translate(destination.x, destination.y);
    ctx.scale(destination.width / this.natural.width, destination.height / this.natural.height);
    drawChild(ctx, this.child, alpha);
    ctx.restore();
  }
}
