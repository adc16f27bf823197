import { describe, expect, it } from 'vitest';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

describe('Callout and Spotlight frames', () => {
  it('callout marks its target with a dot', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Callout', label: 'Here', target: { x: 60, y: 140 }, color: '#FFFF0000' }]));
    const frame = await stream.renderFrame!(0);
    expect(pixel(frame, 320, 60, 140)).toEqual([255, 0, 0, 255]);
    // The label pill sits 80 px right of and 80 px above the target by default.
    expect(pixel(frame, 320, 140 - 20, 60)).toEqual([255, 0, 0, 255]);
  });

  it('spotlight dims everything outside its region as it reveals', async () => {
    const spec = sceneOf([{ type: 'Spotlight', region: { x: 100, y: 50, w: 100, h: 80 }, reveal: '10f', color: '#FF000000' }]);
    const { stream } = await capture(spec);
    const start = await stream.renderFrame!(0);
    const done = await stream.renderFrame!(10);
    expect(pixel(start, 320, 20, 20)).toEqual([32, 36, 40, 255]);
    expect(pixel(done, 320, 20, 20)).toEqual([0, 0, 0, 255]);
    expect(pixel(done, 320, 150, 90)).toEqual([32, 36, 40, 255]);
  });
});
