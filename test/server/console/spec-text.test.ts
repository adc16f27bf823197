import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../../../web/console/spec-text.js';

describe('parseSpecText', () => {
  it('parses valid JSON', () => {
    expect(parseSpecText('{"fps": 30}')).toEqual({ ok: true, spec: { fps: 30 } });
  });

  it('rejects an empty editor', () => {
    const result = parseSpecText('  \n');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/^The editor is empty/);
  });

  it('names the line and column', () => {
    const result = parseSpecText('{\n  "fps": 30,\n}');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/^Invalid JSON at line 3, column 1: /);
  });
});
