/**
 * The warning for a poster time past the end of the video, through the real CLI.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/media.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const positionedSpec = path.resolve(repoRoot, '../shared/reference/specs/positioned.fluvie.json');

interface JsonLine {
  type: string;
  code?: string;
  message?: string;
}

async function renderWithPoster(poster: string): Promise<JsonLine[]> {
  const dir = await tempDir();
  const run = await runCliCapture(['render', '--spec', positionedSpec, '--frames', '3', '--poster', poster, '--out', path.join(dir, 'x.mp4'), '--json']);
  expect(run.code).toBe(0);
  return run.stdout.trim().split('\n').map((line) => JSON.parse(line) as JsonLine);
}

describe('poster past the end', () => {
  it('warns with time and duration', async () => {
    const lines = await renderWithPoster('99s');
    const warning = lines.find((line) => line.type === 'warning' && line.code === 'poster_clamped');
    expect(warning).toBeDefined();
    expect(warning?.message).toContain('99s');
    expect(warning?.message).toContain('0.10s video');
  });

  it('stays quiet inside the video', async () => {
    const lines = await renderWithPoster('2f');
    expect(lines.some((line) => line.code === 'poster_clamped')).toBe(false);
  });
});
