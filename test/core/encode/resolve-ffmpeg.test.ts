import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { FluvieError } from '../../../src/core/errors.js';
import { requireEncoders, resolveFfmpeg, type BundledFfmpegLookup } from '../../../src/core/encode/resolve-ffmpeg.js';
import { tempDir } from '../../helpers/media.js';
import { fakeFfmpeg, fakeFfmpegDir } from './fake-ffmpeg.js';

const SYSTEM_PATH = '/usr/local/bin:/usr/bin:/bin';
const noBundled = async (): Promise<BundledFfmpegLookup> => ({ problem: 'not installed in this test' });

async function rejectionOf(promise: Promise<unknown>): Promise<FluvieError> {
  try {
    await promise;
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(FluvieError);
    return error as FluvieError;
  }
  throw new Error('expected a rejection');
}

describe('resolveFfmpeg order', () => {
  it('prefers the flag over the env vars', async () => {
    const flag = fakeFfmpeg('no-libx264');
    const resolved = await resolveFfmpeg({
      flag,
      env: { FLUVIE_FFMPEG: fakeFfmpeg('writes-garbage'), FFMPEG_PATH: '/usr/bin/ffmpeg', PATH: SYSTEM_PATH },
      lookupBundled: noBundled,
    });

    expect(resolved.source).toBe('flag');
    expect(resolved.path).toBe(flag);
    expect(resolved.version).toBe('9.9-fake');
  });

  it('prefers FLUVIE_FFMPEG over FFMPEG_PATH', async () => {
    const chosen = fakeFfmpeg('writes-garbage');
    const resolved = await resolveFfmpeg({
      flag: null,
      env: { FLUVIE_FFMPEG: chosen, FFMPEG_PATH: fakeFfmpeg('no-libx264'), PATH: SYSTEM_PATH },
      lookupBundled: noBundled,
    });

    expect(resolved.source).toBe('FLUVIE_FFMPEG');
    expect(resolved.path).toBe(chosen);
  });

  it('prefers FFMPEG_PATH over PATH', async () => {
    const chosen = fakeFfmpeg('no-libx264');
    const resolved = await resolveFfmpeg({ flag: null, env: { FFMPEG_PATH: chosen, PATH: SYSTEM_PATH }, lookupBundled: noBundled });

    expect(resolved.source).toBe('FFMPEG_PATH');
    expect(resolved.path).toBe(chosen);
  });

  it('finds ffmpeg on PATH in folder order', async () => {
    fakeFfmpeg('no-libx264');
    const resolved = await resolveFfmpeg({
      flag: null,
      env: { PATH: `/nonexistent-folder:${fakeFfmpegDir('no-libx264')}:/usr/bin` },
      lookupBundled: noBundled,
    });

    expect(resolved.source).toBe('PATH');
    expect(resolved.path).toBe(path.join(fakeFfmpegDir('no-libx264'), 'ffmpeg'));
    expect(resolved.encoders.has('libx264')).toBe(false);
    expect(resolved.encoders.has('libvpx-vp9')).toBe(true);
  });

  it('falls back to the bundled binary last', async () => {
    const bundled = fakeFfmpeg('writes-garbage');
    const resolved = await resolveFfmpeg({ flag: null, env: { PATH: '' }, lookupBundled: async () => ({ path: bundled }) });

    expect(resolved.source).toBe('bundled');
    expect(resolved.path).toBe(bundled);
  });

  it('loads the real bundled package', async () => {
    const resolved = await resolveFfmpeg({ flag: null, env: { PATH: '' } });

    expect(resolved.source).toBe('bundled');
    expect(resolved.path).toContain(path.join('node_modules', '@ffmpeg-installer'));
    expect(resolved.encoders.has('libx264')).toBe(true);
    expect(resolved.ffprobePath).toBeNull();
  });

  it('probes the system ffmpeg', async () => {
    const resolved = await resolveFfmpeg({ flag: null, env: { PATH: SYSTEM_PATH }, lookupBundled: noBundled });

    expect(resolved.source).toBe('PATH');
    expect(resolved.version).toMatch(/^\d+\.\d+/);
    for (const encoder of ['libx264', 'libvpx-vp9', 'gif', 'png']) expect(resolved.encoders.has(encoder)).toBe(true);
    expect(resolved.ffprobePath).toBe(path.join(path.dirname(resolved.path), 'ffprobe'));
  });

  it('looks a bare flag value up on PATH', async () => {
    fakeFfmpeg('no-libx264');
    const resolved = await resolveFfmpeg({ flag: 'ffmpeg', env: { PATH: fakeFfmpegDir('no-libx264') }, lookupBundled: noBundled });

    expect(resolved.source).toBe('flag');
    expect(resolved.path).toBe(path.join(fakeFfmpegDir('no-libx264'), 'ffmpeg'));
  });
});

