import { describe, expect, it } from 'vitest';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

const purple = [0x6c, 0x5c, 0xe7, 255];

describe('stroke frames', () => {
  it('a line reveal draws progress × length', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Shape', kind: 'line', from: { x: 20, y: 90 }, to: { x: 300, y: 90 }, strokeWidth: 6, reveal: '20f' }]));
    const half = await stream.renderFrame!(10);
    expect(pixel(half, 320, 150, 90)).toEqual(purple);
    expect(pixel(half, 320, 180, 90)).toEqual([32, 36, 40, 255]);
    expect(pixel(await stream.renderFrame!(20), 320, 290, 90)).toEqual(purple);
  });

  it('an elbow connector runs across, then down', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Connector', from: { x: 20, y: 20 }, to: { x: 200, y: 160 }, elbow: true, strokeWidth: 4 }]));
    const frame = await stream.renderFrame!(0);
    expect(pixel(frame, 320, 100, 20)).toEqual(purple);
    expect(pixel(frame, 320, 200, 100)).toEqual(purple);
    expect(pixel(frame, 320, 100, 90)).toEqual([32, 36, 40, 255]);
  });

  it('an arrow head appears once the shaft is drawn', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Arrow', from: { x: 20, y: 90 }, to: { x: 200, y: 90 }, headLength: 30, strokeWidth: 4, reveal: '10f' }]));
    // The head's upper stroke passes through about (200 − 26, 90 − 15).
    expect(pixel(await stream.renderFrame!(9), 320, 174, 75)).toEqual([32, 36, 40, 255]);
    expect(pixel(await stream.renderFrame!(10), 320, 174, 75)).toEqual(purple);
  });
});
