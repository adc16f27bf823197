import { describe, expect, it } from 'vitest';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

function countColour(frame: Uint8Array, match: (r: number, g: number, b: number) => boolean): number {
  let count = 0;
  for (let y = 0; y < 180; y += 1) {
    for (let x = 0; x < 320; x += 1) {
      const [r, g, b] = pixel(frame, 320, x, y);
      if (match(r, g, b)) count += 1;
    }
  }
  return count;
}

describe('Text spans and framing', () => {
  it('each span draws in its own colour', async () => {
    const spans = [{ text: 'Red ', style: { color: '#FFFF0000' } }, { text: 'Green', style: { color: '#FF00FF00' } }];
    const { stream } = await capture(sceneOf([{ type: 'Text', spans, style: { fontSize: 30 } }]));
    const frame = await stream.renderFrame!(0);
    expect(countColour(frame, (r, g, b) => r > 200 && g < 60 && b < 60)).toBeGreaterThan(50);
    expect(countColour(frame, (r, g, b) => g > 200 && r < 60 && b < 60)).toBeGreaterThan(50);
  });

  it('decoration and padding frame the text', async () => {
    const spec = sceneOf([{ type: 'Text', text: 'Hi', style: { fontSize: 20 }, decoration: { color: '#FF0000FF' }, padding: { horizontal: 30, vertical: 10 } }]);
    const { stream } = await capture(spec);
    const frame = await stream.renderFrame!(0);
    const blue = countColour(frame, (r, g, b) => b > 200 && r < 40 && g < 40);
    // "Hi" at 20 px is about 20 × 23.4 px; with padding the box is about 80 × 43.4 px.
    expect(blue).toBeGreaterThan(2800);
    expect(blue).toBeLessThan(3600);
    expect(pixel(frame, 320, 160 - 35, 90)).toEqual([0, 0, 255, 255]);
  });

  it('maxWidth wraps the text', async () => {
    const spec = sceneOf([{ type: 'Text', text: 'one two three four', maxWidth: 60, style: { fontSize: 14 }, transform: { x: 0, y: 0, anchor: 'topLeft' } }]);
    const { stream } = await capture(spec);
    const frame = await stream.renderFrame!(0);
    expect(countColour(frame, (r) => r > 128) > 0).toBe(true);
    let maxX = 0;
    let maxY = 0;
    for (let y = 0; y < 180; y += 1) for (let x = 0; x < 320; x += 1) if (pixel(frame, 320, x, y)[0] > 128) ((maxX = Math.max(maxX, x)), (maxY = Math.max(maxY, y)));
    expect(maxX).toBeLessThan(60);
    expect(maxY).toBeGreaterThan(30);
  });
});

describe('Box decoration', () => {
  it('paints colour, rounded corners and border', async () => {
    const decoration = { color: '#FF00FF00', cornerRadius: 20, border: { color: '#FFFF0000', width: 4 } };
    const { stream } = await capture(sceneOf([{ type: 'Box', size: { width: 0.5, height: 0.5 }, decoration }]));
    const frame = await stream.renderFrame!(0);
    // Box (80, 45)–(240, 135).
    expect(pixel(frame, 320, 160, 90)).toEqual([0, 255, 0, 255]);
    expect(pixel(frame, 320, 160, 46)).toEqual([255, 0, 0, 255]);
    expect(pixel(frame, 320, 81, 46)).toEqual([32, 36, 40, 255]);
  });
});

describe('right-to-left spans', () => {
  it('Hebrew words across spans keep right-to-left order', async () => {
    const inkOf = async (element: Record<string, unknown>): Promise<Set<number>> => {
      const { stream } = await capture(sceneOf([{ ...element, transform: { x: 0, y: 0, anchor: 'topLeft' } }]));
      const frame = await stream.renderFrame!(0);
      const ink = new Set<number>();
      for (let y = 0; y < 180; y += 1) for (let x = 0; x < 320; x += 1) if (pixel(frame, 320, x, y)[0] > 128) ink.add(y * 320 + x);
      return ink;
    };
    const style = { fontSize: 40 };
    const shaped = await inkOf({ type: 'Text', text: 'אב גד', style });
    const spans = await inkOf({ type: 'Text', spans: [{ text: 'אב ' }, { text: 'גד' }], style });
    const shared = [...spans].filter((value) => shaped.has(value)).length;
    expect(shared / Math.max(spans.size, shaped.size)).toBeGreaterThan(0.85);
  });
});

describe('long words in spans', () => {
  it('CJK without spaces wraps between characters', async () => {
    const spec = sceneOf([{ type: 'Text', spans: [{ text: '你好世界你好世界你好世界' }], maxWidth: 100, style: { fontSize: 20 }, transform: { x: 0, y: 0, anchor: 'topLeft' } }]);
    const { stream } = await capture(spec);
    const frame = await stream.renderFrame!(0);
    let maxX = 0;
    let maxY = 0;
    for (let y = 0; y < 180; y += 1) {
      for (let x = 0; x < 320; x += 1) {
        if (pixel(frame, 320, x, y)[0] <= 128) continue;
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
    // Twelve 20 px ideographs in 100 px lines: five per line, three lines of about 23 px.
    expect(maxX).toBeLessThan(100);
    expect(maxY).toBeGreaterThan(50);
  });
});
