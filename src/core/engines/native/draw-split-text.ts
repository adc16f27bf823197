/**
 * `SplitText`: the text cut into parts, each its own Text node, so each part can carry its own
 * animation stack (a staggered animation shifts part i by its stagger offset). Parts are
 * `character` (grapheme clusters), `word` (each word with its trailing spaces; the default) or
 * `line`. Layout follows Fluvie's widget tree: a Column as wide as its widest row, one Wrap per
 * source line, rows aligned by `textAlign`.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { ElementSpec, SplitTextElement } from '../../../spec/index.js';
import { staggeredForChild } from '../../pipeline/plan-stagger.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import type { DrawChild } from './element-drawer.js';
import { looseConstraints, type BoxConstraints, type Size } from './layout.js';
import { measureContent } from './measure.js';
import type { DrawNode, NodeContext } from './nodes.js';
import { lineBox, runWidth } from './paint-text.js';
import { resolveTextStyle } from './style.js';
import type { ResolvedTextStyle } from './text-layout.js';

export type SplitMode = 'character' | 'word' | 'line';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Splits `text` into source lines, each a list of parts. */
export function splitParts(text: string, by: SplitMode): string[][] {
  const lines = text.split('\n');
  switch (by) {
    case 'line':
      return lines.map((line) => [line]);
    case 'word':
      return lines.map((line) => line.match(/\S+\s*|\s+/g) ?? []);
    case 'character':
      return lines.map((line) => Array.from(graphemes.segment(line), (segment) => segment.segment));
  }
}

export function createSplitTextDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as SplitTextElement;
  const lines = splitParts(element.text, element.by ?? 'word');
  const rows: DrawNode[][] = [];
  const count = lines.reduce((sum, line) => sum + line.length, 0);
  let index = 0;
  for (const line of lines) {
    rows.push(
      line.map((part) => {
        const text: ElementSpec = { type: 'Text', text: part, ...(element.style === undefined ? {} : { style: element.style }) };
        const node = env.buildChild(text, `${env.planned.path}.parts[${index}]`, staggeredForChild(env.planned.animations, index, count));
        index += 1;
        return node;
      }),
    );
  }
  const drawer = new SplitTextDrawer(env.context, resolveTextStyle(element.style, `${env.planned.path}.style`, env.context), rows, element);
  return { drawer, children: rows.flat() };
}

class SplitTextDrawer {
  constructor(
    private readonly context: NodeContext,
    private readonly style: ResolvedTextStyle,
    private readonly lines: readonly DrawNode[][],
    private readonly element: SplitTextElement,
  ) {}

  measure(constraints: BoxConstraints): Size {
    const maxWidth = constraints.maxWidth;
    const lineHeight = lineBox(this.style).height;
    const rows: { parts: DrawNode[]; width: number }[] = [];

    for (const line of this.lines) {
      let row: DrawNode[] = [];
      let x = 0;
      // An empty source line is an empty Wrap, which has no height.
      for (const part of line) {
        measureContent(part.content, looseConstraints(maxWidth, constraints.maxHeight));
        const text = part.content.kind === 'text' ? part.content.text : '';
        const width = Math.min(runWidth(this.context, text, this.style), maxWidth);
        if (row.length > 0 && x + width > maxWidth) {
          rows.push({ parts: row, width: x });
          row = [];
          x = 0;
        }
        part.box = { x, y: 0, width, height: lineHeight };
        row.push(part);
        x += width;
      }
      if (row.length > 0) rows.push({ parts: row, width: x });
    }

    const shown = this.element.maxLines === undefined ? rows : rows.slice(0, this.element.maxLines);
    const width = Math.max(0, ...shown.map((row) => row.width));
    shown.forEach((row, rowIndex) => {
      const shift = alignShift(this.element.textAlign ?? 'start', width, row.width);
      for (const part of row.parts) part.box = { ...part.box, x: part.box.x + shift, y: rowIndex * lineHeight };
    });
    for (const row of rows.slice(shown.length)) for (const part of row.parts) part.box = { x: 0, y: 0, width: 0, height: 0 };
    return {
      width: Math.min(Math.max(width, constraints.minWidth), constraints.maxWidth),
      height: Math.min(Math.max(shown.length * lineHeight, constraints.minHeight), constraints.maxHeight),
    };
  }

  update(): number {
    return 0;
  }

  paint(ctx: SKRSContext2D, _size: Size, alpha: number, drawChild: DrawChild): void {
    for (const line of this.lines) for (const part of line) if (part.box.width > 0) drawChild(ctx, part, alpha);
  }
}

function alignShift(align: NonNullable<SplitTextElement['textAlign']>, width: number, rowWidth: number): number {
  if (align === 'center') return (width - rowWidth) / 2;
  if (align === 'right' || align === 'end') return width - rowWidth;
  return 0;
}
