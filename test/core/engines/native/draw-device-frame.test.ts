import { describe, expect, it } from 'vitest';
import { ellipsize, screenRect } from '../../../../src/core/engines/native/draw-device-frame.js';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

describe('screenRect', () => {
  it('browser screen starts under the 28 px bar', () => {
    expect(screenRect('browser', { width: 300, height: 200 })).toEqual({ x: 0, y: 28, width: 300, height: 172 });
  });

  it('phone bezel is 12 px', () => {
    expect(screenRect('phone', { width: 100, height: 200 })).toEqual({ x: 12, y: 12, width: 76, height: 176 });
  });

  it('tablet bezel is 8 px', () => {
    expect(screenRect('tablet', { width: 100, height: 200 })).toEqual({ x: 8, y: 8, width: 84, height: 184 });
  });
});

describe('ellipsize', () => {
  const measure = (text: string): number => text.length * 10;

  it('keeps text that fits', () => {
    expect(ellipsize('example.com', 110, measure)).toBe('example.com');
  });

  it('cuts to the longest prefix that fits with an ellipsis', () => {
    // Nine characters and the ellipsis measure exactly the 100 px limit.
    expect(ellipsize('example.com/a/long/path', 100, measure)).toBe('example.c…');
    expect(ellipsize('abc', 5, measure)).toBe('…');
  });
});

describe('DeviceFrame and Snapshot frames', () => {
  it('browser frame draws its child under the url bar', async () => {
    const spec = sceneOf([{ type: 'DeviceFrame', variant: 'browser', url: 'example.com', transform: { x: 0.5, y: 0.5, w: 1, h: 1 }, child: { type: 'Box', color: '#FF0984E3' } }]);
    const { stream } = await capture(spec);
    const frame = await stream.renderFrame!(0);
    expect(pixel(frame, 320, 160, 100)).toEqual([0x09, 0x84, 0xe3, 255]);
    // The first traffic-light dot is centred at (16, 14); the bar is the dark theme's chrome colour.
    expect(pixel(frame, 320, 16, 14)).toEqual([0xff, 0x5f, 0x56, 255]);
    expect(pixel(frame, 320, 66, 3)).toEqual([0x32, 0x32, 0x33, 255]);
    expect(pixel(frame, 320, 160, 29)).toEqual([0x09, 0x84, 0xe3, 255]);
  });

  it('phone frame draws bezel and notch', async () => {
    const spec = sceneOf([{ type: 'DeviceFrame', variant: 'phone', transform: { x: 0.5, y: 0.5, w: 0.5, h: 1 }, child: { type: 'Box', color: '#FF0984E3' } }]);
    const { stream } = await capture(spec);
    const frame = await stream.renderFrame!(0);
    // The phone is 160 px wide from x = 80: a 12 px bezel in the editor background, the notch
    // (40 % wide, centred) in the chrome colour, and the child inside.
    expect(pixel(frame, 320, 85, 90)).toEqual([0x1e, 0x1e, 0x1e, 255]);
    expect(pixel(frame, 320, 160, 5)).toEqual([0x32, 0x32, 0x33, 255]);
    expect(pixel(frame, 320, 100, 5)).toEqual([0x1e, 0x1e, 0x1e, 255]);
    expect(pixel(frame, 320, 160, 14)).toEqual([0x09, 0x84, 0xe3, 255]);
  });

  it('snapshot scales its child to fit the box', async () => {
    const bright = async (spec: ReturnType<typeof sceneOf>): Promise<number> => {
      const { stream } = await capture(spec);
      const frame = await stream.renderFrame!(0);
      let count = 0;
      for (let y = 0; y < 180; y += 1) for (let x = 0; x < 320; x += 1) if (pixel(frame, 320, x, y)[0] > 128) count += 1;
      return count;
    };
    const text = { type: 'Text', text: 'Hi', style: { fontSize: 10 } };
    const plain = await bright(sceneOf([text]));
    const snapped = await bright(sceneOf([{ type: 'Snapshot', child: text }]));
    // "Hi" at 10 px is about 11 px tall; contained in 180 px it is scaled about 15 times.
    expect(plain).toBeLessThan(60);
    expect(snapped).toBeGreaterThan(plain * 100);
  });
});
