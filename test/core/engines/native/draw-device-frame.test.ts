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
    const spec = sceneOf([{ type: 'Snapshot', child: { type: 'Box', color: '#FFFF0000', size: { width: 0.5, height: 0.5 } } }]);
    const { stream } = await capture(spec);
    const frame = await stream.renderFrame!(0);
    // The child Box fills its whole loose parent, so the snapshot is canvas-sized and drawn 1:1.
    expect(pixel(frame, 320, 160, 90)).toEqual([255, 0, 0, 255]);
    expect(pixel(frame, 320, 10, 10)).toEqual([32, 36, 40, 255]);
  });
});
