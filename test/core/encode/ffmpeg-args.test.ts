import { describe, expect, it } from 'vitest';

import { buildAudioOnlyArgs, buildEncodeArgs, buildPosterArgs, CRF_BY_QUALITY } from '../../../src/core/encode/ffmpeg-args.js';
import type { EncodeArgsOptions } from '../../../src/core/encode/ffmpeg-args.js';

const INPUT = ['-f', 'rawvideo', '-pix_fmt', 'rgba', '-video_size', '1080x1920', '-framerate', '30', '-i', 'pipe:0'];
const TAIL = ['-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1', '-threads', '1'];

function options(overrides: Partial<EncodeArgsOptions>): EncodeArgsOptions {
  return {
    format: 'mp4',
    width: 1080,
    height: 1920,
    fps: 30,
    quality: 'high',
    gifFps: 15,
    input: 'pipe:0',
    output: 'out.mp4',
    ...overrides,
  };
}

describe('buildEncodeArgs', () => {
  it.each([
    ['low', '28'],
    ['medium', '23'],
    ['high', '18'],
    ['max', '14'],
  ] as const)('mp4 at %s quality uses CRF %s', (quality, crf) => {
    expect(buildEncodeArgs(options({ quality }))).toEqual([
      ...INPUT,
      '-c:v', 'libx264', '-preset', 'medium', '-crf', crf, '-pix_fmt', 'yuv420p', '-r', '30',
      '-movflags', '+faststart',
      '-an',
      ...TAIL,
      'out.mp4',
    ]);
  });

  it('mp4 places an extra video filter before the codec', () => {
    const args = buildEncodeArgs(options({ videoFilter: 'scale=540:960' }));

    expect(args.slice(INPUT.length, INPUT.length + 4)).toEqual(['-vf', 'scale=540:960', '-c:v', 'libx264']);
  });

  it('mp4 with audio adds inputs and the mix tail', () => {
    const audio = {
      inputArgs: ['-stream_loop', '-1', '-i', 'music.mp3'],
      filterGraph: '[1:a]asetpts=PTS-STARTPTS,volume=0.8[a0];[a0]amix=inputs=1:normalize=0,volume=1[aout]',
    };

    expect(buildEncodeArgs(options({ audio }))).toEqual([
      ...INPUT,
      '-stream_loop', '-1', '-i', 'music.mp3',
      '-c:v', 'libx264', '-preset', 'medium', '-crf', '18', '-pix_fmt', 'yuv420p', '-r', '30',
      '-movflags', '+faststart',
      '-filter_complex', audio.filterGraph,
      '-map', '0:v:0', '-map', '[aout]', '-c:a', 'aac', '-b:a', '192k',
      ...TAIL,
      'out.mp4',
    ]);
  });

  it('gif uses one palette filter graph at the gif fps', () => {
    expect(buildEncodeArgs(options({ format: 'gif', gifFps: 12, quality: 'low', output: 'out.gif' }))).toEqual([
      ...INPUT,
      '-filter_complex',
      'fps=12,scale=trunc(iw/2)*2:trunc(ih/2)*2:flags=lanczos,split[s0][s1];[s0]palettegen=stats_mode=diff[p];[s1][p]paletteuse=dither=bayer',
      '-an',
      ...TAIL,
      'out.gif',
    ]);
  });

  it('gif with an odd size skips the even rounding', () => {
    const args = buildEncodeArgs(options({ format: 'gif', gifFps: 12, width: 63, height: 47, output: 'out.gif' }));
    expect(args).toContain('63x47');
    expect(args[args.indexOf('-filter_complex') + 1]).toBe('fps=12,split[s0][s1];[s0]palettegen=stats_mode=diff[p];[s1][p]paletteuse=dither=bayer');
  });

  it('transparent encodes VP9 with an alpha plane', () => {
    expect(buildEncodeArgs(options({ format: 'transparent', output: 'out.webm' }))).toEqual([
      ...INPUT,
      '-c:v', 'libvpx-vp9', '-pix_fmt', 'yuva420p', '-auto-alt-ref', '0', '-r', '30',
      '-an',
      ...TAIL,
      'out.webm',
    ]);
  });

  it('imageSequence writes numbered PNGs into the folder', () => {
    expect(buildEncodeArgs(options({ format: 'imageSequence', output: 'frames' }))).toEqual([
      ...INPUT,
      '-c:v', 'png', '-f', 'image2', '-r', '30',
      '-an',
      ...TAIL,
      'frames/frame_%06d.png',
    ]);
  });

  it.each(['gif', 'transparent', 'imageSequence'] as const)('%s ignores audio and video filters', (format) => {
    const audio = { inputArgs: ['-i', 'music.mp3'], filterGraph: '[1:a]anull[aout]' };
    const plain = buildEncodeArgs(options({ format }));

    expect(buildEncodeArgs(options({ format, audio, videoFilter: 'hflip' }))).toEqual(plain);
  });

  it('reads a raw input file instead of stdin', () => {
    const args = buildEncodeArgs(options({ input: 'frames.rgba', width: 64, height: 48, fps: 24 }));

    expect(args.slice(0, 10)).toEqual(['-f', 'rawvideo', '-pix_fmt', 'rgba', '-video_size', '64x48', '-framerate', '24', '-i', 'frames.rgba']);
  });

  it('never overwrites with -y', () => {
    for (const format of ['mp4', 'gif', 'transparent', 'imageSequence'] as const) {
      expect(buildEncodeArgs(options({ format }))).not.toContain('-y');
    }
  });

  it('maps every quality to a CRF', () => {
    expect(CRF_BY_QUALITY).toEqual({ low: 28, medium: 23, high: 18, max: 14 });
  });
});

describe('buildPosterArgs', () => {
  it('selects one frame with an escaped comma', () => {
    expect(buildPosterArgs({ width: 1080, height: 1920, fps: 30, input: 'pipe:0', frame: 45, output: 'poster.png' })).toEqual([
      ...INPUT,
      '-vf', 'select=eq(n\\,45)', '-vframes', '1', '-r', '30', '-an',
      ...TAIL,
      'poster.png',
    ]);
  });
});


describe('buildAudioOnlyArgs', () => {
  it('encodes the mix like an mp4 render', () => {
    const audio = {
      inputArgs: ['-stream_loop', '-1', '-i', 'music.mp3'],
      filterGraph: '[1:a]asetpts=PTS-STARTPTS,volume=0.8[a0];[a0]amix=inputs=1:normalize=0,volume=1[aout]',
    };

    expect(buildAudioOnlyArgs(audio, '/w/audio.m4a')).toEqual([
      '-v', 'error', '-y',
      // The unused input 0 keeps the graph's input numbers those of a whole render.
      '-f', 'lavfi', '-i', 'color=size=16x16:duration=0.04',
      '-stream_loop', '-1', '-i', 'music.mp3',
      '-filter_complex', audio.filterGraph,
      '-map', '[aout]', '-c:a', 'aac', '-b:a', '192k', '-vn',
      '-fflags', '+bitexact', '-map_metadata', '-1', '-threads', '1', '/w/audio.m4a',
    ]);
  });
});
