import { describe, expect, it } from 'vitest';
import { terminalRows, terminalTimings } from '../../../../src/core/engines/native/draw-terminal.js';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

describe('terminalRows', () => {
  it('splits a line with cmd and out', () => {
    expect(terminalRows([{ cmd: 'ls', out: 'a', prompt: '> ' }, { out: 'b' }])).toEqual([
      { kind: 'cmd', text: 'ls', prompt: '> ' },
      { kind: 'out', text: 'a' },
      { kind: 'out', text: 'b' },
    ]);
  });
});

describe('terminalTimings', () => {
  it('starts rows a line gap apart unless typing runs longer', () => {
    const rows = terminalRows([{ cmd: 'ls' }, { out: 'x' }, { cmd: 'a long command' }, { out: 'done' }]);
    expect(terminalTimings(rows, 2, 18)).toEqual([
      { start: 0, settle: 4 },
      { start: 18, settle: 18 },
      { start: 36, settle: 64 },
      { start: 64, settle: 64 },
    ]);
  });

  it('a zero speed types at once', () => {
    expect(terminalTimings(terminalRows([{ cmd: 'ls' }, { cmd: 'pwd' }]), 0, 5)).toEqual([
      { start: 0, settle: 0 },
      { start: 5, settle: 5 },
    ]);
  });
});

describe('Terminal frames', () => {
  const card = { x: 0.5, y: 0.5, w: 1, h: 1 };

  /** Counts bright pixels in the row band [top, top + 14) left of x = 120. */
  const brightRow = (frame: Uint8Array, top: number): number => {
    let bright = 0;
    for (let x = 10; x < 120; x += 1) for (let y = top; y < top + 14; y += 1) if (pixel(frame, 320, x, y)[0] > 100) bright += 1;
    return bright;
  };

  it('has no chrome unless asked and shows output one gap later', async () => {
    const spec = sceneOf([{ type: 'Terminal', transform: card, lines: [{ cmd: 'ls', out: 'README.md' }] }]);
    const { stream } = await capture(spec);
    const early = await stream.renderFrame!(2);
    const late = await stream.renderFrame!(18);
    expect(pixel(early, 320, 200, 5)).toEqual([0x1e, 0x1e, 0x1e, 255]);
    expect(pixel(early, 320, 300, 170)).toEqual([0x1e, 0x1e, 0x1e, 255]);
    // Rows start 10 px down and are 1.4 × 14 = 19.6 px apart.
    expect(brightRow(early, 10)).toBeGreaterThan(10);
    expect(brightRow(early, 30)).toBe(0);
    expect(brightRow(await stream.renderFrame!(17), 30)).toBe(0);
    expect(brightRow(late, 30)).toBeGreaterThan(20);
  });

  it('chrome draws a bar with dots', async () => {
    const spec = sceneOf([{ type: 'Terminal', transform: card, chrome: true, lines: [{ cmd: 'ls' }] }]);
    const { stream } = await capture(spec);
    const frame = await stream.renderFrame!(0);
    // The bar is 2 × 14 px high; the first dot is centred at (15, 14).
    expect(pixel(frame, 320, 15, 14)).toEqual([0xff, 0x5f, 0x56, 255]);
    expect(pixel(frame, 320, 200, 14)).toEqual([0x32, 0x32, 0x33, 255]);
    expect(pixel(frame, 320, 200, 30)).toEqual([0x1e, 0x1e, 0x1e, 255]);
  });

  it("showDots false draws the bar without dots", async () => {
    const spec = sceneOf([{ type: 'Terminal', transform: card, chrome: { showDots: false }, lines: [{ cmd: 'ls' }] }]);
    const { stream } = await capture(spec);
    const frame = await stream.renderFrame!(0);
    expect(pixel(frame, 320, 15, 14)).toEqual([0x32, 0x32, 0x33, 255]);
  });

  it('without a tight transform paints no background', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Terminal', lines: [{ out: 'hello' }] }]));
    const frame = await stream.renderFrame!(0);
    expect(pixel(frame, 320, 150, 80)).toEqual([32, 36, 40, 255]);
  });
});
