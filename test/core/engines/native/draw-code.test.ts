import { describe, expect, it } from 'vitest';
import { tokenizeCode } from '../../../../src/core/engines/native/code-tokens.js';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

describe('tokenizeCode', () => {
  it('assigns roles from highlight.js scopes', () => {
    const lines = tokenizeCode('function add(a) {\n  // sum\n  return "x<y" + 1;\n}', 'javascript');
    expect(lines).toHaveLength(4);
    expect(lines[0]![0]).toEqual({ text: 'function', role: 'keyword' });
    expect(lines[0]!.find((run) => run.text === 'add')?.role).toBe('function');
    expect(lines[1]!.find((run) => run.role === 'comment')?.text).toBe('// sum');
    expect(lines[2]!.find((run) => run.role === 'string')?.text).toBe('"x<y"');
    expect(lines[2]!.find((run) => run.role === 'number')?.text).toBe('1');
  });

  it('highlights Dart', () => {
    const lines = tokenizeCode("final name = 'Fluvie';", 'dart');
    expect(lines[0]![0]).toEqual({ text: 'final', role: 'keyword' });
    expect(lines[0]!.find((run) => run.role === 'string')?.text).toBe("'Fluvie'");
  });

  it('plaintext and unknown languages stay plain', () => {
    expect(tokenizeCode('a < b', 'plaintext')).toEqual([[{ text: 'a < b', role: 'plain' }]]);
    expect(tokenizeCode('x', 'no-such-language')).toEqual([[{ text: 'x', role: 'plain' }]]);
  });
});

describe('Code frames', () => {
  it('without a tight transform the box is 0x0 and no background shows', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Code', source: 'x = 1' }]));
    const frame = await stream.renderFrame!(0);
    // The text starts at the canvas centre (the 0×0 box) and runs right and down.
    expect(pixel(frame, 320, 150, 100)).toEqual([32, 36, 40, 255]);
    let bright = 0;
    for (let x = 160; x < 200; x += 1) for (let y = 90; y < 110; y += 1) if (pixel(frame, 320, x, y)[0] > 100) bright += 1;
    expect(bright).toBeGreaterThan(5);
  });

  it('a tight transform paints the dark theme background and gutter', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Code', source: 'x = 1', transform: { x: 0.5, y: 0.5, w: 1, h: 1 } }]));
    const frame = await stream.renderFrame!(0);
    expect(pixel(frame, 320, 300, 170)).toEqual([0x1e, 0x1e, 0x1e, 255]);
    expect(pixel(frame, 320, 2, 170)).toEqual([0x25, 0x25, 0x26, 255]);
  });

  it('lineByLine shows one more line per perLine', async () => {
    const spec = sceneOf([{ type: 'Code', source: 'a\nb\nc', reveal: { kind: 'lineByLine', perLine: '10f' }, transform: { x: 0.5, y: 0.5, w: 1, h: 1 } }]);
    const { stream } = await capture(spec);
    const rowBright = async (frame: number, row: number): Promise<boolean> => {
      const pixels = await stream.renderFrame!(frame);
      const top = row * 14 * 1.4;
      for (let x = 0; x < 60; x += 1) for (let y = Math.floor(top); y < top + 19; y += 1) if (pixel(pixels, 320, x, y)[0] > 100) return true;
      return false;
    };
    expect(await rowBright(0, 0)).toBe(true);
    expect(await rowBright(9, 1)).toBe(false);
    expect(await rowBright(10, 1)).toBe(true);
  });
});

describe('Code after diff', () => {
  const card = { x: 0.5, y: 0.5, w: 1, h: 1 };
  const rowHeight = 14 * 1.4;

  /** Counts pixels brighter than the background in the text area of one diff row. */
  const brightInRow = (frame: Uint8Array, row: number): number => {
    let bright = 0;
    for (let x = 14; x < 120; x += 1) for (let y = Math.floor(row * rowHeight); y < (row + 1) * rowHeight; y += 1) if (pixel(frame, 320, x, y)[0] > 100) bright += 1;
    return bright;
  };

  it('an instant reveal shows after with a green stripe', async () => {
    const spec = sceneOf([{ type: 'Code', source: 'aaaa\nbbbb', after: 'aaaa\ncccc\nbbbb', transform: card }]);
    const { stream } = await capture(spec);
    const frame = await stream.renderFrame!(0);
    // The inserted line is row 1, and its stripe is the dark theme's added-gutter colour.
    expect(pixel(frame, 320, 2, Math.round(1.5 * rowHeight))).toEqual([0x48, 0x7e, 0x02, 255]);
    expect(pixel(frame, 320, 2, Math.round(0.5 * rowHeight))).toEqual([0x1e, 0x1e, 0x1e, 255]);
    expect(brightInRow(frame, 2)).toBeGreaterThan(5);
  });

  it('a timed reveal starts from source', async () => {
    const spec = sceneOf([{ type: 'Code', source: 'aaaa\nbbbb', after: 'aaaa\ncccc\nbbbb', reveal: { kind: 'lineByLine', perLine: '20f' }, transform: card }]);
    const { stream } = await capture(spec);
    const start = await stream.renderFrame!(0);
    // At progress 0 the inserted line has no height, so `bbbb` sits in row 1 and row 2 is empty.
    expect(brightInRow(start, 1)).toBeGreaterThan(5);
    expect(brightInRow(start, 2)).toBe(0);
    const end = await stream.renderFrame!(20);
    expect(brightInRow(end, 2)).toBeGreaterThan(5);
  });
});
