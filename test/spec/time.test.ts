import { describe, expect, it } from 'vitest';
import { FluvieError } from '../../src/core/errors.js';
import { dartRound, formatTime, parseTime, resolveTimeFrames, TIME_PATTERN, tryParseTime, type TimeValue } from '../../src/spec/time.js';

describe('parseTime', () => {
  const cases: [string, TimeValue][] = [
    ['30f', { kind: 'frames', frames: 30 }],
    ['0f', { kind: 'frames', frames: 0 }],
    ['2s', { kind: 'seconds', seconds: 2 }],
    ['0.4s', { kind: 'seconds', seconds: 0.4 }],
    ['6.0s', { kind: 'seconds', seconds: 6 }],
    ['.5s', { kind: 'seconds', seconds: 0.5 }],
    ['500ms', { kind: 'ms', ms: 500 }],
    ['0.3r', { kind: 'relative', fraction: 0.3, cap: null }],
    ['1r', { kind: 'relative', fraction: 1, cap: null }],
    ['0.2r@0.8s', { kind: 'relative', fraction: 0.2, cap: { kind: 'seconds', seconds: 0.8 } }],
    ['0.5r@12f', { kind: 'relative', fraction: 0.5, cap: { kind: 'frames', frames: 12 } }],
  ];
  it.each(cases)('parses %s', (text, expected) => {
    expect(parseTime(text)).toEqual(expected);
  });

  it.each(['', '30', 'f', '1.5f', '1.5ms', '-2s', '2 s', 'r', '0.3r@', '0.3r@x', '0.3rs', 'abc', '1e3s'])('rejects %j', (text) => {
    expect(tryParseTime(text)).toBeNull();
    expect(TIME_PATTERN.test(text)).toBe(false);
  });

  it('throws spec_invalid naming the value and the forms', () => {
    const thrown = captureError(() => parseTime('2 sec'));
    expect(thrown).toBeInstanceOf(FluvieError);
    expect((thrown as FluvieError).code).toBe('spec_invalid');
    expect((thrown as FluvieError).message).toContain('"2 sec"');
    expect((thrown as FluvieError).message).toContain('"<int>f"');
  });

  it('pattern accepts every parsed form', () => {
    for (const text of ['30f', '2s', '0.4s', '500ms', '0.3r', '0.2r@0.8s', '0.5r@0.1r@2s']) {
      expect(TIME_PATTERN.test(text)).toBe(true);
      expect(tryParseTime(text)).not.toBeNull();
    }
  });

  it('formats back to the canonical text', () => {
    expect(formatTime(parseTime('0.2r@0.8s'))).toBe('0.2r@0.8s');
    expect(formatTime(parseTime('500ms'))).toBe('500ms');
  });
});

describe('dartRound', () => {
  it.each([
    [2.5, 3],
    [-2.5, -3],
    [0.5, 1],
    [-0.5, -1],
    [1.4999, 1],
    [7.5, 8],
    [2.4, 2],
    [0, 0],
  ])('rounds %d to %d', (value, expected) => {
    expect(dartRound(value)).toBe(expected);
  });
});

describe('resolveTimeFrames', () => {
  const cases: [string, number, number, number][] = [
    // text, fps, scope frames, expected frames
    ['30f', 30, 0, 30],
    ['2.5s', 30, 0, 75],
    ['0.25s', 30, 0, 8], // 7.5 rounds up
    ['50ms', 30, 0, 2], // 1.5 rounds up
    ['500ms', 24, 0, 12],
    ['0.5r', 30, 45, 23], // 22.5 rounds up
    ['0.3r', 30, 90, 27],
    ['0.2r@0.8s', 30, 30, 6],
    ['0.2r@0.8s', 30, 60, 12],
    ['0.2r@0.8s', 30, 90, 18],
    ['0.2r@0.8s', 30, 120, 24],
    ['0.2r@0.8s', 30, 600, 24], // the cap
    ['0.5r@0.5r', 30, 61, 31],
  ];
  it.each(cases)('%s at %d fps in %d frames is %d', (text, fps, scope, expected) => {
    expect(resolveTimeFrames(parseTime(text), fps, scope)).toBe(expected);
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (caught: unknown) {
    return caught;
  }
  return undefined;
}
