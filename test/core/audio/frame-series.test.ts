/** Placement of per-hop analysis on the video frame clock. */
import { describe, expect, it } from 'vitest';
import { HOP_SECONDS } from '../../../src/core/audio/audio-band.js';
import { beatFrames, energyPerFrame, type TrackPlacement } from '../../../src/core/audio/frame-series.js';

/** Hops whose value is the hop index, over `seconds` of source. */
function rampHops(seconds: number): Float64Array {
  return Float64Array.from({ length: Math.round(seconds / HOP_SECONDS) }, (_, index) => index);
}

const placement = (overrides: Partial<TrackPlacement>): TrackPlacement => ({ start: 0, end: 10, loop: false, sourceSeconds: 1, ...overrides });

describe('energyPerFrame', () => {
  it('is silent before the start', () => {
    const energies = energyPerFrame(rampHops(1), placement({ start: 0.5 }), 10, 20);

    expect(Array.from(energies.slice(0, 5))).toEqual([0, 0, 0, 0, 0]);
    expect(energies[6]).toBeGreaterThan(0);
  });

  it('reads the nearest hop of the source time', () => {
    const hops = rampHops(1);
    const energies = energyPerFrame(hops, placement({ start: 0.5 }), 10, 20);
    const peak = hops[Math.round(0.9 / HOP_SECONDS)]!;

    // Frame 8 plays source second 0.3; frame 14 plays 0.9, the loudest frame, which becomes 1.
    expect(energies[8]).toBeCloseTo(Math.round(0.3 / HOP_SECONDS) / peak, 5);
    expect(energies[14]).toBe(1);
  });

  it('is silent after an unlooped source ends', () => {
    const energies = energyPerFrame(rampHops(1), placement({}), 10, 20);

    expect(energies[9]).toBeGreaterThan(0);
    expect(energies[10]).toBe(0);
  });

  it('repeats a looped source', () => {
    const energies = energyPerFrame(rampHops(1), placement({ loop: true }), 10, 30);

    expect(energies[13]).toBeCloseTo(energies[3]!, 6);
    expect(energies[23]).toBeCloseTo(energies[3]!, 6);
  });

  it('stops at the end of the window', () => {
    const energies = energyPerFrame(rampHops(1), placement({ loop: true, end: 1.5 }), 10, 30);

    expect(energies[14]).toBeGreaterThan(0);
    expect(energies[15]).toBe(0);
  });

  it('is all zero without hops', () => {
    expect(Array.from(energyPerFrame(new Float64Array(0), placement({}), 10, 4))).toEqual([0, 0, 0, 0]);
  });
});

describe('beatFrames', () => {
  const hopOf = (seconds: number): number => Math.round(seconds / HOP_SECONDS);

  it('offsets beats by the track start', () => {
    expect(beatFrames([hopOf(0.2), hopOf(0.6)], placement({ start: 1 }), 10, 100)).toEqual([12, 16]);
  });

  it('repeats beats of a looped source', () => {
    expect(beatFrames([hopOf(0.2)], placement({ loop: true, end: 3 }), 10, 100)).toEqual([2, 12, 22]);
  });

  it('drops beats after the window end and the last frame', () => {
    expect(beatFrames([hopOf(0.2), hopOf(0.8)], placement({ end: 0.5 }), 10, 100)).toEqual([2]);
    expect(beatFrames([hopOf(0.2), hopOf(0.8)], placement({}), 10, 5)).toEqual([2]);
  });
});
