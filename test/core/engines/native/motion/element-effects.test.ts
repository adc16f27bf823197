import { describe, expect, it } from 'vitest';
import { effectMotion, sampleNumberTrack } from '../../../../../src/core/engines/native/motion/element-effects.js';

describe('effectMotion', () => {
  it('fills defaults and clamps constants', () => {
    expect(effectMotion({ kind: 'scanlines' }, 30, 60)).toEqual({ wrapper: { kind: 'scanlines', spacing: 3, opacity: 0.35 }, tracks: [] });
    expect(effectMotion({ kind: 'grain', amount: 3 }, 30, 60)).toEqual({ wrapper: { kind: 'grain', amount: 1 }, tracks: [] });
  });

  it('clamps glitch intensity to 0..1', () => {
    const scale = (intensity: number): unknown => (effectMotion({ kind: 'glitch', intensity }, 30, 60) as { wrapper: { scale: number } }).wrapper.scale;
    expect(scale(2)).toBe(1);
    expect(scale(-1)).toBe(0);
  });

  it('maps glitch intensity and edge', () => {
    expect(effectMotion({ kind: 'glitch', intensity: 0.5, from: 'right' }, 30, 60)).toEqual({
      wrapper: { kind: 'glitch', scale: 0.5, bias: 1, reverse: false },
      tracks: [],
    });
  });

  it('skips disabled and rejects undrawn kinds', () => {
    expect(effectMotion({ kind: 'grain', enabled: false }, 30, 60)).toBeNull();
    expect(effectMotion({ kind: 'shader', asset: 'a.frag' }, 30, 60)).toBe('unsupported');
  });

  it('parses inline lut text', () => {
    const cube = 'LUT_3D_SIZE 2\n0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\n1 1 1\n';
    const motion = effectMotion({ kind: 'lut', cube, intensity: 0.5 }, 30, 60);
    expect(motion).toMatchObject({ wrapper: { kind: 'lut', intensity: 0.5, lut: { size: 2 } } });
  });

  it('uses the loaded lut for an asset', () => {
    const lut = { size: 2, table: new Float32Array(24) };
    expect(effectMotion({ kind: 'lut', asset: 'look.cube' }, 30, 60, { lut })).toMatchObject({ wrapper: { kind: 'lut', lut, intensity: 1 } });
  });

  it('bakes curves and clamps intensity', () => {
    const motion = effectMotion({ kind: 'curves', curves: { master: [[0, 1], [1, 0]] }, intensity: 2 }, 30, 60);
    const wrapper = (motion as Exclude<typeof motion, 'unsupported' | null>).wrapper as { kind: string; table: Uint8Array; intensity: number };
    expect(wrapper.intensity).toBe(1);
    expect(wrapper.table[0]).toBe(255);
    expect(wrapper.table[256 + 255]).toBe(0);
  });

  it('rejects unknown particle kinds', () => {
    expect(() => effectMotion({ kind: 'particles', particles: { kind: 'rain' } }, 30, 60, { path: 'e' })).toThrow(/e\.particles\.kind: expected one of confetti, snow, sparkle/);
  });

  it('resolves keyframed positions in the element scope', () => {
    const motion = effectMotion({ kind: 'blur', sigma: { values: [0, 8], positions: ['0f', '0.5r'] } }, 30, 60);
    expect(motion).not.toBe('unsupported');
    const track = (motion as Exclude<typeof motion, 'unsupported' | null>).tracks[0]!;
    expect(track.field).toBe('sigma');
    expect(track.track.frames).toEqual([0, 30]);
  });
});

describe('sampleNumberTrack', () => {
  const track = { frames: [10, 20, 40], values: [0, 1, 3], easings: null };

  it('holds the end values', () => {
    expect(sampleNumberTrack(track, 0)).toBe(0);
    expect(sampleNumberTrack(track, 50)).toBe(3);
  });

  it('lerps inside a segment', () => {
    expect(sampleNumberTrack(track, 15)).toBe(0.5);
    expect(sampleNumberTrack(track, 30)).toBe(2);
  });

  it('eases each segment', () => {
    expect(sampleNumberTrack({ ...track, easings: [(t: number) => t * t, (t: number) => t] }, 15)).toBe(0.25);
  });
});
