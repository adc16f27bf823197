/**
 * `Markdown` with Fluvie's style sheet: the source parsed with marked's lexer into top-level
 * blocks, stacked in a column at the top-left of the element's box. Body text is 18 px #E0E0E0.
 * A heading of level n is bold at `32 / 1.5^(n−1)` px, never below the body size, with 8 px above
 * and below. Paragraphs and lists have 4 px above and below, and list items are stacked rows that
 * start with `• ` or `1. `. A quote is 18 px italic #9E9E9E, 16 px in, with 4 px above and below.
 * Code spans keep the surrounding size in JetBrains Mono, coloured #CE9178. With `reveal`, block i
 * of n appears at `round(i·reveal/(n−1))` and fades in while rising 12 px over `ceil(reveal/n)`.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { Lexer, type Token, type Tokens } from 'marked';
import type { MarkdownElement } from '../../../spec/index.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { DARK_CODE_THEME } from './code-theme.js';
import { clockFrames, elapsedFrames, type ElementClock } from './element-drawer.js';
import { MONO_FONT_FAMILY } from './fonts.js';
import type { BoxConstraints, Size } from './layout.js';
import type { NodeContext } from './nodes.js';
import { builtStyle } from './paint-text.js';
import { layoutRuns, paintRuns, type RichLayout, type StyledRun } from './rich-layout.js';
import type { ResolvedTextStyle } from './text-layout.js';

const BODY_SIZE = 18;
const BODY_COLOR = '#FFE0E0E0';
const QUOTE_COLOR = '#FF9E9E9E';
const CODE_COLOR = '#FFCE9178';
const HEADING_BASE = 32;
const HEADING_SCALE = 1.5;
const QUOTE_INDENT = 16;
const CODE_BLOCK_SIZE = 14;
const REVEAL_RISE = 12;

/** One line box of a block: a paragraph, a heading, a list item or a quoted paragraph. */
interface Row {
  runs: StyledRun[];
  indent: number;
}

/** One top-level Markdown block: its rows and the space above and below them. */
export interface Block {
  rows: Row[];
  padTop: number;
  padBottom: number;
}

interface RunStyle {
  size: number;
  bold: boolean;
  italic: boolean;
  color: string;
}

interface StyleSet {
  context: NodeContext;
  path: string;
}

function resolve(set: StyleSet, run: RunStyle, mono = false): ResolvedTextStyle {
  return builtStyle(
    set.context,
    set.path,
    { fontSize: run.size, fontWeight: run.bold ? 'bold' : 'normal', fontStyle: run.italic ? 'italic' : 'normal', ...(mono ? { fontFamily: MONO_FONT_FAMILY } : {}) },
    mono ? CODE_COLOR : run.color,
  );
}

/** Returns the font size of a heading of `level` (1 for `#`). */
export function headingSize(level: number): number {
  return Math.max(HEADING_BASE / HEADING_SCALE ** (level - 1), BODY_SIZE);
}

/** Flattens inline tokens into styled runs. */
function inlineRuns(tokens: readonly Token[], set: StyleSet, base: RunStyle): StyledRun[] {
  const runs: StyledRun[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'strong':
        runs.push(...inlineRuns((token as Tokens.Strong).tokens, set, { ...base, bold: true }));
        break;
      case 'em':
        runs.push(...inlineRuns((token as Tokens.Em).tokens, set, { ...base, italic: true }));
        break;
      case 'codespan':
        runs.push({ text: decode((token as Tokens.Codespan).text), style: resolve(set, base, true) });
        break;
      case 'br':
        runs.push({ text: '\n', style: resolve(set, base) });
        break;
      default: {
        const nested = (token as { tokens?: Token[] }).tokens;
        if (nested !== undefined && nested.length > 0) runs.push(...inlineRuns(nested, set, base));
        else runs.push({ text: decode((token as { text?: string }).text ?? token.raw), style: resolve(set, base) });
      }
    }
  }
  return runs;
}

/** Returns the inline tokens of a list item or quote child: its paragraph's or text's tokens. */
function itemInline(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((token) => (token.type === 'paragraph' || token.type === 'text' ? ((token as Tokens.Paragraph).tokens ?? []) : [token]));
}

