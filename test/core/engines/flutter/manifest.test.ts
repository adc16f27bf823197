import { describe, expect, it } from 'vitest';
import { checkArgumentToken, checkBareFileName, parseManifest } from '../../../../src/core/engines/flutter/manifest.js';
import { FluvieError } from '../../../../src/core/errors.js';

const valid = {
  schemaVersion: 1,
  width: 64,
  height: 48,
  fps: 30,
  frameCount: 12,
  framesFileName: 'frames.rgba',
  outputFileName: 'out.mp4',
  renderDigest: '0123456789abcdef',
  ffmpegArgs: ['-f', 'rawvideo', '-i', 'frames.rgba', '-filter_complex', 'fps=15,scale=trunc(iw/2)*2:trunc(ih/2)*2:flags=lanczos', '-vf', 'select=eq(n\\,3)', '-map', '0:v:0', 'out.mp4'],
  posterArgs: ['-i', 'frames.rgba', 'poster.png'],
  posterFileName: 'poster.png',
};

function parse(value: unknown): unknown {
  return parseManifest(JSON.stringify(value));
}

function rejection(value: unknown): FluvieError {
  try {
    parse(value);
  } catch (error: unknown) {
    if (error instanceof FluvieError) return error;
    throw error;
  }
  throw new Error('expected the manifest to be rejected');
}

describe('parseManifest', () => {
  it('accepts a harness manifest with filter graphs and a poster', () => {
    expect(parse(valid)).toEqual(valid);
  });

  it('accepts a manifest without poster keys', () => {
    const { posterArgs: _args, posterFileName: _name, ...withoutPoster } = valid;
    expect(parse(withoutPoster)).toEqual(withoutPoster);
  });

  it('rejects another schema version', () => {
    const error = rejection({ ...valid, schemaVersion: 2 });
    expect(error.code).toBe('capture_failed');
    expect(error.message).toContain('schemaVersion is 2');
  });

  it('rejects text that is not JSON', () => {
    expect(() => parseManifest('{"schemaVersion": 1,')).toThrow(/not valid JSON/);
  });

  it('rejects wrong field types and names the field', () => {
    expect(rejection({ ...valid, width: '64' }).message).toContain('field "width"');
    expect(rejection({ ...valid, ffmpegArgs: ['-i', 3] }).message).toContain('field "ffmpegArgs.1"');
  });

  it('rejects a poster file name without poster arguments', () => {
    const { posterArgs: _args, ...halfPoster } = valid;
    expect(rejection(halfPoster).message).toContain('posterArgs and posterFileName');
  });

  it.each([
    ['outputFileName', 'sub/out.mp4'],
    ['outputFileName', 'sub\\out.mp4'],
    ['outputFileName', '-y'],
    ['outputFileName', '..'],
    ['framesFileName', '/etc/passwd'],
    ['posterFileName', 'C:poster.png'],
  ])('rejects %s "%s"', (field, name) => {
    expect(rejection({ ...valid, [field]: name }).message).toContain(`${field} "${name}"`);
  });

  it.each([
    ['an absolute path', '/tmp/escape.mp4'],
    ['a backslash path', '\\\\server\\share\\x.mp4'],
    ['a Windows drive path', 'C:\\out.mp4'],
    ['a drive-relative path', 'c:out.mp4'],
    ['a URL', 'http://127.0.0.1/x'],
    ['a protocol', 'concat:frames.rgba|/etc/passwd'],
    ['a file URL', 'file:out.mp4'],
    ['a .. segment', 'sub/../../escape.mp4'],
    ['a bare ..', '..'],
    ['a backslash .. segment', '..\\escape.mp4'],
  ])('rejects an ffmpeg argument that is %s', (_name, token) => {
    const error = rejection({ ...valid, ffmpegArgs: [...valid.ffmpegArgs.slice(0, -1), token] });
    expect(error.message).toContain(`ffmpegArgs[${valid.ffmpegArgs.length - 1}]`);
  });

  it('checks poster arguments too', () => {
    expect(rejection({ ...valid, posterArgs: ['-i', 'frames.rgba', '/tmp/poster.png'] }).message).toContain('posterArgs[2]');
  });
});

describe('confinement checks', () => {
  it('lets ordinary ffmpeg tokens through', () => {
    for (const token of ['-c:v', 'libx264', '+bitexact', '0:v:0', '[aout]', 'atrim=start=0.5:end=2', 'frame_%06d.png', "volume='if(lt(t,1),0,1)':eval=frame", '1920x1080', '0.5']) {
      expect(checkArgumentToken(token)).toBeNull();
    }
  });

  it('keeps names with dots that are not segments', () => {
    expect(checkBareFileName('out..mp4')).toBeNull();
    expect(checkArgumentToken('out..mp4')).toBeNull();
  });
});
