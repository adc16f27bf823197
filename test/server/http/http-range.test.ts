import { describe, expect, it } from 'vitest';
import { parseRangeHeader } from '../../../src/server/http/http-range.js';

describe('parseRangeHeader', () => {
  it.each([
    [undefined, { kind: 'full' }],
    ['bytes=0-3', { kind: 'partial', start: 0, end: 3 }],
    ['bytes=5-', { kind: 'partial', start: 5, end: 9 }],
    ['bytes=-4', { kind: 'partial', start: 6, end: 9 }],
    ['bytes=-40', { kind: 'partial', start: 0, end: 9 }],
    ['bytes=8-100', { kind: 'partial', start: 8, end: 9 }],
    ['bytes=10-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=4-2', { kind: 'full' }],
    ['bytes=0-1,4-5', { kind: 'full' }],
    ['items=0-1', { kind: 'full' }],
  ])('resolves %j against 10 bytes', (header, expected) => {
    expect(parseRangeHeader(header, 10)).toEqual(expected);
  });
});
