import { describe, expect, it } from 'vitest';
import { collectTextCodePoints } from '../../../../src/core/engines/native/text-code-points.js';

function codePointsOf(...sources: unknown[]): number[] {
  const collected = collectTextCodePoints(...sources);
  if (collected === 'all') throw new Error('expected a set of code points');
  return [...collected].sort((a, b) => a - b);
}

describe('collectTextCodePoints', () => {
  it('collects non-ASCII code points of strings and keys', () => {
    const spec = { scenes: [{ children: [{ type: 'Text', text: 'Grüße 你' }, { type: 'Chart', data: { 안: 3 } }] }] };
    expect(codePointsOf(spec)).toEqual([0xfc, 0xdf, 0x2022, 0x2026, 0x4f60, 0xc548].sort((a, b) => a - b));
  });

  it('always includes the engine characters', () => {
    expect(codePointsOf({ text: 'plain ASCII' })).toEqual([0x2022, 0x2026]);
  });

  it('reads astral code points whole', () => {
    expect(codePointsOf(['😀'])).toContain(0x1f600);
  });

  it('returns all for character references', () => {
    expect(collectTextCodePoints({ source: 'Hi &#x4F60;' })).toBe('all');
  });

  it('visits shared and cyclic objects once', () => {
    const shared: Record<string, unknown> = { text: 'é' };
    shared.self = shared;
    expect(codePointsOf([shared, shared])).toEqual([0xe9, 0x2022, 0x2026]);
  });
});
