import { describe, expect, it } from 'vitest';
import { describeValue, formatPath, isWithinPath } from '../../src/spec/diagnostics.js';

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['fps'], 'fps'],
    [['scenes', 2, 'children', 0, 'animate', 1, 'duration'], 'scenes[2].children[0].animate[1].duration'],
    [['scenes', 0, 'fills', 'hero-title'], 'scenes[0].fills["hero-title"]'],
    [[0, 'a'], '[0].a'],
  ] as const)('formats %j as %s', (segments, expected) => {
    expect(formatPath(segments)).toBe(expected);
  });
});

describe('describeValue', () => {
  it.each([
    ['x', '"x"'],
    [3, '3'],
    [false, 'false'],
    [null, 'null'],
    [undefined, 'nothing'],
    [[1, 2], 'an array of 2'],
    [{ a: 1 }, 'an object'],
  ])('describes %j', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });
});

describe('isWithinPath', () => {
  it('matches the path itself and its descendants', () => {
    expect(isWithinPath('scenes[0].duration', 'scenes[0]')).toBe(true);
    expect(isWithinPath('scenes[0]', 'scenes[0]')).toBe(true);
    expect(isWithinPath('scenes[0].children[1]', 'scenes[0].children')).toBe(true);
  });

  it('rejects siblings with a common prefix', () => {
    expect(isWithinPath('scenes[10]', 'scenes[1]')).toBe(false);
    expect(isWithinPath('fpsx', 'fps')).toBe(false);
  });

  it('treats the root as containing everything', () => {
    expect(isWithinPath('fps', '')).toBe(true);
  });
});
