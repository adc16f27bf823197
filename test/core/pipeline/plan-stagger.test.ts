import { describe, expect, it } from 'vitest';
import { resolveStagger, staggeredForChild, staggerOffset, wavePositions } from '../../../src/core/pipeline/plan-stagger.js';

const offsets = (stagger: Parameters<typeof staggerOffset>[0], count: number): number[] =>
  Array.from({ length: count }, (_, i) => staggerOffset(stagger, i, count));

describe('stagger offsets', () => {
  it('each shifts child i by i gaps', () => {
    expect(offsets(resolveStagger({ each: '3f' }, 30, 90), 4)).toEqual([0, 3, 6, 9]);
  });

  it('evenly spreads the total over n - 1 steps with rounding', () => {
    expect(offsets(resolveStagger({ evenly: '10f' }, 30, 90), 4)).toEqual([0, 3, 7, 10]);
    expect(offsets(resolveStagger({ evenly: '10f' }, 30, 90), 1)).toEqual([0]);
  });

  it('relative gaps resolve in the element scope', () => {
    expect(resolveStagger({ each: '0.1r' }, 30, 60)).toEqual({ kind: 'each', frames: 6 });
  });

  it('from defaults the gap to 80 ms', () => {
    expect(resolveStagger({ from: 'start' }, 30, 90)).toEqual({ kind: 'wave', origin: 'start', frames: 2 });
  });

  it('wave ranks by origin with unique positions', () => {
    expect(wavePositions('start', 5)).toEqual([0, 1, 2, 3, 4]);
    expect(wavePositions('end', 5)).toEqual([4, 3, 2, 1, 0]);
    expect(wavePositions('center', 5)).toEqual([3, 1, 0, 2, 4]);
    expect(wavePositions('edges', 5)).toEqual([0, 2, 4, 3, 1]);
    expect(wavePositions('center', 4)).toEqual([2, 0, 1, 3]);
    expect(wavePositions('edges', 4)).toEqual([0, 2, 3, 1]);
  });

  it('wave offsets multiply the position by the gap', () => {
    expect(offsets({ kind: 'wave', origin: 'center', frames: 5 }, 5)).toEqual([15, 5, 0, 10, 20]);
  });
});

describe('staggeredForChild', () => {
  it('shifts only staggered spans', () => {
    const base = { path: 'p', animation: { preset: 'fadeIn' as const }, phase: 'enter' as const, stopPositions: null, scope: { start: 0, end: 30 }, scene: { start: 0, end: 30 } };
    const timing = { start: 0, end: 6, curve: { kind: 'ease' as const, ease: 'linear' as const }, repeat: null };
    const animations = [
      { ...base, timing, stagger: { kind: 'each' as const, frames: 4 } },
      { ...base, timing, stagger: null },
    ];
    const third = staggeredForChild(animations, 2, 3);
    expect(third).toHaveLength(1);
    expect([third[0]!.timing.start, third[0]!.timing.end]).toEqual([8, 14]);
  });
});
