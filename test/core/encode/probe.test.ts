import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { FluvieError } from '../../../src/core/errors.js';
import { parseProbeJson, probeMedia } from '../../../src/core/encode/probe.js';
import { encodeFrames } from '../../../src/core/encode/encode-frames.js';
import { resolveFfmpeg } from '../../../src/core/encode/resolve-ffmpeg.js';
import { solidFrames, tempDir } from '../../helpers/media.js';

describe('probeMedia', () => {
  it('reads streams and counts frames', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'clip.webm');
    const ffmpeg = await resolveFfmpeg({ flag: null, env: { PATH: '/usr/bin:/bin' } });
    await encodeFrames({
      ffmpeg,
      format: 'transparent',
      quality: 'high',
      width: 32,
      height: 16,
      fps: 10,
      gifFps: 10,
      frames: solidFrames(32, 16, 5, () => [0, 0, 0, 0]),
      outPath: out,
      signal: new AbortController().signal,
    });

    const media = await probeMedia('ffprobe', out, { countFrames: true });
    const video = media.streams[0];

    expect(media.format.format_name).toContain('webm');
    expect(Number(media.format.duration)).toBeCloseTo(0.5, 1);
    expect(video?.codec_type).toBe('video');
    expect(video?.codec_name).toBe('vp9');
    expect(video?.width).toBe(32);
    expect(video?.height).toBe(16);
    expect(video?.nb_read_frames).toBe('5');
    expect(video?.tags?.['alpha_mode'] ?? video?.tags?.['ALPHA_MODE']).toBe('1');
  });

  it('rejects a file that is not media', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'notes.mp4');
    await writeFile(file, 'plain text');

    await expect(probeMedia('ffprobe', file)).rejects.toMatchObject({ code: 'output_failed' });
  });
});

describe('parseProbeJson', () => {
  it('rejects invalid JSON', () => {
    expect(() => parseProbeJson('{', 'x.mp4')).toThrow(FluvieError);
  });

  it('drops entries without a codec type', () => {
    const media = parseProbeJson('{"streams":[{"codec_name":"h264","codec_type":"video"},{"index":1}],"format":{"duration":"2.0"}}', 'x.mp4');

    expect(media.streams).toHaveLength(1);
    expect(media.format.duration).toBe('2.0');
  });

  it('accepts output without streams', () => {
    expect(parseProbeJson('{}', 'x.mp4')).toEqual({ format: {}, streams: [] });
  });
});
