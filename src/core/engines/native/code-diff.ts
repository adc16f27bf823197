/**
 * The line diff behind a `Code` element with `after`: an LCS edit script over the two sources'
 * lines, and the stacked geometry of that script at a reveal progress. Removed lines fade out and
 * collapse, inserted lines fade in and expand, kept lines slide with the lines above them.
 */

export type DiffOpKind = 'keep' | 'remove' | 'insert';

export interface DiffOp {
  kind: DiffOpKind;
  line: string;
}

export interface DiffLine {
  op: DiffOp;
  /** Opacity 0..1 of the line's text and gutter stripe. */
  opacity: number;
  /** Top of the line in pixels: the swept heights of the lines above it. */
  y: number;
  /** Fraction 0..1 of a full line height the line occupies. */
  heightFactor: number;
}

/**
 * Splits `source` at newlines, dropping the empty line after a final newline so it adds no
 * blank line to the diff.
 */
export function diffTextLines(source: string): string[] {
  if (source === '') return [];
  const lines = source.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Returns the edit script from `before` to `after`: common lines (longest common subsequence) are
 * kept, a changed line is a removal followed by an insertion. Where both orders are equally
 * long, the removal comes first.
 */
export function lineDiff(before: readonly string[], after: readonly string[]): DiffOp[] {
  const table = lcsTable(before, after);
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    if (before[i] === after[j]) {
      ops.push({ kind: 'keep', line: before[i]! });
      i += 1;
      j += 1;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) {
      ops.push({ kind: 'remove', line: before[i]! });
      i += 1;
    } else {
      ops.push({ kind: 'insert', line: after[j]! });
      j += 1;
    }
  }
  for (; i < before.length; i += 1) ops.push({ kind: 'remove', line: before[i]! });
  for (; j < after.length; j += 1) ops.push({ kind: 'insert', line: after[j]! });
  return ops;
}

/** Lays the script out at `progress` (clamped to 0..1), stacking each line below the swept height of the ones above. */
export function layoutDiff(ops: readonly DiffOp[], progress: number, lineHeight: number): DiffLine[] {
  const p = Math.min(Math.max(progress, 0), 1);
  const lines: DiffLine[] = [];
  let y = 0;
  for (const op of ops) {
    const factor = sweptFactor(op.kind, p);
    lines.push({ op, opacity: factor, y, heightFactor: factor });
    y += factor * lineHeight;
  }
  return lines;
}

/** Returns the opacity and height factor of a line: kept lines stay whole, removed ones shrink, inserted ones grow. */
function sweptFactor(kind: DiffOpKind, progress: number): number {
  if (kind === 'keep') return 1;
  if (kind === 'remove') return 1 - progress;
  return progress;
}

/** `table[i][j]` is the LCS length of `before[i:]` and `after[j:]`. */
function lcsTable(before: readonly string[], after: readonly string[]): number[][] {
  const table = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
  for (let i = before.length - 1; i >= 0; i -= 1) {
    for (let j = after.length - 1; j >= 0; j -= 1) {
      table[i]![j] = before[i] === after[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  return table;
}
