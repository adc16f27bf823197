import { describe, expect, it } from 'vitest';
import { diffTextLines, layoutDiff, lineDiff } from '../../../../src/core/engines/native/code-diff.js';

describe('lineDiff', () => {
  it('keeps common lines and replaces a changed one', () => {
    const ops = lineDiff(['a', 'b', 'c'], ['a', 'B', 'c']);
    expect(ops.map((op) => `${op.kind}:${op.line}`)).toEqual(['keep:a', 'remove:b', 'insert:B', 'keep:c']);
  });

  it('appends and drops lines at the ends', () => {
    expect(lineDiff(['x'], ['x', 'y']).map((op) => op.kind)).toEqual(['keep', 'insert']);
    expect(lineDiff(['x', 'y'], ['y']).map((op) => op.kind)).toEqual(['remove', 'keep']);
    expect(lineDiff([], ['n']).map((op) => op.kind)).toEqual(['insert']);
  });

  it('kept and inserted lines rebuild after', () => {
    const before = ['let a = 1', 'let b = 2', 'log(a)', 'log(b)'];
    const after = ['let a = 1', 'log(a)', 'let c = 3', 'log(b)'];
    const rebuilt = lineDiff(before, after).filter((op) => op.kind !== 'remove').map((op) => op.line);
    expect(rebuilt).toEqual(after);
  });
});

describe('diffTextLines', () => {
  it('drops the empty line after a final newline', () => {
    expect(diffTextLines('a\nb\n')).toEqual(['a', 'b']);
    expect(diffTextLines('')).toEqual([]);
    expect(diffTextLines('a\n\nb')).toEqual(['a', '', 'b']);
  });
});

describe('layoutDiff', () => {
  const ops = lineDiff(['a', 'b', 'c'], ['a', 'B', 'c']);

  it('starts as before', () => {
    const lines = layoutDiff(ops, 0, 20);
    expect(lines.map((line) => line.y)).toEqual([0, 20, 40, 40]);
    expect(lines.map((line) => line.opacity)).toEqual([1, 1, 0, 1]);
  });

  it('half way collapses and expands by half', () => {
    const lines = layoutDiff(ops, 0.5, 20);
    expect(lines.map((line) => line.y)).toEqual([0, 20, 30, 40]);
    expect(lines[1]!.heightFactor).toBe(0.5);
    expect(lines[2]!.opacity).toBe(0.5);
  });

  it('ends as after and clamps progress', () => {
    const lines = layoutDiff(ops, 3, 20);
    expect(lines.map((line) => line.y)).toEqual([0, 20, 20, 40]);
    expect(lines.map((line) => line.opacity)).toEqual([1, 0, 1, 1]);
  });
});
