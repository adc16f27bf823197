import { describe, expect, it } from 'vitest';
import { screenRect } from '../../../../src/core/engines/native/draw-device-frame.js';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

describe('screenRect', () => {
  it('browser screen starts under the 44 px bar', () => {
    expect(screenRect('browser', { width: 300, height: 200 })).toEqual({ x: 0, y: 44, width: 300, height: 156 });
  });

  it('phone bezel is 4 % of the shorter side', () => {
    expect(screenRect('phone', { width: 100, height: 200 })).toEqual({ x: 4, y: 4, width: 92, height: 192 });
  });
});

describe('DeviceFrame and Snapshot frames', () => {
  it('browser frame draws its child under the url bar', async () => {
    const spec = sceneOf([{ type: 'DeviceFrame', variant: 'browser', url: 'example.com', transform: { x: 0.5, y: 0.5, w: 1, h: 1 }, child: { type: 'Box', color: '#FF0984E3' } }]);
    const { stream } = await capture(spec);
    const frame = await stream.renderFrame!(0);
    expect(pixel(frame, 320, 160, 100)).toEqual([0x09, 0x84, 0xe3, 255]);
    expect(pixel(frame, 320, 18, 22)).toEqual([0xff, 0x5f, 0x56, 255]);
    expect(pixel(frame, 320, 300, 40)).toEqual([0xe8, 0xe8, 0xe8, 255]);
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
