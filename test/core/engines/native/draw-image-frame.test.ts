import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

/** A 40×40 PNG: red top-left, green top-right, blue bottom-left, yellow bottom-right. */
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../golden/fixtures');
const image = { type: 'Image', source: { kind: 'asset', value: 'quadrants.png' } };

describe('Image crop and frame', () => {
  it('crop fills the box with the chosen region', async () => {
    const spec = sceneOf([{ ...image, crop: { x: 0.5, y: 0.5, w: 0.5, h: 0.5 }, transform: { x: 0.5, y: 0.5, w: 0.5, h: 0.5 } }]);
    const { stream } = await capture(spec, { baseDir: fixtures });
    const frame = await stream.renderFrame!(0);
    // Box 160×90 centred: (80, 45)–(240, 135); the whole box shows the yellow quadrant.
    expect(pixel(frame, 320, 85, 50)).toEqual([255, 255, 0, 255]);
    expect(pixel(frame, 320, 235, 130)).toEqual([255, 255, 0, 255]);
    expect(pixel(frame, 320, 78, 50)).toEqual([32, 36, 40, 255]);
  });

  it('rounded frame clips the corners at radius 24', async () => {
    const spec = sceneOf([{ ...image, fit: 'fill', frame: { style: 'rounded' }, transform: { x: 0.5, y: 0.5, w: 0.5, h: 0.5 } }]);
    const { stream } = await capture(spec, { baseDir: fixtures });
    const frame = await stream.renderFrame!(0);
    expect(pixel(frame, 320, 81, 46)).toEqual([32, 36, 40, 255]);
    expect(pixel(frame, 320, 100, 60)).toEqual([255, 0, 0, 255]);
  });

  it('polaroid puts the picture in a white mat', async () => {
    const spec = sceneOf([{ ...image, fit: 'fill', frame: { style: 'polaroid', caption: 'Hi' }, transform: { x: 0.5, y: 0.5, w: 0.5, h: 0.9 } }]);
    const { stream } = await capture(spec, { baseDir: fixtures });
    const frame = await stream.renderFrame!(0);
    // Box (80, 9)–(240, 171): 12 px mat, 48 px bottom band.
    expect(pixel(frame, 320, 85, 60)).toEqual([255, 255, 255, 255]);
    expect(pixel(frame, 320, 95, 30)).toEqual([255, 0, 0, 255]);
    expect(pixel(frame, 320, 200, 165)).toEqual([255, 255, 255, 255]);
  });

  it('card insets a square picture in a white surface', async () => {
    const spec = sceneOf([{ ...image, fit: 'fill', frame: { style: 'card' }, transform: { x: 0.5, y: 0.5, w: 0.5, h: 0.5 } }]);
    const { stream } = await capture(spec, { baseDir: fixtures });
    const frame = await stream.renderFrame!(0);
    // Box (80, 45)–(240, 135): the 12 px padding is white and the picture's corner is not rounded.
    expect(pixel(frame, 320, 86, 90)).toEqual([255, 255, 255, 255]);
    expect(pixel(frame, 320, 93, 58)).toEqual([255, 0, 0, 255]);
    expect(pixel(frame, 320, 226, 121)).toEqual([255, 255, 0, 255]);
    // The shadow falls 8 px down, so 4 px below the card is darker than 4 px above it.
    const below = pixel(frame, 320, 160, 139)[0];
    const above = pixel(frame, 320, 160, 41)[0];
    expect(below).toBeLessThan(above);
    expect(above).toBeLessThanOrEqual(32);
  });
});
