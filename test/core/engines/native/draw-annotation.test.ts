import { describe, expect, it } from 'vitest';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

describe('Callout and Spotlight frames', () => {
  it('callout points an arrow at target', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Callout', label: 'Here', target: { x: 200, y: 140 }, color: '#FFFF0000' }]));
    const frame = await stream.renderFrame!(0);
    // The head's tip is at the target, so a point just behind it along the shaft is filled.
    expect(pixel(frame, 320, 196, 138)).toEqual([255, 0, 0, 255]);
    // The arrow starts at labelAt + (8, 28) = (24, 44); halfway along is shaft.
    expect(pixel(frame, 320, 112, 92)).toEqual([255, 0, 0, 255]);
    // The pill's top-left corner sits at the default labelAt (16, 16), with 12 px of padding before the text.
    expect(pixel(frame, 320, 22, 26)).toEqual([255, 0, 0, 255]);
    expect(pixel(frame, 320, 12, 26)).toEqual([32, 36, 40, 255]);
  });

  it('callout pill sits at labelAt', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Callout', label: 'Here', target: { x: 20, y: 20 }, labelAt: { x: 150, y: 100 }, color: '#FFFF0000' }]));
    const frame = await stream.renderFrame!(0);
    expect(pixel(frame, 320, 156, 110)).toEqual([255, 0, 0, 255]);
    expect(pixel(frame, 320, 146, 110)).toEqual([32, 36, 40, 255]);
  });

  it('spotlight hole grows from the centre', async () => {
    const spec = sceneOf([{ type: 'Spotlight', region: { x: 100, y: 50, w: 100, h: 80 }, reveal: '10f', color: '#FF000000' }]);
    const { stream } = await capture(spec);
    const start = await stream.renderFrame!(0);
    const half = await stream.renderFrame!(5);
    const done = await stream.renderFrame!(10);
    // At progress 0 the whole box is dimmed; the dimming does not fade in.
    expect(pixel(start, 320, 150, 90)).toEqual([0, 0, 0, 255]);
    expect(pixel(start, 320, 20, 20)).toEqual([0, 0, 0, 255]);
    // Half way the hole is 50×40 around the region's centre (150, 90).
    expect(pixel(half, 320, 150, 90)).toEqual([32, 36, 40, 255]);
    expect(pixel(half, 320, 110, 90)).toEqual([0, 0, 0, 255]);
    expect(pixel(done, 320, 110, 90)).toEqual([32, 36, 40, 255]);
    expect(pixel(done, 320, 20, 20)).toEqual([0, 0, 0, 255]);
  });
});
