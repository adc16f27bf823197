/**
 * `Terminal` as Fluvie paints it: the dark code theme's background, an optional chrome bar
 * (`fontSize × 2` high, three dots, a centred title), then one row per started line, 10 px in
 * from the left and 1.4 × fontSize apart. A command types after its prompt at `typingSpeed`
 * frames per UTF-16 unit (default 2f) with a caret blinking every 16 frames while it types. An
 * output shows whole once its turn comes. Line i starts at `i × lineGap` (default 18f), but
 * never before the previous line settles: a command once typed, an output the frame it starts.
 * A spec line with both `cmd` and `out` is a command followed by an output line. Text is
 * JetBrains Mono 14 px unless `style` sets another size or family. Like `Code`, Fluvie paints
 * Terminal with a `CustomPaint` that has no size, so without a tight transform (both w and h)
 * the element is 0×0: no background shows and the text runs right and down from the anchor.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { TerminalElement } from '../../../spec/index.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { DARK_CODE_THEME } from './code-theme.js';
import { clockFrames, elapsedFrames, type ElementClock } from './element-drawer.js';
import { MONO_FONT_FAMILY } from './fonts.js';
import { constrainSize, type BoxConstraints, type Size } from './layout.js';
import { builtStyle, lineBox } from './paint-text.js';
import { applyFont, type ResolvedTextStyle } from './text-layout.js';

const THEME = DARK_CODE_THEME;
const DOT_COLORS = ['#FF5F56', '#FFBD2E', '#27C93F'];
const DOT_RADIUS = 5;
const DOT_GAP = 8;
const PADDING = 10;
const LINE_HEIGHT = 1.4;
const CARET_PERIOD = 16;

/** One painted row: a command typed after its prompt, or an output shown whole. */
export type TerminalRow = { kind: 'cmd'; text: string; prompt: string | undefined } | { kind: 'out'; text: string };

export interface RowTiming {
  /** Frame (since the scope start) the row appears. */
  start: number;
  /** Frame the row is complete and the next one may start. */
  settle: number;
}

/** Splits the spec's lines into rows: a line with both `cmd` and `out` becomes two. */
export function terminalRows(lines: TerminalElement['lines']): TerminalRow[] {
  const rows: TerminalRow[] = [];
  for (const line of lines) {
    if (line.cmd !== undefined) rows.push({ kind: 'cmd', text: line.cmd, prompt: line.prompt });
    if (line.out !== undefined) rows.push({ kind: 'out', text: line.out });
  }
  return rows;
}

/** Returns when each row starts and settles: row i at `i × gap`, held back until the row before it settles. */
export function terminalTimings(rows: readonly TerminalRow[], speed: number, gap: number): RowTiming[] {
  const timings: RowTiming[] = [];
  let previousSettle = 0;
  rows.forEach((row, index) => {
    const start = Math.max(index * gap, previousSettle);
    const settle = row.kind === 'cmd' && speed > 0 ? start + row.text.length * speed : start;
    timings.push({ start, settle });
    previousSettle = settle;
  });
  return timings;
}

export function createTerminalDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as TerminalElement;
  const style = builtStyle(env.context, `${env.planned.path}.style`, { fontSize: element.style?.fontSize ?? 14, fontFamily: element.style?.fontFamily ?? MONO_FONT_FAMILY });
  const speed = Math.max(clockFrames(env.clock, element.typingSpeed ?? '2f'), 0);
  const gap = clockFrames(env.clock, element.lineGap ?? '18f');
  const rows = terminalRows(element.lines);
  return { drawer: new TerminalDrawer(element, env.clock, style, rows, terminalTimings(rows, speed, gap), speed), children: [] };
}

class TerminalDrawer {
  private elapsed = 0;
  private readonly settled: number;

  constructor(
    private readonly element: TerminalElement,
    private readonly clock: ElementClock,
    private readonly style: ResolvedTextStyle,
    private readonly rows: readonly TerminalRow[],
    private readonly timings: readonly RowTiming[],
    private readonly speed: number,
  ) {
    this.settled = timings.length === 0 ? 0 : timings[timings.length - 1]!.settle;
  }

  measure(constraints: BoxConstraints): Size {
    return constrainSize(constraints, 0, 0);
  }

  update(frame: number): number {
    // Before the first row and after the last one settles (no caret then) nothing changes.
    this.elapsed = Math.min(Math.max(elapsedFrames(this.clock, frame), -1), this.settled + 1);
    return this.elapsed;
  }

  paint(ctx: SKRSContext2D, size: Size, alpha: number): void {
    const chrome = this.element.chrome ?? false;
    const chromeHeight = chrome === false ? 0 : 2 * this.style.fontSize;
    ctx.globalAlpha = alpha;
    ctx.fillStyle = THEME.background;
    ctx.fillRect(0, 0, size.width, size.height);
    if (chrome !== false) this.paintChrome(ctx, size, chromeHeight, chrome === true ? {} : chrome);

    applyFont(ctx, this.style);
    const fontSize = this.style.fontSize;
    const { height: naturalHeight, ascent } = lineBox(this.style);
    let y = chromeHeight + PADDING;
    this.rows.forEach((row, index) => {
      const since = this.elapsed - this.timings[index]!.start;
      if (since < 0) return;
      let x = PADDING;
      if (row.kind === 'out') {
        // Fluvie gives a row one line's height, so an output with newlines runs into the rows below.
        row.text.split('\n').forEach((part, partIndex) => this.run(ctx, part, THEME.roles.plain, x, y + ascent + partIndex * naturalHeight));
        y += LINE_HEIGHT * fontSize;
        return;
      }
      const typed = this.speed <= 0 ? row.text.length : Math.min(Math.floor(since / this.speed), row.text.length);
      x = this.run(ctx, row.prompt ?? this.element.prompt ?? '$ ', THEME.roles.function, x, y + ascent);
      x = this.run(ctx, row.text.slice(0, typed), THEME.roles.plain, x, y + ascent);
      if (typed < row.text.length && since % CARET_PERIOD < CARET_PERIOD / 2) {
        ctx.fillStyle = THEME.roles.plain;
        ctx.fillRect(x, y, 0.1 * fontSize, fontSize);
      }
      y += LINE_HEIGHT * fontSize;
    });
  }

  private paintChrome(ctx: SKRSContext2D, size: Size, height: number, chrome: { title?: string | undefined; showDots?: boolean | undefined; dots?: boolean | undefined }): void {
    ctx.fillStyle = THEME.chrome;
    ctx.fillRect(0, 0, size.width, height);
    if ((chrome.showDots ?? chrome.dots) !== false) {
      DOT_COLORS.forEach((color, index) => {
        ctx.fillStyle = color;
        ctx.beginPath();
        ctx.arc(PADDING + DOT_RADIUS + index * (2 * DOT_RADIUS + DOT_GAP), height / 2, DOT_RADIUS, 0, 2 * Math.PI);
        ctx.fill();
      });
    }
    if (chrome.title !== undefined) {
      applyFont(ctx, this.style);
      const width = ctx.measureText(chrome.title).width;
      const top = (height - this.style.fontSize) / 2;
      this.run(ctx, chrome.title, THEME.lineNumber, (size.width - width) / 2, top + this.style.metrics.ascent * this.style.fontSize);
    }
  }

  private run(ctx: SKRSContext2D, text: string, color: string, x: number, baseline: number): number {
    if (text === '') return x;
    ctx.fillStyle = color;
    ctx.fillText(text, x, baseline);
    return x + ctx.measureText(text).width;
  }
}
