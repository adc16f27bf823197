/**
 * `Markdown`: the source parsed with marked's lexer into blocks (headings, paragraphs, bullet and
 * numbered lists, code blocks, quotes) with inline emphasis, strong text and code spans, laid out
 * as one column as wide as its widest line (like a Text). With `reveal`, block i of n fades in
 * over the i-th n-th of the reveal time.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { Lexer, type Token, type Tokens } from 'marked';
import type { MarkdownElement } from '../../../spec/index.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { clockFrames, elapsedFrames, revealProgress, type ElementClock } from './element-drawer.js';
import { MONO_FONT_FAMILY } from './fonts.js';
import type { BoxConstraints, Size } from './layout.js';
import type { NodeContext } from './nodes.js';
import { builtStyle } from './paint-text.js';
import { layoutRuns, paintRuns, type RichLayout, type StyledRun } from './rich-layout.js';
import type { ResolvedTextStyle } from './text-layout.js';

// NOTE: Fluvie's markdown style sheet was not available. Sizes follow flutter_markdown on the
// default 14 px body text; headings are bold.
const BODY_SIZE = 14;
const HEADING_SIZES = [24, 22, 18, 16, 14, 14];
const BLOCK_GAP = 8;
const LIST_INDENT = 20;
const CODE_BACKGROUND = 'rgba(255,255,255,0.12)';

interface Block {
  runs: StyledRun[];
  indent: number;
  marker: StyledRun | null;
}

interface StyleSet {
  context: NodeContext;
  path: string;
}

function style(set: StyleSet, size: number, bold: boolean, italic: boolean, mono = false): ResolvedTextStyle {
  return builtStyle(set.context, set.path, {
    fontSize: size,
    fontWeight: bold ? 'bold' : 'normal',
    fontStyle: italic ? 'italic' : 'normal',
    ...(mono ? { fontFamily: MONO_FONT_FAMILY } : {}),
  });
}

/** Flattens inline tokens into styled runs. */
function inlineRuns(tokens: readonly Token[], set: StyleSet, size: number, bold: boolean, italic: boolean): StyledRun[] {
  const runs: StyledRun[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'strong':
        runs.push(...inlineRuns((token as Tokens.Strong).tokens, set, size, true, italic));
        break;
      case 'em':
        runs.push(...inlineRuns((token as Tokens.Em).tokens, set, size, bold, true));
        break;
      case 'codespan':
        runs.push({ text: decode((token as Tokens.Codespan).text), style: style(set, size * 0.9, bold, italic, true), background: CODE_BACKGROUND });
        break;
      case 'br':
        runs.push({ text: '\n', style: style(set, size, bold, italic) });
        break;
      default: {
        const nested = (token as { tokens?: Token[] }).tokens;
        if (nested !== undefined && nested.length > 0) runs.push(...inlineRuns(nested, set, size, bold, italic));
        else runs.push({ text: decode((token as { text?: string }).text ?? token.raw), style: style(set, size, bold, italic) });
      }
    }
  }
  return runs;
}

/** Parses Markdown source into blocks of styled runs. */
export function markdownBlocks(source: string, context: NodeContext, path: string): Block[] {
  const set: StyleSet = { context, path };
  const blocks: Block[] = [];
  const visit = (tokens: readonly Token[], indent: number): void => {
    for (const token of tokens) {
      switch (token.type) {
        case 'heading': {
          const heading = token as Tokens.Heading;
          blocks.push({ runs: inlineRuns(heading.tokens, set, HEADING_SIZES[heading.depth - 1] ?? BODY_SIZE, true, false), indent, marker: null });
          break;
        }
        case 'paragraph':
        case 'text':
          blocks.push({ runs: inlineRuns((token as Tokens.Paragraph).tokens ?? [], set, BODY_SIZE, false, false), indent, marker: null });
          break;
        case 'list': {
          const list = token as Tokens.List;
          list.items.forEach((item, index) => {
            const marker = list.ordered ? `${Number(list.start || 1) + index}.` : '•';
            const before = blocks.length;
            visit(item.tokens, indent + LIST_INDENT);
            if (blocks[before] !== undefined) blocks[before]!.marker = { text: marker, style: style(set, BODY_SIZE, false, false) };
          });
          break;
        }
        case 'code':
          blocks.push({ runs: [{ text: (token as Tokens.Code).text, style: style(set, BODY_SIZE * 0.9, false, false, true), background: CODE_BACKGROUND }], indent, marker: null });
          break;
        case 'blockquote':
          visit((token as Tokens.Blockquote).tokens, indent + LIST_INDENT);
          break;
        default:
          break;
      }
    }
  };
  visit(new Lexer().lex(source), 0);
  return blocks;
}

export function createMarkdownDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as MarkdownElement;
  const blocks = markdownBlocks(element.source, env.context, `${env.planned.path}.source`);
  const revealFrames = element.reveal === undefined ? null : clockFrames(env.clock, element.reveal);
  return { drawer: new MarkdownDrawer(env.context, env.clock, blocks, revealFrames), children: [] };
}

class MarkdownDrawer {
  private layouts: { layout: RichLayout; top: number; indent: number; marker: StyledRun | null }[] = [];
  private progress = 1;

  constructor(
    private readonly context: NodeContext,
    private readonly clock: ElementClock,
    private readonly blocks: readonly Block[],
    private readonly revealFrames: number | null,
  ) {}

  measure(constraints: BoxConstraints): Size {
    let top = 0;
    let width = 0;
    this.layouts = this.blocks.map((block, index) => {
      const layout = layoutRuns(this.context.measureContext, block.runs, Math.max(constraints.maxWidth - block.indent, 1), 'start', null);
      const placed = { layout, top, indent: block.indent, marker: block.marker };
      top += layout.height + (index < this.blocks.length - 1 ? BLOCK_GAP : 0);
      width = Math.max(width, block.indent + layout.width);
      return placed;
    });
    return {
      width: Math.min(Math.max(width, constraints.minWidth), constraints.maxWidth),
      height: Math.min(Math.max(top, constraints.minHeight), constraints.maxHeight),
    };
  }

  update(frame: number): number {
    this.progress = this.revealFrames === null ? 1 : revealProgress(elapsedFrames(this.clock, frame), this.revealFrames);
    return this.progress;
  }

  paint(ctx: SKRSContext2D, _size: Size, alpha: number): void {
    const count = this.layouts.length;
    this.layouts.forEach((block, index) => {
      const opacity = Math.min(Math.max(this.progress * count - index, 0), 1);
      if (opacity <= 0) return;
      ctx.globalAlpha = alpha * opacity;
      if (block.marker !== null) {
        const first = block.layout.fragments[0];
        const baseline = first === undefined ? 0 : first.baseline;
        const markerLayout = { width: 0, height: 0, fragments: [{ ...block.marker, background: undefined, x: 0, baseline, width: 0, top: 0, height: 0 }] };
        paintRuns(ctx, markerLayout, block.indent - LIST_INDENT, block.top);
      }
      paintRuns(ctx, block.layout, block.indent, block.top);
    });
  }
}

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** marked escapes HTML characters in inline text; the canvas needs them back. */
function decode(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}
