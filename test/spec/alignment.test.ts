import { describe, expect, it } from 'vitest';
import { ALIGNMENT_NAMES, resolveAlignment } from '../../src/spec/alignment.js';

describe('resolveAlignment', () => {
  it.each([
    ['topLeft', -1, -1],
    ['topCenter', 0, -1],
    ['topRight', 1, -1],
    ['centerLeft', -1, 0],
    ['center', 0, 0],
    ['centerRight', 1, 0],
    ['bottomLeft', -1, 1],
    ['bottomCenter', 0, 1],
    ['bottomRight', 1, 1],
  ] as const)('%s is (%d, %d)', (name, x, y) => {
    expect(resolveAlignment(name)).toEqual({ x, y });
  });

  it('lists nine names', () => {
    expect(ALIGNMENT_NAMES).toHaveLength(9);
  });

  it('passes points through', () => {
    expect(resolveAlignment({ x: 0.25, y: -0.5 })).toEqual({ x: 0.25, y: -0.5 });
  });
});
