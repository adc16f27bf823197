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

  it('lists no flag the CLI lacks', () => {
    const rows = [...readme.matchAll(/^\| `(-[^`]+)` \|/gm)].map((match) => match[1]);
    const known = new Set(RENDER_FLAGS.map((flag) => flag.flags));
    for (const row of rows) expect(known.has(row ?? ''), `README lists unknown flag ${row}`).toBe(true);
  });
});
