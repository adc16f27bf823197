import { describe, expect, it } from 'vitest';
import { predictStreamCanvas, predictTotalFrames } from '../../../../src/core/engines/flutter/stream-plan.js';

describe('predictStreamCanvas', () => {
  it('defaults to reels at 30 fps', () => {
    expect(predictStreamCanvas({ scenes: [] }, null)).toEqual({ width: 1080, height: 1920, fps: 30, gifFps: 15 });
  });

  it('reads presets, explicit sizes, fps and the gif export rate', () => {
    expect(predictStreamCanvas({ size: 'hd', fps: 24, export: { mode: 'gif', fps: 10 }, scenes: [] }, null)).toEqual({ width: 1920, height: 1080, fps: 24, gifFps: 10 });
    expect(predictStreamCanvas({ size: { width: 64, height: 48 }, scenes: [] }, 'square')).toEqual({ width: 64, height: 64, fps: 30, gifFps: 15 });
    expect(predictStreamCanvas({ size: 'reels', scenes: [] }, 'landscape')).toEqual({ width: 1920, height: 1080, fps: 30, gifFps: 15 });
  });

  it('declines specs with audio or clips', () => {
    expect(predictStreamCanvas({ audio: [{ kind: 'music' }], scenes: [] }, null)).toBeNull();
    expect(predictStreamCanvas({ scenes: [{ duration: '1s', children: [{ type: 'Clip', source: 'a.mp4' }] }] }, null)).toBeNull();
  });

  it('declines documents it cannot read', () => {
    expect(predictStreamCanvas('not a spec', null)).toBeNull();
    expect(predictStreamCanvas({ size: 'huge' }, null)).toBeNull();
  });
});

describe('predictTotalFrames', () => {
  const spec = { fluvieSpec: 1, size: 'square', scenes: [{ duration: '1s' }, { duration: '15f' }] };

  it('sums the scene durations', () => {
    expect(predictTotalFrames(spec, null)).toBe(45);
  });

  it('caps at the frame limit', () => {
    expect(predictTotalFrames(spec, 10)).toBe(10);
  });

  it('returns null for an invalid spec', () => {
    expect(predictTotalFrames({ scenes: 'none' }, null)).toBeNull();
  });
});
