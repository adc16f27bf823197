/**
 * `Code`: syntax-highlighted source in JetBrains Mono (14 px unless `style` sets `fontSize` or
 * `fontFamily`), lines 1.4 × fontSize apart, a gutter of `16 + 0.62·fontSize × digits` with line
 * numbers at x = 8, code from gutter + 8. `focusLines` dims the other lines, `highlightLines`
 * tints theirs. `reveal` types the joined source (`typing`, caret 0.1·fontSize wide, blinking every
 * 16 frames while typing) or shows line i at i·perLine (`lineByLine`). With `after` the element
 * draws the line diff from `source` to `after` instead (see code-diff.ts): no line numbers, a
 * 6 px red or green stripe on removed and inserted lines, code from x = 14, and the motion runs
 * over the reveal's one time value (`speed` or `perLine`), so an instant reveal shows the
 * finished `after` at once. Fluvie paints Code with a `CustomPaint` that has no size, so without a tight
 * transform (both w and h) the element is 0×0: no background shows and the text runs right and
 * down from the anchor point.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { CodeElement } from '../../../spec/index.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { diffTextLines, layoutDiff, lineDiff, type DiffOp } from './code-diff.js';
import { tokenizeCode, type CodeRun } from './code-tokens.js';
import { DARK_CODE_THEME, LIGHT_CODE_THEME, type CodeTheme } from './code-theme.js';
import { clockFrames, elapsedFrames, revealProgress, type ElementClock } from './element-drawer.js';
import { MONO_FONT_FAMILY } from './fonts.js';
import { constrainSize, type BoxConstraints, type Size } from './layout.js';
import { builtStyle } from './paint-text.js';
import { applyFont, type ResolvedTextStyle } from './text-layout.js';

// Fluvie has no defaults here: its spec builder rejects a typing reveal without `speed` and a
// lineByLine reveal without `perLine`. The native engine accepts both and uses these.
const DEFAULT_TYPING_SPEED = '2f';
const DEFAULT_PER_LINE = '6f';
const DIFF_STRIPE_WIDTH = 6;
const DIFF_TEXT_X = DIFF_STRIPE_WIDTH + 8;
const CARET_PERIOD = 16;

type Reveal = { kind: 'instant' } | { kind: 'typing'; speed: number } | { kind: 'lineByLine'; perLine: number };

interface CodeFrameState {
  /** Visible UTF-16 units of the joined source (typing), or Infinity. */
  chars: number;
  /** Visible lines (lineByLine), or Infinity. */
  lines: number;
  caret: boolean;
  /** Progress 0..1 of the diff to `after`. */
  morph: number;
}

/** The `after` diff: its edit script and each op's highlighted runs. */
interface CodeDiff {
  ops: DiffOp[];
  runs: CodeRun[][];
}

export function createCodeDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as CodeElement;
  const style = builtStyle(env.context, `${env.planned.path}.style`, {
    fontSize: element.style?.fontSize ?? 14,
    fontFamily: element.style?.fontFamily ?? MONO_FONT_FAMILY,
  });
  return { drawer: new CodeDrawer(element, env.clock, style, resolveReveal(element, env.clock)), children: [] };
}

function resolveReveal(element: CodeElement, clock: ElementClock): Reveal {
  const reveal = element.reveal;
  if (reveal === undefined || reveal === 'instant' || reveal.kind === 'instant') return { kind: 'instant' };
  if (reveal.kind === 'typing') return { kind: 'typing', speed: Math.max(clockFrames(clock, reveal.speed ?? DEFAULT_TYPING_SPEED), 1) };
  return { kind: 'lineByLine', perLine: clockFrames(clock, reveal.perLine ?? DEFAULT_PER_LINE) };
}

class CodeDrawer {
  private readonly theme: CodeTheme;
  private readonly before: CodeRun[][];
  private readonly diff: CodeDiff | null;
  private readonly diffFrames: number;
  private state: CodeFrameState = { chars: Infinity, lines: Infinity, caret: false, morph: 0 };

  constructor(
    private readonly element: CodeElement,
    private readonly clock: ElementClock,
    private readonly style: ResolvedTextStyle,
    private readonly reveal: Reveal,
  ) {
    const language = element.language ?? 'plaintext';
    this.theme = element.theme === 'light' ? LIGHT_CODE_THEME : DARK_CODE_THEME;
    this.before = tokenizeCode(element.source, language);
    this.diff = element.after === undefined ? null : buildDiff(element.source, element.after, language, this.before);
    this.diffFrames = diffFrames(reveal);
  }

  measure(constraints: BoxConstraints): Size {
    return constrainSize(constraints, 0, 0);
  }

  update(frame: number): number {
    const elapsed = elapsedFrames(this.clock, frame);
    const state: CodeFrameState = { chars: Infinity, lines: Infinity, caret: false, morph: 0 };
    if (this.diff !== null) {
      state.morph = revealProgress(elapsed, this.diffFrames);
    } else if (this.reveal.kind === 'typing') {
      const total = this.element.source.length;
      state.chars = Math.min(Math.max(Math.floor(elapsed / this.reveal.speed), 0), total);
      state.caret = state.chars < total && elapsed >= 0 && ((elapsed % CARET_PERIOD) + CARET_PERIOD) % CARET_PERIOD < CARET_PERIOD / 2;
    } else if (this.reveal.kind === 'lineByLine') {
      state.lines = elapsed < 0 ? 0 : Math.floor(elapsed / Math.max(this.reveal.perLine, 1)) + 1;
    }
    this.state = state;
    return (Math.min(state.chars, 1e7) * 1e4 + Math.min(state.lines, 9999)) * 4 + (state.caret ? 2 : 0) + state.morph;
  }

