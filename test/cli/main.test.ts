/**
 * Usage errors through the real CLI: commander's own failures (unknown flags, missing arguments)
 * exit 64, and under `--json` they also print one NDJSON `error` event on stdout.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wantsJsonOutput } from '../../src/cli/main.js';
import { runCliCapture } from '../helpers/cli.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const minimalSpec = path.resolve(repoRoot, '../shared/reference/specs/minimal.fluvie.json');

interface ErrorEvent {
  type: string;
  code: string;
  message: string;
}

function parseLines(stdout: string): ErrorEvent[] {
  return stdout
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ErrorEvent);
}

describe('usage errors under --json', () => {
  const CASES = [
    { name: 'unknown flag', args: ['render', '--spec', minimalSpec, '--bogus', '--json'], mentions: '--bogus' },
    { name: 'option without its value', args: ['render', '--json', '--spec'], mentions: '--spec' },
    { name: 'missing command argument', args: ['spec', 'validate', '--json'], mentions: 'file' },
    { name: 'invalid choice', args: ['render', '--json', '--spec', minimalSpec, '--format', 'avi'], mentions: 'avi' },
  ];

  for (const item of CASES) {
    it(`${item.name} prints one error event`, async () => {
      const run = await runCliCapture(item.args);
      expect(run.code).toBe(64);
      const events = parseLines(run.stdout);
      expect(events).toHaveLength(1);
      expect(events[0]?.type).toBe('error');
      expect(events[0]?.code).toBe('usage');
      expect(events[0]?.message).toContain(item.mentions);
      expect(events[0]?.message).not.toMatch(/^error: /);
      // The human-readable message stays on stderr.
      expect(run.stderr).toContain(item.mentions);
    });
  }

  it('without --json stdout stays empty', async () => {
    const run = await runCliCapture(['render', '--spec', minimalSpec, '--bogus']);
    expect(run.code).toBe(64);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--bogus');
  });

  it('command usage error reports once', async () => {
    const run = await runCliCapture(['render', 'intro', '--spec', minimalSpec, '--json']);
    expect(run.code).toBe(64);
    const events = parseLines(run.stdout);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'error', code: 'usage' });
    expect(events[0]?.message).toContain('not both');
  });
});

describe('wantsJsonOutput', () => {
  it('finds --json before the terminator only', () => {
    expect(wantsJsonOutput(['node', 'fluvie-render', 'render', '--json'])).toBe(true);
    expect(wantsJsonOutput(['node', 'fluvie-render', 'render', '--', '--json'])).toBe(false);
    expect(wantsJsonOutput(['node', 'fluvie-render', 'render', '--jsonx'])).toBe(false);
  });
});
