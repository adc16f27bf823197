/**
 * The README's options table and the render flag table describe the same flags.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDER_FLAGS } from '../../src/cli/options.js';

const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

describe('README options table', () => {
  it('lists every render flag', () => {
    for (const flag of RENDER_FLAGS) {
      expect(readme, `README is missing ${flag.flags}`).toContain(`| \`${flag.flags}\` |`);
    }
  });

  it('gives each commander default', () => {
    for (const flag of RENDER_FLAGS) {
      if (typeof flag.defaultValue !== 'string') continue;
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${flag.flags}\` |`)) ?? '';
      expect(row.endsWith(`| \`${flag.defaultValue}\` |`), `README default of ${flag.flags} is not ${flag.defaultValue}`).toBe(true);
    }
  });

  it('names the --out extension as the --format default', () => {
    const row = readme.split('\n').find((line) => line.startsWith('| `--format <format>` |')) ?? '';
    expect(row).toContain('from the `--out` extension');
  });

  it('lists no flag the CLI lacks', () => {
    const rows = [...readme.matchAll(/^\| `(-[^`]+)` \|/gm)].map((match) => match[1]);
    const known = new Set(RENDER_FLAGS.map((flag) => flag.flags));
    for (const row of rows) expect(known.has(row ?? ''), `README lists unknown flag ${row}`).toBe(true);
  });
});
