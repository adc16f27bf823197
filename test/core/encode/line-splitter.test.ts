import { describe, expect, it } from 'vitest';

import { createLineSplitter } from '../../../src/core/encode/line-splitter.js';

function collect(chunks: Array<string | Uint8Array>, maxLineChars?: number): string[] {
  const lines: string[] = [];
  const splitter = createLineSplitter((line) => lines.push(line), maxLineChars);
  for (const chunk of chunks) splitter.push(chunk);
  splitter.flush();
  return lines;
}

describe('createLineSplitter', () => {
  it('splits on \\n, \\r and \\r\\n', () => {
    expect(collect(['a\nb\rc\r\nd'])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('joins lines across chunks', () => {
    expect(collect(['frame=  1', '0 fps\r', 'frame=  20 fps\r'])).toEqual(['frame=  10 fps', 'frame=  20 fps']);
  });

  it('treats \\r\\n split across chunks as one line end', () => {
    expect(collect(['one\r', '\ntwo\n'])).toEqual(['one', 'two']);
  });

  it('decodes UTF-8 split across chunks', () => {
    const bytes = Buffer.from('café\n');
    expect(collect([bytes.subarray(0, 4), bytes.subarray(4)])).toEqual(['café']);
  });

  it('passes long lines on in pieces', () => {
    expect(collect(['x'.repeat(25)], 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(collect(['y'.repeat(12), 'y'.repeat(3) + '\n'], 10)).toEqual(['y'.repeat(10), 'y'.repeat(5)]);
  });

  it('skips empty lines', () => {
    expect(collect(['\n\n\ra\n\n'])).toEqual(['a']);
  });
});
