/**
 * `Terminal`: a dark window filling its box, with optional chrome (three dots, optional title),
 * whose `lines` appear in order. A line's `cmd` is typed after its prompt at `typingSpeed` frames
 * per UTF-16 unit (default 2f), its `out` appears once the command is typed, and the next line
 * starts `lineGap` later (default 18f). Text is JetBrains Mono 14 px unless `style` sets another size or family.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { TerminalElement } from '../../../spec/index.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { clockFrames, elapsedFrames, type ElementClock } from './element-drawer.js';
import { MONO_FONT_FAMILY } from './fonts.js';
import type { BoxConstraints, Size } from './layout.js';
import { builtStyle, lineBox } from './paint-text.js';
import { applyFont, type ResolvedTextStyle } from './text-layout.js';

// NOTE: Fluvie's terminal colours and chrome metrics were not available; these follow common
// macOS-style terminal chrome.
const BACKGROUND = '#1E1E1E';
const CHROME_BAR = '#2D2D2D';
const DOT_COLORS = ['#FF5F56', '#FFBD2E', '#27C93F'];
const PROMPT_COLOR = '#4EC9B0';
const COMMAND_COLOR = '#D4D4D4';
const OUTPUT_COLOR = '#9E9E9E';
const CHROME_HEIGHT = 32;
const PADDING = 16;
const RADIUS = 10;
const CARET_PERIOD = 16;

interface LineTiming {
  /** Frame (since the scope start) the line's prompt appears. */
  start: number;
  /** Frame its output appears. */
  typed: number;
}

/** When each line starts and finishes typing, in frames since the element scope started. */
export function terminalTimings(lines: TerminalElement['lines'], speed: number, gap: number): LineTiming[] {
  const timings: LineTiming[] = [];
  let at = 0;
  for (const line of lines) {
    const typed = at + (line.cmd?.length ?? 0) * speed;
    timings.push({ start: at, typed });
    at = typed + gap;
  }
  return timings;
}

export function createTerminalDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as TerminalElement;
  const style = builtStyle(env.context, `${env.planned.path}.style`, { fontSize: 14, fontFamily: MONO_FONT_FAMILY, ...element.style });
  const speed = Math.max(clockFrames(env.clock, element.typingSpeed ?? '2f'), 0);
  const gap = clockFrames(env.clock, element.lineGap ?? '18f');
  return { drawer: new TerminalDrawer(element, env.clock, style, terminalTimings(element.lines, speed, gap), speed), children: [] };
}

class TerminalDrawer {
  private elapsed = 0;

  constructor(
    private readonly element: TerminalElement,
    private readonly clock: ElementClock,
    private readonly style: ResolvedTextStyle,
    private readonly timings: readonly LineTiming[],
    private readonly speed: number,
  ) {}

  measure(constraints: BoxConstraints): Size {
    return { width: constraints.maxWidth, height: constraints.maxHeight };
  }

  update(frame: number): number {
    const last = this.timings[this.timings.length - 1];
    const typingEnd = last === undefined ? 0 : last.typed;
    const elapsed = elapsedFrames(this.clock, frame);
    // After typing ends only the caret blink changes, so frames fold onto one blink period.
    this.elapsed = elapsed > typingEnd ? typingEnd + 1 + (((elapsed - typingEnd) % CARET_PERIOD) + CARET_PERIOD) % CARET_PERIOD : elapsed;
    return this.elapsed;
  }

  paint(ctx: SKRSContext2D, size: Size, alpha: number): void {
    const chrome = this.element.chrome ?? true;
    const showChrome = chrome !== false;
    ctx.globalAlpha = alpha;
    ctx.fillStyle = BACKGROUND;
    ctx.beginPath();
    ctx.roundRect(0, 0, size.width, size.height, RADIUS);
    ctx.fill();
    if (showChrome) this.paintChrome(ctx, size, typeof chrome === 'object' ? chrome : {});

    ctx.save();
    ctx.beginPath();
    ctx.rect(0, 0, size.width, size.height);
    ctx.clip();
    applyFont(ctx, this.style);
    const { height: lineHeight, ascent } = lineBox(this.style);
    let y = (showChrome ? CHROME_HEIGHT : 0) + PADDING;
    this.element.lines.forEach((line, index) => {
      const timing = this.timings[index]!;
      if (this.elapsed < timing.start) return;
      const prompt = line.prompt ?? this.element.prompt ?? '$ ';
      let x = PADDING;
      if (line.cmd !== undefined) {
        const typed = this.speed <= 0 ? line.cmd.length : Math.min(Math.floor((this.elapsed - timing.start) / this.speed), line.cmd.length);
        x = this.run(ctx, prompt, PROMPT_COLOR, x, y + ascent);
        x = this.run(ctx, line.cmd.slice(0, typed), COMMAND_COLOR, x, y + ascent);
        const typing = this.elapsed < timing.typed || index === this.element.lines.length - 1;
        if (typing && ((this.elapsed % CARET_PERIOD) + CARET_PERIOD) % CARET_PERIOD < CARET_PERIOD / 2) {
          ctx.fillStyle = COMMAND_COLOR;
          ctx.fillRect(x, y, 0.6 * this.style.fontSize, lineHeight);
        }
        y += lineHeight;
      }
      if (line.out !== undefined && this.elapsed >= timing.typed) {
        for (const outLine of line.out.split('\n')) {
          this.run(ctx, outLine, OUTPUT_COLOR, PADDING, y + ascent);
          y += lineHeight;
        }
      }
    });
    ctx.restore();
  }

  private paintChrome(ctx: SKRSContext2D, size: Size, chrome: { title?: string | undefined; dots?: boolean | undefined }): void {
    ctx.fillStyle = CHROME_BAR;
    ctx.beginPath();
    ctx.roundRect(0, 0, size.width, CHROME_HEIGHT, [RADIUS, RADIUS, 0, 0]);
    ctx.fill();
    if (chrome.dots !== false) {
      DOT_COLORS.forEach((color, index) => {
        ctx.fillStyle = color;
        ctx.beginPath();
        ctx.arc(PADDING + index * 20, CHROME_HEIGHT / 2, 6, 0, 2 * Math.PI);
        ctx.fill();
      });
    }
    if (chrome.title !== undefined) {
      applyFont(ctx, this.style);
      const width = ctx.measureText(chrome.title).width;
      this.run(ctx, chrome.title, OUTPUT_COLOR, (size.width - width) / 2, CHROME_HEIGHT / 2 + this.style.fontSize * 0.35);
    }
  }

  private run(ctx: SKRSContext2D, text: string, color: string, x: number, baseline: number): number {
    if (text === '') return x;
    ctx.fillStyle = color;
    ctx.fillText(text, x, baseline);
    return x + ctx.measureText(text).width;
  }
}
