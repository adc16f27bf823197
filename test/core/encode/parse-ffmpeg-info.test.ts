import { describe, expect, it } from 'vitest';

import { parseEncoders, parseVersion } from '../../../src/core/encode/parse-ffmpeg-info.js';

const ENCODERS = `Encoders:
 V..... = Video
 A..... = Audio
 S..... = Subtitle
 .F.... = Frame-level multithreading
 ------
 V....D a64multi             Multicolor charset for Commodore 64 (codec a64_multi)
 V....D libx264              libx264 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (codec h264)
 VF.... png                  PNG (Portable Network Graphics) image
 V..... libvpx-vp9           libvpx VP9 (codec vp9)
 A....D aac                  AAC (Advanced Audio Coding)
 S..... ssa                  ASS (Advanced SubStation Alpha) subtitle (codec ass)
`;

describe('parseVersion', () => {
  it('reads a distribution version', () => {
    expect(parseVersion('ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers\nbuilt with gcc 12')).toBe(
      '5.1.9-0+deb12u1',
    );
  });

  it('reads a git snapshot version', () => {
    expect(parseVersion('ffmpeg version N-47683-g0e8eb07980-static https://johnvansickle.com/ffmpeg/  Copyright')).toBe(
      'N-47683-g0e8eb07980-static',
    );
  });

  it('rejects other programs', () => {
    expect(parseVersion('ffprobe version 5.1.9 Copyright')).toBeNull();
    expect(parseVersion('hello\nffmpeg version 6.0')).toBeNull();
    expect(parseVersion('')).toBeNull();
  });
});

describe('parseEncoders', () => {
  it('lists names below the rule only', () => {
    expect([...parseEncoders(ENCODERS)]).toEqual(['a64multi', 'libx264', 'png', 'libvpx-vp9', 'aac', 'ssa']);
  });

  it('ignores the legend lines', () => {
    const names = parseEncoders(ENCODERS);

    expect(names.has('=')).toBe(false);
    expect(names.has('Video')).toBe(false);
  });

  it('returns nothing without the rule', () => {
    expect(parseEncoders('Encoders:\n V..... libx264 x\n').size).toBe(0);
  });
});
