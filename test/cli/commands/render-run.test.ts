/**
 * Render flags that the chosen output or engine does not use, and gif sizes, through the real CLI
 * with the native engine and real ffmpeg.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../../helpers/cli.js';
import { tempDir, videoStream } from '../../helpers/media.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const positionedSpec = path.resolve(repoRoot, '../shared/reference/specs/positioned.fluvie.json');

interface Event {
  type: string;
  code?: string;
  message?: string;
}

function events(stdout: string): Event[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Event);
}

describe('ignored flag warnings', () => {
  it('--quality with gif warns on stderr', async () => {
    const dir = await tempDir();
    const run = await runCliCapture(['render', '--spec', positionedSpec, '--out', path.join(dir, 'out.gif'), '--format', 'gif', '--quality', 'low', '--frames', '6']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning: --quality low has no effect on gif output');
    expect(existsSync(path.join(dir, 'out.gif'))).toBe(true);
  });

  it('--quality with gif is a warning event under --json', async () => {
    const dir = await tempDir();
    const run = await runCliCapture(['render', '--spec', positionedSpec, '--out', path.join(dir, 'out.gif'), '--format', 'gif', '--quality', 'max', '--frames', '6', '--json']);
    expect(run.code).toBe(0);
    const warnings = events(run.stdout).filter((event) => event.type === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.code).toBe('ignored_flag');
    expect(warnings[0]?.message).toContain('--quality max');
    expect(warnings[0]?.message).toContain('mp4 only');
  });

  it('default quality with gif stays quiet', async () => {
    const dir = await tempDir();
    const run = await runCliCapture(['render', '--spec', positionedSpec, '--out', path.join(dir, 'out.gif'), '--format', 'gif', '--frames', '6', '--json']);
    expect(run.code).toBe(0);
    expect(events(run.stdout).filter((event) => event.type === 'warning')).toEqual([]);
  });

  it('--quality with mp4 stays quiet', async () => {
    const dir = await tempDir();
    const run = await runCliCapture(['render', '--spec', positionedSpec, '--out', path.join(dir, 'out.mp4'), '--quality', 'low', '--frames', '6', '--json']);
    expect(run.code).toBe(0);
    expect(events(run.stdout).filter((event) => event.type === 'warning')).toEqual([]);
  });

  it('--keep-temp with the native engine warns', async () => {
    const dir = await tempDir();
    const run = await runCliCapture(['render', '--spec', positionedSpec, '--out', path.join(dir, 'out.mp4'), '--engine', 'native', '--keep-temp', '--frames', '6', '--json']);
    expect(run.code).toBe(0);
    const warnings = events(run.stdout).filter((event) => event.type === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.code).toBe('ignored_flag');
    expect(warnings[0]?.message).toContain('--keep-temp');
    expect(warnings[0]?.message).toContain('native engine');
  });
});

describe('gif sizes', () => {
  const SIZES = [
    { width: 63, height: 47 },
    { width: 64, height: 47 },
    { width: 64, height: 48 },
  ];

  for (const size of SIZES) {
    it(`${size.width}x${size.height} keeps its exact size`, async () => {
      const dir = await tempDir();
      const spec = path.join(dir, 'odd.fluvie.json');
      await writeFile(spec, JSON.stringify({ fluvieSpec: 1, size: size, fps: 30, scenes: [{ duration: '10f', background: { kind: 'color', color: '#3366CC' } }] }));
      const out = path.join(dir, 'odd.gif');
      const run = await runCliCapture(['render', '--spec', spec, '--out', out, '--format', 'gif', '--engine', 'native']);
      expect(run.stderr).not.toContain('error:');
      expect(run.code).toBe(0);
      const video = await videoStream(out);
      expect(video.codec_name).toBe('gif');
      expect(video.width).toBe(size.width);
      expect(video.height).toBe(size.height);
      // 10 frames at 30 fps resampled to the default gif rate of 15 fps.
      expect(video.frameCount).toBe(5);
    });
  }
});