/** Parses Markdown source into top-level blocks of styled rows. */
export function markdownBlocks(source: string, context: NodeContext, path: string): Block[] {
  const set: StyleSet = { context, path };
  const body: RunStyle = { size: BODY_SIZE, bold: false, italic: false, color: BODY_COLOR };
  const blocks: Block[] = [];
  for (const token of new Lexer().lex(source)) {
    switch (token.type) {
      case 'heading': {
        const heading = token as Tokens.Heading;
        blocks.push({ rows: [{ runs: inlineRuns(heading.tokens, set, { ...body, size: headingSize(heading.depth), bold: true }), indent: 0 }], padTop: 8, padBottom: 8 });
        break;
      }
      case 'paragraph':
      case 'text':
        blocks.push({ rows: [{ runs: inlineRuns((token as Tokens.Paragraph).tokens ?? [], set, body), indent: 0 }], padTop: 4, padBottom: 4 });
        break;
      case 'list': {
        const list = token as Tokens.List;
        // Fluvie numbers an ordered list from 1 whatever its first number is.
        const rows = list.items.map((item, index) => ({ runs: [{ text: list.ordered ? `${index + 1}. ` : '• ', style: resolve(set, body) }, ...inlineRuns(itemInline(item.tokens), set, body)], indent: 0 }));
        blocks.push({ rows, padTop: 4, padBottom: 4 });
        break;
      }
      case 'blockquote': {
        const quote: RunStyle = { ...body, italic: true, color: QUOTE_COLOR };
        const rows = (token as Tokens.Blockquote).tokens.map((child) => ({ runs: inlineRuns(itemInline([child]), set, quote), indent: QUOTE_INDENT }));
        blocks.push({ rows, padTop: 4, padBottom: 4 });
        break;
      }
      case 'code': {
        // NOTE: Fluvie draws a fenced block with its Code element (line numbers, highlighting and a
        // 0×0 box, so the text overlaps the blocks below). This draws the source as plain 14 px
        // monospace text that takes its own height.
        const code: RunStyle = { size: CODE_BLOCK_SIZE, bold: false, italic: false, color: `#FF${DARK_CODE_THEME.roles.plain.slice(1)}` };
        blocks.push({ rows: [{ runs: [{ text: (token as Tokens.Code).text, style: resolve(set, code) }], indent: 0 }], padTop: 6, padBottom: 6 });
        break;
      }
      case 'space':
        break;
      default:
        blocks.push({ rows: [{ runs: [{ text: decode(token.raw.trim()), style: resolve(set, body) }], indent: 0 }], padTop: 0, padBottom: 0 });
    }
  }
  return blocks;
}

/** Returns each block's reveal start in frames: `round(i·window/(n−1))`, spreading n blocks evenly over the window. */
export function blockOffsets(count: number, windowFrames: number): number[] {
  return Array.from({ length: count }, (_, index) => (count <= 1 ? 0 : Math.round((index * windowFrames) / (count - 1))));
}

export function createMarkdownDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as MarkdownElement;
  const blocks = markdownBlocks(element.source, env.context, `${env.planned.path}.source`);
  const revealFrames = element.reveal === undefined ? null : clockFrames(env.clock, element.reveal);
  return { drawer: new MarkdownDrawer(env.context, env.clock, blocks, revealFrames), children: [] };
}

interface PlacedRow {
  layout: RichLayout;
  /** Top of the row inside its block. */
  top: number;
  indent: number;
}

class MarkdownDrawer {
  private placed: { rows: PlacedRow[]; height: number }[] = [];
  private progress: number[] = [];
  private readonly offsets: number[];
  private readonly perBlock: number;

  constructor(
    private readonly context: NodeContext,
    private readonly clock: ElementClock,
    private readonly blocks: readonly Block[],
    private readonly revealFrames: number | null,
  ) {
    const window = revealFrames ?? 0;
    this.offsets = blockOffsets(blocks.length, window);
    this.perBlock = Math.min(Math.max(Math.ceil(window / Math.max(blocks.length, 1)), 1), window + 1);
  }

  measure(constraints: BoxConstraints): Size {
    let contentWidth = 0;
    let contentHeight = 0;
    this.placed = this.blocks.map((block) => {
      let top = block.padTop;
      const rows = block.rows.map((row) => {
        const layout = layoutRuns(this.context.measureContext, row.runs, Math.max(constraints.maxWidth - row.indent, 1), 'start', null);
        const placedRow = { layout, top, indent: row.indent };
        top += layout.height;
        contentWidth = Math.max(contentWidth, row.indent + layout.width);
        return placedRow;
      });
      const height = top + block.padBottom;
      contentHeight += height;
      return { rows, height };
    });
    // Fluvie aligns the column top-left inside an Align, which fills bounded constraints.
    const width = Number.isFinite(constraints.maxWidth) ? constraints.maxWidth : contentWidth;
    const height = Number.isFinite(constraints.maxHeight) ? constraints.maxHeight : contentHeight;
    return { width: Math.max(width, constraints.minWidth), height: Math.max(height, constraints.minHeight) };
  }

  update(frame: number): number {
    if (this.revealFrames === null) {
      this.progress = this.blocks.map(() => 1);
      return 0;
    }
    const elapsed = elapsedFrames(this.clock, frame);
    // A block whose offset has not passed is left out of the column (progress −1).
    this.progress = this.offsets.map((offset) => (elapsed < offset ? -1 : Math.min(Math.max((elapsed - offset) / this.perBlock, 0), 1)));
    const last = (this.offsets[this.offsets.length - 1] ?? 0) + this.perBlock;
    return Math.min(Math.max(elapsed, -1), last);
  }

  paint(ctx: SKRSContext2D, _size: Size, alpha: number): void {
    let top = 0;
    this.placed.forEach((block, index) => {
      const progress = this.progress[index] ?? 1;
      if (progress < 0) return;
      if (progress > 0) {
        ctx.globalAlpha = alpha * progress;
        const rise = (1 - progress) * REVEAL_RISE;
        for (const row of block.rows) paintRuns(ctx, row.layout, row.indent, top + row.top + rise);
      }
      top += block.height;
    });
  }
}

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** marked escapes HTML characters in inline text; the canvas needs them back. */
function decode(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}
