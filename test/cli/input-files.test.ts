/**
 * Missing and misplaced input files give the same exit code and a clear message in every command,
 * and `spec to-dart -o` creates missing folders like `render --out` does.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.js';
import { tempDir } from '../helpers/media.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const positionedSpec = path.resolve(repoRoot, '../shared/reference/specs/positioned.fluvie.json');

describe('missing spec file', () => {
  const COMMANDS: string[][] = [
    ['render', '--spec', 'missing.fluvie.json'],
    ['spec', 'to-dart', 'missing.fluvie.json'],
    ['edit', 'missing.fluvie.json', 'make it red'],
  ];

  for (const args of COMMANDS) {
    it(`${args[0]} ${args[1]} exits 1`, async () => {
      const dir = await tempDir();
      const run = await runCliCapture(args, { cwd: dir, env: { ...process.env, CI: 'true', ANTHROPIC_API_KEY: 'unused' } });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('missing.fluvie.json not found');
    });
  }
});

describe('folder given as a file', () => {
  it('render --spec names the folder', async () => {
    const dir = await tempDir();
    const run = await runCliCapture(['render', '--spec', dir, '--out', path.join(dir, 'x.mp4')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is a folder, not a file');
  });

  it('init --project missing folder', async () => {
    const dir = await tempDir();
    const run = await runCliCapture(['init', '--project', path.join(dir, 'nope')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join(dir, 'nope')} does not exist`);
  });
});

describe('spec to-dart -o', () => {
  it('creates missing folders', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'nodir', 'deeper', 'x.dart');
    const run = await runCliCapture(['spec', 'to-dart', positionedSpec, '-o', out]);
    expect(run.stderr).not.toContain('rror');
    expect(run.code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('Video');
  });

  it('still fails on a file in the path', async () => {
    const run = await runCliCapture(['spec', 'to-dart', positionedSpec, '-o', path.join(positionedSpec, 'x.dart')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Cannot write');
  });
});
