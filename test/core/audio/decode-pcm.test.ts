/** Decoding test tones to mono float PCM with the real ffmpeg. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_SAMPLE_RATE } from '../../../src/core/audio/audio-band.js';
import { PcmDecoder, pcmDecodeArgs } from '../../../src/core/audio/decode-pcm.js';
import { FluvieError } from '../../../src/core/errors.js';
import { tempDir } from '../../helpers/media.js';
import { writeTone } from './audio-fixtures.js';

const decoder = (): PcmDecoder => new PcmDecoder('ffmpeg', new AbortController().signal);

describe('pcmDecodeArgs', () => {
  it('writes mono f32le at 44.1 kHz to stdout', () => {
    expect(pcmDecodeArgs({ file: '/a.mp3', trimFrom: null, trimTo: null })).toEqual(['-v', 'error', '-nostdin', '-i', '/a.mp3', '-vn', '-f', 'f32le', '-ac', '1', '-ar', '44100', '-']);
  });

  it('trims with atrim', () => {
    expect(pcmDecodeArgs({ file: '/a.mp3', trimFrom: 0.5, trimTo: 2 })).toContain('atrim=start=0.5:end=2,asetpts=PTS-STARTPTS');
  });
});

describe('PcmDecoder', () => {
  it('decodes every sample of a tone', async () => {
    const dir = await tempDir();
    const samples = await decoder().decode({ file: await writeTone(dir, 440, 1), trimFrom: null, trimTo: null });

    expect(samples.length).toBe(ANALYSIS_SAMPLE_RATE);
    // A full-scale ffmpeg sine peaks at 1/8 of full scale.
    expect(Math.max(...samples.slice(0, 2000))).toBeGreaterThan(0.1);
    expect(Math.max(...samples.slice(0, 2000))).toBeLessThan(0.2);
  });

  it('decodes only the trimmed range', async () => {
    const dir = await tempDir();
    const samples = await decoder().decode({ file: await writeTone(dir, 440, 2), trimFrom: 0.5, trimTo: 1.25 });

    expect(samples.length).toBe(0.75 * ANALYSIS_SAMPLE_RATE);
  });

  it('decodes a source once', async () => {
    const dir = await tempDir();
    const pcm = decoder();
    const request = { file: await writeTone(dir, 440, 1), trimFrom: null, trimTo: null };

    expect(await pcm.decode(request)).toBe(await pcm.decode(request));
  });

  it('fails on a file that is not audio', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'not-audio.mp3');
    await writeFile(file, 'plain text');
    const error = await decoder().decode({ file, trimFrom: null, trimTo: null }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(FluvieError);
    expect((error as FluvieError).code).toBe('ffmpeg_failed');
    expect(String(error)).toContain(file);
  });
});
