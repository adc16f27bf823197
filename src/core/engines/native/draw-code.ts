/**
 * `Code`: syntax-highlighted source in JetBrains Mono (14 px unless `style` sets `fontSize` or
 * `fontFamily`), lines 1.4 × fontSize apart, a gutter of `16 + 0.62·fontSize × digits` with line
 * numbers at x = 8, code from gutter + 8. `focusLines` dims the other lines, `highlightLines`
 * tints theirs. `reveal` types the joined source (`typing`, caret 0.1·fontSize wide, blinking every
 * 16 frames while typing) or shows line i at i·perLine (`lineByLine`). `after` cross-fades to the
 * changed source. Fluvie paints Code with a `CustomPaint` that has no size, so without a tight
 * transform (both w and h) the element is 0×0: no background shows and the text runs right and
 * down from the anchor point.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { CodeElement } from '../../../spec/index.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { tokenizeCode, type CodeRun } from './code-tokens.js';
import { DARK_CODE_THEME, DIMMED_LINE_OPACITY, LIGHT_CODE_THEME, type CodeTheme } from './code-theme.js';
import { clockFrames, elapsedFrames, revealProgress, type ElementClock } from './element-drawer.js';
import { MONO_FONT_FAMILY } from './fonts.js';
import { constrainSize, type BoxConstraints, type Size } from './layout.js';
import { builtStyle } from './paint-text.js';
import { applyFont, type ResolvedTextStyle } from './text-layout.js';

const DEFAULT_TYPING_SPEED = '2f';
// NOTE: Fluvie's default perLine was not found; 6 frames per line is a guess.
const DEFAULT_PER_LINE = '6f';
const CARET_PERIOD = 16;

type Reveal = { kind: 'instant' } | { kind: 'typing'; speed: number } | { kind: 'lineByLine'; perLine: number };

interface CodeFrameState {
  /** Visible UTF-16 units of the joined source (typing), or Infinity. */
  chars: number;
  /** Visible lines (lineByLine), or Infinity. */
  lines: number;
  caret: boolean;
  /** Weight of the `after` source, 0..1. */
  morph: number;
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
  private readonly after: CodeRun[][] | null;
  private readonly morphStart: number;
  private readonly morphFrames: number;
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
    this.after = element.after === undefined ? null : tokenizeCode(element.after, language);
    // NOTE: Fluvie morphs to `after` with a diff animation whose timing was not available. The
    // native engine cross-fades instead, over 0.3r capped at 0.6 s from the middle of the scope.
    this.morphStart = clockFrames(clock, '0.5r');
    this.morphFrames = clockFrames(clock, '0.3r@0.6s');
  }

  measure(constraints: BoxConstraints): Size {
    return constrainSize(constraints, 0, 0);
  }

  update(frame: number): number {
    const elapsed = elapsedFrames(this.clock, frame);
    const state: CodeFrameState = { chars: Infinity, lines: Infinity, caret: false, morph: 0 };
    if (this.reveal.kind === 'typing') {
      const total = this.element.source.length;
      state.chars = Math.min(Math.max(Math.floor(elapsed / this.reveal.speed), 0), total);
      state.caret = state.chars < total && elapsed >= 0 && ((elapsed % CARET_PERIOD) + CARET_PERIOD) % CARET_PERIOD < CARET_PERIOD / 2;
    } else if (this.reveal.kind === 'lineByLine') {
      state.lines = elapsed < 0 ? 0 : Math.floor(elapsed / Math.max(this.reveal.perLine, 1)) + 1;
    }
    if (this.after !== null) state.morph = revealProgress(elapsed - this.morphStart, this.morphFrames);
    this.state = state;
    return (Math.min(state.chars, 1e7) * 1e4 + Math.min(state.lines, 9999)) * 4 + (state.caret ? 2 : 0) + state.morph;
  }

  paint(ctx: SKRSContext2D, size: Size, alpha: number): void {
    const fontSize = this.style.fontSize;
    const lineHeight = 1.4 * fontSize;
    const lineCount = Math.max(this.before.length, this.after?.length ?? 0);
    const gutter = 16 + 0.62 * fontSize * String(lineCount).length;
    ctx.globalAlpha = alpha;
    if (size.width > 0 && size.height > 0) {
      ctx.fillStyle = this.theme.background;
      ctx.fillRect(0, 0, size.width, size.height);
      ctx.fillStyle = this.theme.gutter;
      ctx.fillRect(0, 0, gutter, size.height);
    }
    if (this.state.morph < 1) this.paintLines(ctx, this.before, alpha * (1 - this.state.morph), size, gutter, lineHeight);
    if (this.after !== null && this.state.morph > 0) this.paintLines(ctx, this.after, alpha * this.state.morph, size, gutter, lineHeight);
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
      const lineAlpha = alpha * (focus.length > 0 && !focus.includes(number) ? DIMMED_LINE_OPACITY : 1);
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
