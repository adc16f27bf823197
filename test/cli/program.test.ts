/**
 * Help output and exit codes of the program itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.js';

const packageJson = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };

describe('program', () => {
  it('prints the package version', async () => {
    const run = await runCliCapture(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(packageJson.version);
  });

  it('lists the commands in --help', async () => {
    const run = await runCliCapture(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['render', 'spec']) expect(run.stdout).toContain(command);
  });

  it('shows defaults and units in render --help', async () => {
    const run = await runCliCapture(['render', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('default: from the --out extension');
    expect(run.stdout).toContain('default: "high"');
    expect(run.stdout).toContain('CRF');
  });

  it('exits 64 for an unknown command', async () => {
    const run = await runCliCapture(['paint']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('paint');
  });

  it('exits 64 for an unknown flag', async () => {
    const run = await runCliCapture(['render', '--colour', 'red']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('--colour');
  });
});
