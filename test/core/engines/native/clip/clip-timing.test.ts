import { describe, expect, it } from 'vitest';
import { clipDecodeArgs, clipFadeOpacity, reverseBytes } from '../../../../../src/core/engines/native/clip/clip-timing.js';

const base = { file: '/v/a.mp4', fps: 30, width: 64, height: 36, trimFrom: 0, trimTo: null, speed: 1 };

describe('clipDecodeArgs', () => {
  it('decodes at the composition fps and box size', () => {
    expect(clipDecodeArgs(base)).toEqual([
      '-v', 'error', '-nostdin', '-i', '/v/a.mp4', '-an', '-sn', '-dn',
      '-vf', 'scale=64:36:flags=bicubic,setpts=(PTS-STARTPTS)/1,fps=30',
      '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1',
    ]);
  });

  it('seeks and limits the trimmed range', () => {
    const args = clipDecodeArgs({ ...base, trimFrom: 1.5, trimTo: 4 });
    expect(args.slice(3, 7)).toEqual(['-ss', '1.5', '-t', '2.5']);
  });

  it('reverses after scaling and applies the speed', () => {
    const args = clipDecodeArgs({ ...base, speed: -2 });
    expect(args[args.indexOf('-vf') + 1]).toBe('scale=64:36:flags=bicubic,reverse,setpts=(PTS-STARTPTS)/2,fps=30');
  });
});

describe('clipFadeOpacity', () => {
  it('ramps in and out', () => {
    expect(clipFadeOpacity(0, 60, 10, 0)).toBe(0);
    expect(clipFadeOpacity(5, 60, 10, 0)).toBe(0.5);
    expect(clipFadeOpacity(30, 60, 10, 10)).toBe(1);
    expect(clipFadeOpacity(55, 60, 0, 10)).toBe(0.5);
  });
});

describe('reverseBytes', () => {
  it('counts every source frame as RGBA', () => {
    expect(reverseBytes(2, 30, 64, 36)).toBe(60 * 64 * 36 * 4);
  });
});
