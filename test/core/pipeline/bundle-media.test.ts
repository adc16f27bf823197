/**
 * Bundle media sources: files of the unpacked bundle, resolved against the spec's folder, checked
 * as a pure rewrite and end to end through the CLI with decoded pixels and an audio stream.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { materializeBundleSources } from '../../../src/core/pipeline/bundle-media.js';
import { listMediaFiles } from '../../../src/spec/index.js';
import { parseSpec } from '../engines/native/native-helpers.js';
import { runCliCapture } from '../../helpers/cli.js';
import { expectColorNear, ffprobeJson, pixelAt, readFrameRgba, tempDir } from '../../helpers/media.js';

const SIZE = 32;

function bundleSpec(imageValue = 'media/red.png'): Record<string, unknown> {
  return {
    fluvieSpec: 1,
    size: { width: SIZE, height: SIZE },
    fps: 30,
    audio: [{ kind: 'music', source: { kind: 'bundle', value: 'media/tone.wav' } }],
    scenes: [{ duration: '10f', background: { kind: 'color', color: '#FF000000' }, children: [{ type: 'Image', source: { kind: 'bundle', value: imageValue }, fit: 'fill' }] }],
  };
}

describe('materializeBundleSources', () => {
  it('rewrites bundle sources to files in the folder', () => {
    const spec = materializeBundleSources(parseSpec(bundleSpec()), '/bundles/promo');
    expect(spec.audio?.[0]?.source).toEqual({ kind: 'file', value: '/bundles/promo/media/tone.wav' });
    expect(spec.scenes[0]?.children?.[0]).toMatchObject({ source: { kind: 'file', value: '/bundles/promo/media/red.png' } });
  });

  it('leaves the input spec unchanged', () => {
    const input = parseSpec(bundleSpec());
    materializeBundleSources(input, '/bundles/promo');
    expect(input.audio?.[0]?.source.kind).toBe('bundle');
  });

  it('rejects a value that leaves the folder', () => {
    expect(() => materializeBundleSources(parseSpec(bundleSpec('../secret.png')), '/b')).toThrow(/scenes\[0\]\.children\[0\]\.source: a bundle source must be a path inside the bundle/);
    expect(() => materializeBundleSources(parseSpec(bundleSpec('/etc/passwd')), '/b')).toThrow(/no absolute path/);
  });
});

describe('listMediaFiles with bundle sources', () => {
  it('lists them under the folder', () => {
    expect(listMediaFiles(parseSpec(bundleSpec()), '/b').map((item) => item.file)).toEqual(['/b/media/tone.wav', '/b/media/red.png']);
  });
});

describe('render with bundle sources', () => {
  it('draws the image and mixes the audio', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'media'));
    await execa('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=red:s=8x8', '-frames:v', '1', path.join(dir, 'media', 'red.png')]);
    await execa('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', path.join(dir, 'media', 'tone.wav')]);
    const specFile = path.join(dir, 'promo.fluvie.json');
    await writeFile(specFile, JSON.stringify(bundleSpec()));
    const out = path.join(dir, 'out.mp4');

    const run = await runCliCapture(['render', '--spec', specFile, '--out', out]);

    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    expectColorNear(pixelAt(await readFrameRgba(out, 5, SIZE, SIZE), SIZE, SIZE / 2, SIZE / 2), [255, 0, 0, 255], 24);
    const audio = (await ffprobeJson(out)).streams.find((stream) => stream.codec_type === 'audio');
    expect(audio?.codec_name).toBe('aac');
  });

  it('fails on a missing bundle file naming it', async () => {
    const dir = await tempDir();
    const specFile = path.join(dir, 'promo.fluvie.json');
    await writeFile(specFile, JSON.stringify(bundleSpec()));

    const run = await runCliCapture(['render', '--spec', specFile, '--out', path.join(dir, 'out.mp4')]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(path.join(dir, 'media', 'red.png'));
  });
});
