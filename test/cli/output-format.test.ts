/**
 * Output format resolution: the `--out` extension picks the format when `--format` is absent, and a
 * conflicting pair is a usage error, through the real CLI and real ffmpeg.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFromExtension, resolveOutputFormat } from '../../src/cli/output-format.js';
import { runCliCapture } from '../helpers/cli.js';
import { hasAlphaTag, tempDir, videoStream } from '../helpers/media.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const positionedSpec = path.resolve(repoRoot, '../shared/reference/specs/positioned.fluvie.json');

describe('formatFromExtension', () => {
  it('maps known extensions', () => {
    expect(formatFromExtension('a/x.mp4')).toBe('mp4');
    expect(formatFromExtension('x.GIF')).toBe('gif');
    expect(formatFromExtension('x.webm')).toBe('transparent');
  });

  it('returns null for folders and unknown names', () => {
    expect(formatFromExtension('frames/')).toBeNull();
    expect(formatFromExtension('frames')).toBeNull();
    expect(formatFromExtension('x.mov')).toBeNull();
  });
});

describe('resolveOutputFormat', () => {
  it('infers the format from --out', () => {
    expect(resolveOutputFormat(undefined, 'x.gif')).toBe('gif');
    expect(resolveOutputFormat(undefined, 'x.webm')).toBe('transparent');
  });

  it('keeps mp4 without any hint', () => {
    expect(resolveOutputFormat(undefined, undefined)).toBe('mp4');
    expect(resolveOutputFormat(undefined, 'frames')).toBe('mp4');
  });

  it('keeps an explicit format for folders', () => {
    expect(resolveOutputFormat('imageSequence', 'frames/')).toBe('imageSequence');
    expect(resolveOutputFormat('gif', 'clip')).toBe('gif');
    expect(resolveOutputFormat('gif', 'x.gif')).toBe('gif');
  });

  it('rejects a conflicting pair', () => {
    expect(() => resolveOutputFormat('gif', 'y.mp4')).toThrow(/--format gif conflicts with --out y\.mp4.*mp4.*y\.gif/);
    expect(() => resolveOutputFormat('mp4', 'y.webm')).toThrow(/transparent/);
  });
});

describe('render output format through the CLI', () => {
  it('writes a gif for --out x.gif', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'x.gif');
    const run = await runCliCapture(['render', '--spec', positionedSpec, '--frames', '3', '--out', out]);
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    const video = await videoStream(out);
    expect(video.codec_name).toBe('gif');
  });

  it('reports the gif frame count', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'x.gif');
    const run = await runCliCapture(['render', '--spec', positionedSpec, '--frames', '12', '--out', out]);
    expect(run.code).toBe(0);
    const video = await videoStream(out);
    // 12 frames at 30 fps resampled to the default gif rate of 15 fps.
    expect(video.frameCount).toBe(6);
    expect(run.stdout).toContain(', 6 frames, 0.4s)');
  });

  it('writes transparent webm for --out x.webm', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'x.webm');
    const run = await runCliCapture(['render', '--spec', positionedSpec, '--frames', '3', '--out', out]);
    expect(run.code).toBe(0);
    const video = await videoStream(out);
    expect(video.codec_name).toBe('vp9');
    expect(hasAlphaTag(video)).toBe(true);
  });

  it('rejects --format gif with --out y.mp4', async () => {
    const dir = await tempDir();
    const run = await runCliCapture(['render', '--spec', positionedSpec, '--frames', '3', '--format', 'gif', '--out', path.join(dir, 'y.mp4')]);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('--format gif');
    expect(run.stderr).toContain('y.mp4');
  });

  it('rejects the conflict for prompt', async () => {
    const run = await runCliCapture(['prompt', '--no-render', '--format', 'gif', '--out', 'y.mp4', 'a short clip']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('--format gif conflicts');
  });

  it('rejects the conflict for edit', async () => {
    const dir = await tempDir();
    const spec = path.join(dir, 'in.fluvie.json');
    await writeFile(spec, '{"version":"1.0","scenes":[]}', 'utf8');
    const run = await runCliCapture(['edit', spec, 'make it red', '--format', 'transparent', '--out', path.join(dir, 'y.gif')]);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('--format transparent conflicts');
  });
});
