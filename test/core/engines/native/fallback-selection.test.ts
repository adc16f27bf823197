import { describe, expect, it } from 'vitest';
import { fallbackFamilyList, parseUnicodeRange, type FallbackFamily } from '../../../../src/core/engines/native/fallback-selection.js';

describe('parseUnicodeRange', () => {
  it('parses single code points and ranges', () => {
    expect(parseUnicodeRange('U+1f1e9-1f1f5,U+1f21a, U+4E00-9FFF')).toEqual([
      [0x1f1e9, 0x1f1f5],
      [0x1f21a, 0x1f21a],
      [0x4e00, 0x9fff],
    ]);
  });

  it('expands wildcards', () => {
    expect(parseUnicodeRange('U+4??')).toEqual([[0x400, 0x4ff]]);
  });

  it('rejects an invalid entry', () => {
    expect(() => parseUnicodeRange('U+41,latin')).toThrow('Invalid unicode-range entry "latin"');
  });
});

describe('fallbackFamilyList', () => {
  const fallbacks: FallbackFamily[] = [
    { family: 'Emoji', ranges: null },
    { family: 'CJK 1', ranges: [[0x4e00, 0x4fff]] },
    { family: 'CJK 2', ranges: [[0x5000, 0x50ff], [0x3000, 0x303f]] },
    { family: 'Hangul 1', ranges: [[0xac00, 0xd7af]] },
  ];

  it('lists every family for all text', () => {
    expect(fallbackFamilyList(fallbacks, 'all')).toBe('"Emoji", "CJK 1", "CJK 2", "Hangul 1"');
  });

  it('keeps only families covering the text', () => {
    expect(fallbackFamilyList(fallbacks, new Set([0x3001, 0xac00]))).toBe('"Emoji", "CJK 2", "Hangul 1"');
  });

  it('keeps range-less families for Latin text', () => {
    expect(fallbackFamilyList(fallbacks, new Set([0xe9]))).toBe('"Emoji"');
  });
});
