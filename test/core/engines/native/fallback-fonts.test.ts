import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { registerBundledFonts } from '../../../../src/core/engines/native/fonts.js';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

const topLeft = { x: 0, y: 0, anchor: 'topLeft' };

function inkPixels(frame: Uint8Array, width: number, height: number): Set<number> {
  const pixels = new Set<number>();
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) if (pixel(frame, width, x, y)[0] > 128) pixels.add(y * width + x);
  return pixels;
}

function overlap(a: Set<number>, b: Set<number>): number {
  return [...a].filter((value) => b.has(value)).length / Math.max(a.size, b.size);
}

function inkColumns(frame: Uint8Array, width: number, height: number): Set<number> {
  const columns = new Set<number>();
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) if (pixel(frame, width, x, y)[0] > 128) columns.add(x);
  return columns;
}

describe('bundled fallback fonts', () => {
  it('kerning comes from the font', () => {
    const fonts = registerBundledFonts();
    const ctx = createCanvas(10, 10).getContext('2d');
    ctx.lang = 'en';
    ctx.font = `400 40px ${fonts.familyList('Fluvie Sans')}`;
    const width = (text: string): number => ctx.measureText(text).width;
    expect(width('AV')).toBeLessThan(width('A') + width('V') - 1);
  });

  it('emoji draw in colour', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Text', text: '😀', style: { fontSize: 60 } }]));
    const frame = await stream.renderFrame!(0);
    let coloured = 0;
    for (let y = 0; y < 180; y += 1) {
      for (let x = 0; x < 320; x += 1) {
        const [r, g, b] = pixel(frame, 320, x, y);
        if (r > 180 && g > 120 && b < 80) coloured += 1;
      }
    }
    expect(coloured).toBeGreaterThan(500);
  });

  it('CJK ideographs draw full width', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Text', text: '你好', transform: topLeft, style: { fontSize: 40 } }]));
    const columns = [...inkColumns(await stream.renderFrame!(0), 320, 180)];
    const span = Math.max(...columns) - Math.min(...columns);
    expect(span).toBeGreaterThan(70);
    expect(span).toBeLessThan(82);
  });

  it('Hangul syllables draw full width', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Text', text: '안녕', transform: topLeft, style: { fontSize: 40 } }]));
    const columns = [...inkColumns(await stream.renderFrame!(0), 320, 180)];
    const span = Math.max(...columns) - Math.min(...columns);
    expect(span).toBeGreaterThan(55);
    expect(span).toBeLessThan(82);
  });

  it('Hebrew runs right to left', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Text', text: 'אב', transform: topLeft, style: { fontSize: 60 } }]));
    const actual = inkPixels(await stream.renderFrame!(0), 320, 180);
    const fonts = registerBundledFonts();
    const drawInOrder = (left: string, right: string): Set<number> => {
      const canvas = createCanvas(320, 180);
      const ctx = canvas.getContext('2d');
      ctx.lang = 'en';
      ctx.fillStyle = '#202428';
      ctx.fillRect(0, 0, 320, 180);
      ctx.font = `400 60px ${fonts.familyList('Fluvie Sans')}`;
      ctx.fillStyle = '#FFFFFF';
      const ascent = fonts.metrics('Fluvie Sans').ascent * 60;
      ctx.fillText(left, 0, ascent);
      ctx.fillText(right, ctx.measureText(left).width, ascent);
      return inkPixels(new Uint8Array(ctx.getImageData(0, 0, 320, 180).data.buffer), 320, 180);
    };

    // Alef comes first in memory, so it is drawn on the right: bet, then alef.
    expect(overlap(actual, drawInOrder('ב', 'א'))).toBeGreaterThan(0.9);
    expect(overlap(actual, drawInOrder('א', 'ב'))).toBeLessThan(0.6);
  });

  it('a 5000-character text stops at maxLines', async () => {
    const text = 'lorem ipsum dolor sit amet '.repeat(186).slice(0, 5000);
    const spec = sceneOf([{ type: 'Text', text, maxLines: 3, transform: topLeft, style: { fontSize: 14 } }]);
    const { stream } = await capture(spec);
    const frame = await stream.renderFrame!(0);
    let inkBelow = 0;
    let inkAbove = 0;
    for (let x = 0; x < 320; x += 1) {
      for (let y = 0; y < 180; y += 1) {
        if (pixel(frame, 320, x, y)[0] <= 128) continue;
        if (y >= 3 * 16.5) inkBelow += 1;
        else inkAbove += 1;
      }
    }
    expect(inkAbove).toBeGreaterThan(500);
    expect(inkBelow).toBe(0);
  });
});