  paint(ctx: SKRSContext2D, size: Size, alpha: number): void {
    const fontSize = this.style.fontSize;
    const lineHeight = 1.4 * fontSize;
    const lineCount = this.before.length;
    const gutter = 16 + 0.62 * fontSize * String(lineCount).length;
    ctx.globalAlpha = alpha;
    if (size.width > 0 && size.height > 0) {
      ctx.fillStyle = this.theme.background;
      ctx.fillRect(0, 0, size.width, size.height);
    }
    if (this.diff !== null) {
      this.paintDiff(ctx, this.diff, alpha, lineHeight);
      return;
    }
    if (size.width > 0 && size.height > 0) {
      ctx.fillStyle = this.theme.gutter;
      ctx.fillRect(0, 0, gutter, size.height);
    }
    this.paintLines(ctx, this.before, alpha, size, gutter, lineHeight);
  }

  private paintDiff(ctx: SKRSContext2D, diff: CodeDiff, alpha: number, lineHeight: number): void {
    const fontSize = this.style.fontSize;
    const baseline = (lineHeight - fontSize) / 2 + this.style.metrics.ascent * fontSize;
    applyFont(ctx, this.style);
    layoutDiff(diff.ops, this.state.morph, lineHeight).forEach((line, index) => {
      if (line.op.kind !== 'keep') {
        ctx.globalAlpha = alpha * line.opacity;
        ctx.fillStyle = line.op.kind === 'insert' ? this.theme.addedGutter : this.theme.removedGutter;
        ctx.fillRect(0, line.y, DIFF_STRIPE_WIDTH, lineHeight * line.heightFactor);
      }
      if (line.opacity <= 0) return;
      ctx.globalAlpha = alpha * line.opacity;
      let x = DIFF_TEXT_X;
      for (const run of diff.runs[index]!) {
        ctx.fillStyle = this.theme.roles[run.role];
        ctx.fillText(run.text, x, line.y + baseline);
        x += ctx.measureText(run.text).width;
      }
    });
  }

  private paintLines(ctx: SKRSContext2D, lines: readonly CodeRun[][], alpha: number, size: Size, gutter: number, lineHeight: number): void {
    const fontSize = this.style.fontSize;
    const focus = this.element.focusLines ?? [];
    const highlight = new Set(this.element.highlightLines ?? []);
    const ascent = this.style.metrics.ascent * fontSize;
    const glyphTop = (lineHeight - fontSize) / 2;
    let remaining = this.state.chars;
    applyFont(ctx, this.style);

    for (let index = 0; index < lines.length && index < this.state.lines; index += 1) {
      if (remaining < 0) break;
      const number = index + 1;
      const y = index * lineHeight;
      const lineAlpha = alpha * (focus.length > 0 && !focus.includes(number) ? this.theme.dimOpacity : 1);
      if (highlight.has(number)) {
        ctx.globalAlpha = alpha;
        ctx.fillStyle = this.theme.highlight;
        // A 0×0 Code box has no width to tint, so the tint spans the line's own text.
        const lineWidth = lines[index]!.reduce((sum, run) => sum + ctx.measureText(run.text).width, 0);
        ctx.fillRect(0, y, size.width > 0 ? size.width : gutter + 8 + lineWidth, lineHeight);
      }
      ctx.globalAlpha = lineAlpha;
      ctx.fillStyle = this.theme.lineNumber;
      ctx.fillText(String(number), 8, y + glyphTop + ascent);
      let x = gutter + 8;
      for (const run of lines[index]!) {
        if (remaining <= 0) break;
        const text = run.text.length > remaining ? run.text.slice(0, remaining) : run.text;
        remaining -= text.length;
        ctx.fillStyle = this.theme.roles[run.role];
        ctx.fillText(text, x, y + glyphTop + ascent);
        x += ctx.measureText(text).width;
      }
      if (remaining <= 0 && this.state.caret) {
        ctx.fillStyle = this.theme.roles.plain;
        ctx.fillRect(x, y + glyphTop, 0.1 * fontSize, fontSize);
        return;
      }
      // The newline joining this line to the next counts as one typed unit.
      remaining -= 1;
    }
  }
}

/** Returns the length of the `after` diff motion: the reveal's one time value, or 0 (already done) for an instant reveal. */
function diffFrames(reveal: Reveal): number {
  if (reveal.kind === 'typing') return reveal.speed;
  if (reveal.kind === 'lineByLine') return reveal.perLine;
  return 0;
}

/** Diffs the two sources and takes each op's runs from its side: kept and removed lines from `source`, inserted ones from `after`. */
function buildDiff(source: string, after: string, language: string, beforeRuns: CodeRun[][]): CodeDiff {
  const afterRuns = tokenizeCode(after, language);
  const ops = lineDiff(diffTextLines(source), diffTextLines(after));
  const runs: CodeRun[][] = [];
  let beforeIndex = 0;
  let afterIndex = 0;
  for (const op of ops) {
    if (op.kind === 'insert') {
      runs.push(afterRuns[afterIndex] ?? []);
      afterIndex += 1;
      continue;
    }
    runs.push(beforeRuns[beforeIndex] ?? []);
    beforeIndex += 1;
    if (op.kind === 'keep') afterIndex += 1;
  }
  return { ops, runs };
}
