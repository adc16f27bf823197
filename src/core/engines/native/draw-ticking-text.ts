/**
 * Text whose string changes with the reveal clock. `Counter` counts from `from` to `to` and formats
 * the number as Dart's intl does for `en_US`. `Typewriter` shows a prefix of its text, `speed`
 * frames per UTF-16 code unit, with an optional blinking caret. Flutter lays such a text out again
 * on every frame, so its box follows the current string while the anchor point stays fixed.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { resolveAlignment, type CounterElement, type TypewriterElement } from '../../../spec/index.js';
import { easeFor } from '../../motion/ease.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { clockFrames, elapsedFrames, revealProgress, type ElementClock } from './element-drawer.js';
import { constrainSize, type BoxConstraints, type Size } from './layout.js';
import { fillText, measureText } from './paint-text.js';
import { resolveTextStyle } from './style.js';
import type { ResolvedTextStyle, TextLayout } from './text-layout.js';
import type { NodeContext } from './nodes.js';

/** Caret blink: visible for the first 8 frames of every 16. */
const CARET_PERIOD = 16;
const CARET_ON = 8;

/** Formats a Counter value: `#,##0.###`, currency `¤#,##0` with the symbol, or percent `#,##0%`. */
export function formatCounterValue(value: number, variant: CounterElement['variant'], symbol: string): string {
  // Dart's intl rounds half to even.
  if (variant === 'percent') {
    return new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0, roundingMode: 'halfEven' }).format(value);
  }
  if (variant === 'currency') {
    const digits = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0, roundingMode: 'halfEven' }).format(Math.abs(value));
    const negative = digits !== '0' && value < 0;
    return `${negative ? '-' : ''}${symbol}${digits}`;
  }
  const text = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3, roundingMode: 'halfEven' }).format(value);
  return text === '-0' ? '0' : text;
}

/** The visible prefix of a Typewriter on `elapsed`: whole UTF-16 units, never half a surrogate pair. */
export function typedText(text: string, elapsed: number, speedFrames: number, caret: boolean): string {
  const count = Math.min(Math.max(Math.floor(elapsed / Math.max(speedFrames, 1)), 0), text.length);
  let visible = text.slice(0, count);
  const last = visible.charCodeAt(visible.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) visible = visible.slice(0, -1);
  const caretOn = caret && elapsed >= 0 && ((elapsed % CARET_PERIOD) + CARET_PERIOD) % CARET_PERIOD < CARET_ON;
  return caretOn ? `${visible}|` : visible;
}

export function createCounterDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as CounterElement;
  const from = element.from ?? 0;
  const revealFrames = clockFrames(env.clock, element.reveal ?? '1s');
  const ease = easeFor(element.ease ?? 'linear');
  const symbol = element.symbol ?? '$';
  const textAt = (frame: number): string => {
    const progress = revealProgress(elapsedFrames(env.clock, frame), revealFrames);
    return formatCounterValue(from + (element.to - from) * ease(progress), element.variant, symbol);
  };
  return { drawer: new TickingTextDrawer(env, element.style, textAt), children: [] };
}

export function createTypewriterDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as TypewriterElement;
  const speed = clockFrames(env.clock, element.speed ?? '2f');
  const caret = element.caret ?? false;
  const clock: ElementClock = env.clock;
  return { drawer: new TickingTextDrawer(env, element.style, (frame) => typedText(element.text, elapsedFrames(clock, frame), speed, caret)), children: [] };
}

/** Alignment factors (0..1) of the point that stays fixed while the text box changes size. */
export function anchorFactors(env: DrawnEnv): { x: number; y: number } {
  const transform = env.planned.element.transform;
  if (transform === undefined) return isGroupChild(env.planned.path) ? { x: 0, y: 0 } : { x: 0.5, y: 0.5 };
  const point = resolveAlignment(transform.anchor ?? 'center');
  return { x: (point.x + 1) / 2, y: (point.y + 1) / 2 };
}

/**
 * True for a direct Group child, such as `scenes[0].children[1].children[0]`. A Group stacks
 * children without a transform at its top-left, while the scene stack centres them.
 */
function isGroupChild(path: string): boolean {
  return /\.children\[\d+\]\.children\[\d+\]$/.test(path);
}

class TickingTextDrawer {
  private readonly context: NodeContext;
  private readonly style: ResolvedTextStyle;
  private readonly anchor: { x: number; y: number };
  private readonly layouts = new Map<string, TextLayout>();
  private constraints: BoxConstraints = { minWidth: 0, maxWidth: 0, minHeight: 0, maxHeight: 0 };
  private size: Size = { width: 0, height: 0 };
  private text = '';

  constructor(
    env: DrawnEnv,
    style: CounterElement['style'],
    private readonly textAt: (frame: number) => string,
  ) {
    this.context = env.context;
    this.style = resolveTextStyle(style, `${env.planned.path}.style`, env.context);
    this.anchor = anchorFactors(env);
    this.text = textAt(env.clock.scope.start);
  }

  measure(constraints: BoxConstraints): Size {
    this.constraints = constraints;
    this.layouts.clear();
    const layout = this.layout(this.text);
    this.size = constrainSize(constraints, layout.width, layout.height);
    return this.size;
  }

  update(frame: number): number {
    this.text = this.textAt(frame);
    return hashString(this.text);
  }

  paint(ctx: SKRSContext2D, size: Size, alpha: number): void {
    const layout = this.layout(this.text);
    // The box Flutter would give the current text, placed so the anchor point stays where it was.
    // Under tight constraints both sizes are the same, so the text stays at the top-left.
    const current = constrainSize(this.constraints, layout.width, layout.height);
    const x = (size.width - current.width) * this.anchor.x;
    const y = (size.height - current.height) * this.anchor.y;
    ctx.globalAlpha = alpha;
    fillText(ctx, layout, this.style, x, y);
  }

  private layout(text: string): TextLayout {
    let layout = this.layouts.get(text);
    if (layout === undefined) {
      layout = measureText(this.context, text, this.style, this.constraints.maxWidth);
      if (this.layouts.size > 512) this.layouts.clear();
      this.layouts.set(text, layout);
    }
    return layout;
  }
}

/** A 32-bit FNV-1a hash of `text`, used as the frame state of text drawers. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
