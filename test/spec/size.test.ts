import { describe, expect, it } from 'vitest';
import { resolveVideoSize, SIZE_PRESETS } from '../../src/spec/size.js';

describe('resolveVideoSize', () => {
  it.each([
    ['reels', 1080, 1920],
    ['story', 1080, 1920],
    ['square', 1080, 1080],
    ['hd', 1920, 1080],
    ['fourK', 3840, 2160],
  ] as const)('preset %s is %dx%d', (name, width, height) => {
    expect(resolveVideoSize(name)).toEqual({ width, height });
    expect(SIZE_PRESETS[name]).toEqual({ width, height });
  });

  it('defaults to reels', () => {
    expect(resolveVideoSize(undefined)).toEqual({ width: 1080, height: 1920 });
  });

  it('passes explicit sizes through', () => {
    expect(resolveVideoSize({ width: 640, height: 360 })).toEqual({ width: 640, height: 360 });
  });
});
