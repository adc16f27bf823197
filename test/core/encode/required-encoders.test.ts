import { describe, expect, it } from 'vitest';

import { FluvieError } from '../../../src/core/errors.js';
import { requireEncoders, requiredEncoders } from '../../../src/core/encode/required-encoders.js';
import type { ResolvedFfmpeg } from '../../../src/core/encode/resolve-ffmpeg.js';

function ffmpegWith(encoders: string[]): ResolvedFfmpeg {
  return { path: '/opt/ffmpeg/bin/ffmpeg', version: '6.1', source: 'PATH', encoders: new Set(encoders), ffprobePath: null };
}

describe('requiredEncoders', () => {
  it.each([
    ['mp4', ['libx264']],
    ['transparent', ['libvpx-vp9']],
    ['gif', ['gif']],
    ['imageSequence', ['png']],
  ] as const)('%s needs %j', (format, expected) => {
    expect(requiredEncoders(format)).toEqual(expected);
  });

  it('adds png for a poster and aac for mp4 audio', () => {
    expect(requiredEncoders('mp4', { poster: true, audio: true })).toEqual(['libx264', 'png', 'aac']);
    expect(requiredEncoders('gif', { audio: true })).toEqual(['gif']);
  });
});

describe('requireEncoders', () => {
  it('accepts a complete build', () => {
    expect(() => requireEncoders(ffmpegWith(['libx264', 'png']), 'mp4', { poster: true })).not.toThrow();
  });

  it('names the binary, the encoder and the fix', () => {
    let caught: unknown;
    try {
      requireEncoders(ffmpegWith(['png', 'gif']), 'mp4');
    } catch (error: unknown) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(FluvieError);
    const error = caught as FluvieError;
    expect(error.code).toBe('ffmpeg_missing');
    expect(error.message).toContain('/opt/ffmpeg/bin/ffmpeg');
    expect(error.message).toContain('libx264');
    expect(error.message).toContain('apt-get install ffmpeg');
    expect(error.message).toContain('brew install ffmpeg');
    expect(error.message).toContain('--ffmpeg <path>');
    expect(error.message).toContain('FLUVIE_FFMPEG');
  });
});
