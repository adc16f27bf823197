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
import { DARK_CODE_THEME } from './code-theme.js';
import { builtStyle, fillText, measureText, runWidth } from './paint-text.js';
import type { ResolvedTextStyle, TextLayout } from './text-layout.js';

/** Outer corner radius, bezel thickness and address-bar height of each variant, in pixels (Fluvie's `DeviceFramePainter`). */
const CHROME_METRICS = {
  phone: { radius: 28, bezel: 12, addressBar: 0 },
  browser: { radius: 12, bezel: 0, addressBar: 28 },
  tablet: { radius: 20, bezel: 8, addressBar: 0 },
} as const;
/** The macOS traffic-light dots of the address bar: radius 4, 8 apart, 12 in from the left. */
const DOT_COLORS = ['#FF5F56', '#FFBD2E', '#27C93F'];
const DOT_RADIUS = 4;
const DOT_GAP = 8;
const BAR_PADDING = 12;
/** The url text box over the address bar: 64 in from the left, 16 from the right, at the bar's top. */
const URL_LEFT = 64;
const URL_RIGHT = 16;
const NOTCH_EXTRA_DEPTH = 6;
const NOTCH_RADIUS = 8;

type Variant = NonNullable<DeviceFrameElement['variant']>;

/** Returns the screen rectangle inside a device of `size`: inset by the bezel, and below the address bar. */
export function screenRect(variant: Variant, size: Size): Rect {
  const { bezel, addressBar } = CHROME_METRICS[variant];
  const top = bezel + addressBar;
  return { x: bezel, y: top, width: Math.max(size.width - 2 * bezel, 0), height: Math.max(size.height - top - bezel, 0) };
}

export function createDeviceFrameDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as DeviceFrameElement;
  const children = element.child === undefined ? [] : [env.buildChild(element.child)];
  const urlStyle = builtStyle(env.context, `${env.planned.path}.url`, { fontSize: 12 }, `#FF${DARK_CODE_THEME.lineNumber.slice(1)}`);
  return { drawer: new DeviceFrameDrawer(env.context, element, urlStyle, children[0] ?? null), children };
}

/**
 * Fluvie colours the chrome from its tokens' code theme, which is the dark one unless a Flutter
 * app mounts another. The body takes the editor background, the notch and address bar the chrome
 * colour, and the url and its field the line-number colour.
 */
class DeviceFrameDrawer {
  private readonly variant: Variant;
  private url: TextLayout | null = null;

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
    if (this.variant === 'browser' && this.element.url !== undefined) {
      const fieldWidth = Math.max(size.width - URL_LEFT - URL_RIGHT, 0);
      const url = ellipsize(this.element.url, fieldWidth, (text) => runWidth(this.context, text, this.urlStyle));
      this.url = measureText(this.context, url, this.urlStyle, Infinity, 'start', 1);
    }
    return size;
  }

  update(): number {
    return 0;
  }

  paint(ctx: SKRSContext2D, size: Size, alpha: number, drawChild: DrawChild): void {
    const screen = screenRect(this.variant, size);
    ctx.globalAlpha = alpha;
    ctx.fillStyle = DARK_CODE_THEME.background;
    ctx.beginPath();
    ctx.roundRect(0, 0, size.width, size.height, CHROME_METRICS[this.variant].radius);
    ctx.fill();
    // The chrome paints behind the child, so a notch deeper than the bezel hides under an opaque child.
    if (this.variant === 'phone' && this.element.notch !== false) this.paintNotch(ctx, size);
    if (this.variant === 'browser') this.paintAddressBar(ctx, size);
    if (this.child !== null) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(screen.x, screen.y, screen.width, screen.height);
      ctx.clip();
      drawChild(ctx, this.child, alpha);
      ctx.restore();
    }
    if (this.url !== null) {
      ctx.globalAlpha = alpha;
      ctx.save();
      ctx.beginPath();
      ctx.rect(URL_LEFT, 0, Math.max(size.width - URL_LEFT - URL_RIGHT, 0), CHROME_METRICS.browser.addressBar);
      ctx.clip();
      fillText(ctx, this.url, this.urlStyle, URL_LEFT, 0);
      ctx.restore();
    }
  }

  private paintNotch(ctx: SKRSContext2D, size: Size): void {
    const width = size.width * 0.4;
    ctx.fillStyle = DARK_CODE_THEME.chrome;
    ctx.beginPath();
    ctx.roundRect((size.width - width) / 2, 0, width, CHROME_METRICS.phone.bezel + NOTCH_EXTRA_DEPTH, [0, 0, NOTCH_RADIUS, NOTCH_RADIUS]);
    ctx.fill();
  }

  private paintAddressBar(ctx: SKRSContext2D, size: Size): void {
    const height = CHROME_METRICS.browser.addressBar;
    const centerY = height / 2;
    ctx.fillStyle = DARK_CODE_THEME.chrome;
    ctx.fillRect(0, 0, size.width, height);
    DOT_COLORS.forEach((color, index) => {
      ctx.fillStyle = color;
      ctx.beginPath();
      ctx.arc(BAR_PADDING + DOT_RADIUS + index * (2 * DOT_RADIUS + DOT_GAP), centerY, DOT_RADIUS, 0, 2 * Math.PI);
      ctx.fill();
    });
    const fieldLeft = BAR_PADDING + DOT_COLORS.length * (2 * DOT_RADIUS + DOT_GAP) + BAR_PADDING;
    const fieldWidth = Math.min(Math.max(size.width - fieldLeft - BAR_PADDING, 0), size.width);
    ctx.globalAlpha *= 0.16;
    ctx.fillStyle = DARK_CODE_THEME.lineNumber;
    ctx.beginPath();
    ctx.roundRect(fieldLeft, centerY - 8, fieldWidth, 16, 8);
    ctx.fill();
    ctx.globalAlpha /= 0.16;
  }
}

/**
 * Returns `text` if it fits `maxWidth`, else its longest prefix (whole code points) that fits
 * with a trailing `…`, as Flutter's one-line `TextOverflow.ellipsis` shows a long url.
 */
export function ellipsize(text: string, maxWidth: number, measure: (value: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(`${chars.slice(0, middle).join('')}…`) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return `${chars.slice(0, low).join('')}…`;
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
