import { describe, expect, it } from 'vitest';
import { terminalTimings } from '../../../../src/core/engines/native/draw-terminal.js';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

describe('terminalTimings', () => {
  it('types each command, then waits the line gap', () => {
    expect(terminalTimings([{ cmd: 'ls' }, { out: 'x' }, { cmd: 'pwd' }], 2, 18)).toEqual([
      { start: 0, typed: 4 },
      { start: 22, typed: 22 },
      { start: 40, typed: 46 },
    ]);
  });
});

describe('Terminal frames', () => {
  it('fills its box with chrome dots and shows output after typing', async () => {
    const spec = sceneOf([{ type: 'Terminal', transform: { x: 0.5, y: 0.5, w: 1, h: 1 }, lines: [{ cmd: 'ls', out: 'README.md' }] }]);
    const { stream } = await capture(spec);
    const early = await stream.renderFrame!(2);
    const late = await stream.renderFrame!(10);
    expect(pixel(early, 320, 16, 16)).toEqual([0xff, 0x5f, 0x56, 255]);
    expect(pixel(early, 320, 300, 170)).toEqual([0x1e, 0x1e, 0x1e, 255]);
    // The output line sits one 19.6 px line below the command line, which starts 48 px down.
    const outputRow = (frame: Uint8Array): number => {
      let bright = 0;
      for (let x = 16; x < 120; x += 1) for (let y = 68; y < 86; y += 1) if (pixel(frame, 320, x, y)[0] > 100) bright += 1;
      return bright;
    };
    expect(outputRow(early)).toBe(0);
    expect(outputRow(late)).toBeGreaterThan(20);
  });
});
