import { describe, expect, it } from 'vitest';
import { predictStreamCanvas, sizeForAspect } from '../../../../src/core/engines/flutter/stream-plan.js';

describe('sizeForAspect', () => {
  it('keeps the long edge of a reels video', () => {
    const reels = { width: 1080, height: 1920 };
    expect(sizeForAspect(reels, 'landscape')).toEqual({ width: 1920, height: 1080 });
    expect(sizeForAspect(reels, 'square')).toEqual({ width: 1920, height: 1920 });
    expect(sizeForAspect(reels, 'portrait45')).toEqual({ width: 1536, height: 1920 });
    expect(sizeForAspect(reels, 'reels')).toEqual({ width: 1080, height: 1920 });
  });

  it('rounds the short edge to an even number', () => {
    expect(sizeForAspect({ width: 101, height: 50 }, 'landscape')).toEqual({ width: 101, height: 56 });
  });
});

describe('predictStreamCanvas', () => {
  it('defaults to reels at 30 fps', () => {
    expect(predictStreamCanvas({ scenes: [] }, null)).toEqual({ width: 1080, height: 1920, fps: 30, gifFps: 15 });
  });

  it('reads presets, explicit sizes, fps and the gif export rate', () => {
    expect(predictStreamCanvas({ size: 'hd', fps: 24, export: { mode: 'gif', fps: 10 }, scenes: [] }, null)).toEqual({ width: 1920, height: 1080, fps: 24, gifFps: 10 });
    expect(predictStreamCanvas({ size: { width: 64, height: 48 }, scenes: [] }, 'square')).toEqual({ width: 64, height: 64, fps: 30, gifFps: 15 });
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