describe('resolveFfmpeg ffprobe', () => {
  it('uses ffprobe on PATH when none sits next to ffmpeg', async () => {
    const resolved = await resolveFfmpeg({ flag: fakeFfmpeg('no-libx264'), env: { PATH: SYSTEM_PATH } });

    expect(resolved.ffprobePath).toMatch(/\/ffprobe$/);
  });

  it('returns null ffprobe when there is none', async () => {
    const resolved = await resolveFfmpeg({ flag: fakeFfmpeg('no-libx264'), env: { PATH: fakeFfmpegDir('no-libx264') } });

    expect(resolved.ffprobePath).toBeNull();
  });

  it('prefers the ffprobe next to ffmpeg', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'bin'));
    await symlink(fakeFfmpeg('no-libx264'), path.join(dir, 'bin', 'ffmpeg'));
    await symlink('/usr/bin/ffprobe', path.join(dir, 'bin', 'ffprobe'));

    const resolved = await resolveFfmpeg({ flag: path.join(dir, 'bin', 'ffmpeg'), env: { PATH: SYSTEM_PATH } });

    expect(resolved.ffprobePath).toBe(path.join(dir, 'bin', 'ffprobe'));
  });
});

describe('resolveFfmpeg failures', () => {
  it('fails on an unusable flag without falling through', async () => {
    const error = await rejectionOf(
      resolveFfmpeg({ flag: '/nonexistent/ffmpeg', env: { FLUVIE_FFMPEG: '/usr/bin/ffmpeg', PATH: SYSTEM_PATH } }),
    );

    expect(error.code).toBe('ffmpeg_missing');
    expect(error.message).toContain('--ffmpeg /nonexistent/ffmpeg');
    expect(error.message).toContain('file not found');
    expect(error.message).toContain('apt-get install ffmpeg');
  });

  it('fails on an unusable FLUVIE_FFMPEG without falling through', async () => {
    const notFfmpeg = fakeFfmpeg('not-ffmpeg');
    const error = await rejectionOf(resolveFfmpeg({ flag: null, env: { FLUVIE_FFMPEG: notFfmpeg, PATH: SYSTEM_PATH } }));

    expect(error.code).toBe('ffmpeg_missing');
    expect(error.message).toContain(`FLUVIE_FFMPEG=${notFfmpeg}`);
    expect(error.message).toContain('hello from something else');
  });

  it('falls through an unusable FFMPEG_PATH', async () => {
    const resolved = await resolveFfmpeg({ flag: null, env: { FFMPEG_PATH: fakeFfmpeg('not-ffmpeg'), PATH: SYSTEM_PATH } });

    expect(resolved.source).toBe('PATH');
  });

  it('names every path tried when nothing works', async () => {
    const dir = await tempDir();
    const error = await rejectionOf(
      resolveFfmpeg({
        flag: null,
        env: { FFMPEG_PATH: '/missing/ffmpeg', PATH: `${dir}:${fakeFfmpegDir('not-ffmpeg')}` },
        lookupBundled: noBundled,
      }),
    );

    expect(error.code).toBe('ffmpeg_missing');
    expect(error.message).toContain('FFMPEG_PATH=/missing/ffmpeg');
    expect(error.message).toContain(`${fakeFfmpegDir('not-ffmpeg')}/ffmpeg`);
    expect(error.message).toContain('@ffmpeg-installer/ffmpeg: not installed in this test');
    expect(error.message).toContain('apt-get install ffmpeg');
    expect(error.message).toContain('brew install ffmpeg');
    expect(error.message).toContain('FLUVIE_FFMPEG');
  });

  it('names the PATH folders searched', async () => {
    const dir = await tempDir();
    const error = await rejectionOf(resolveFfmpeg({ flag: null, env: { PATH: `${dir}:/nonexistent` }, lookupBundled: noBundled }));

    expect(error.message).toContain(`${dir}/ffmpeg`);
    expect(error.message).toContain('/nonexistent/ffmpeg');
  });

  it('reports a build without libx264', async () => {
    const resolved = await resolveFfmpeg({ flag: fakeFfmpeg('no-libx264'), env: { PATH: SYSTEM_PATH } });

    let caught: unknown;
    try {
      requireEncoders(resolved, 'mp4');
    } catch (error: unknown) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(FluvieError);
    expect((caught as FluvieError).code).toBe('ffmpeg_missing');
    expect((caught as FluvieError).message).toContain(resolved.path);
    expect((caught as FluvieError).message).toContain('libx264');
    expect(() => requireEncoders(resolved, 'transparent')).not.toThrow();
  });
});
