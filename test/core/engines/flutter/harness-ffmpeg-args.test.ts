import { describe, expect, it } from 'vitest';
import { buildHarnessFfmpegArgs, buildHarnessPosterArgs, retargetInputToStdin } from '../../../../src/core/engines/flutter/harness-ffmpeg-args.js';

const settings = { width: 64, height: 48, fps: 30, quality: 'high', gifFps: 15, framesFileName: 'frames.rgba' } as const;
const input = ['-f', 'rawvideo', '-pix_fmt', 'rgba', '-video_size', '64x48', '-framerate', '30', '-i', 'frames.rgba'];
const tail = ['-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1', '-threads', '1'];

describe('buildHarnessFfmpegArgs', () => {
  it('builds mp4 with the CRF of the quality', () => {
    expect(buildHarnessFfmpegArgs({ ...settings, format: 'mp4', quality: 'low' })).toEqual([...input, '-c:v', 'libx264', '-preset', 'medium', '-crf', '28', '-pix_fmt', 'yuv420p', '-r', '30', '-an', ...tail, 'out.mp4']);
  });

  it('builds gif with palette generation at the gif frame rate', () => {
    expect(buildHarnessFfmpegArgs({ ...settings, format: 'gif', gifFps: 12 })).toEqual([
      ...input,
      '-filter_complex',
      'fps=12,scale=trunc(iw/2)*2:trunc(ih/2)*2:flags=lanczos,split[s0][s1];[s0]palettegen=stats_mode=diff[p];[s1][p]paletteuse=dither=bayer',
      '-an',
      ...tail,
      'out.gif',
    ]);
  });

  it('builds transparent webm and image sequences', () => {
    expect(buildHarnessFfmpegArgs({ ...settings, format: 'transparent' })).toEqual([...input, '-c:v', 'libvpx-vp9', '-pix_fmt', 'yuva420p', '-auto-alt-ref', '0', '-r', '30', '-an', ...tail, 'out.webm']);
    expect(buildHarnessFfmpegArgs({ ...settings, format: 'imageSequence' })).toEqual([...input, '-c:v', 'png', '-f', 'image2', '-r', '30', '-an', ...tail, 'frame_%06d.png']);
  });

  it('builds the poster selection with a literal backslash-comma', () => {
    expect(buildHarnessPosterArgs(settings, 7)).toEqual([...input, '-vf', 'select=eq(n\\,7)', '-vframes', '1', '-r', '30', '-an', ...tail, 'poster.png']);
  });
});

describe('retargetInputToStdin', () => {
  it('replaces only the frames input', () => {
    const args = buildHarnessFfmpegArgs({ ...settings, format: 'mp4' });
    const retargeted = retargetInputToStdin(args, 'frames.rgba');
    expect(retargeted?.[9]).toBe('pipe:0');
    expect(retargeted?.filter((token, index) => token !== args[index])).toEqual(['pipe:0']);
  });

  it('returns null without a frames input', () => {
    expect(retargetInputToStdin(['-i', 'other.rgba', 'out.mp4'], 'frames.rgba')).toBeNull();
  });
});
