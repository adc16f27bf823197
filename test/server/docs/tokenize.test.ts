import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/server/docs/tokenize.js';

describe('tokenize', () => {
  it('splits on anything but ASCII letters and digits', () => {
    expect(tokenize('FLUVIE_MCP_TOKEN, v1/docs: 64x64!')).toEqual(['fluvie', 'mcp', 'token', 'v1', 'docs', '64x64']);
  });

  it('keeps duplicates in order', () => {
    expect(tokenize('Render render RENDER')).toEqual(['render', 'render', 'render']);
  });

  it('drops non-ASCII letters', () => {
    expect(tokenize('café ölçü')).toEqual(['caf', 'l']);
  });

  it('returns nothing for punctuation only', () => {
    expect(tokenize(' -- ## ')).toEqual([]);
  });
});
