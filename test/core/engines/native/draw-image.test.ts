import { describe, expect, it } from 'vitest';
import { fitRects } from '../../../../src/core/engines/native/draw-image.js';

const box = { x: 10, y: 20, width: 200, height: 100 };

describe('fitRects', () => {
  it('cover crops the source to the box aspect', () => {
    const { source, destination } = fitRects('cover', 100, 100, box);
    expect(source).toEqual({ x: 0, y: 25, width: 100, height: 50 });
    expect(destination).toEqual(box);
  });

  it('contain letterboxes inside the box', () => {
    const { source, destination } = fitRects('contain', 100, 100, box);
    expect(source).toEqual({ x: 0, y: 0, width: 100, height: 100 });
    expect(destination).toEqual({ x: 60, y: 20, width: 100, height: 100 });
  });

  it('scaleDown keeps small images at natural size', () => {
    expect(fitRects('scaleDown', 50, 20, box).destination).toEqual({ x: 85, y: 60, width: 50, height: 20 });
    expect(fitRects('scaleDown', 400, 400, box).destination).toEqual({ x: 60, y: 20, width: 100, height: 100 });
  });

  it('fill stretches and none crops centred', () => {
    expect(fitRects('fill', 10, 10, box).destination).toEqual(box);
    expect(fitRects('none', 300, 50, box)).toEqual({
      source: { x: 50, y: 0, width: 200, height: 50 },
      destination: { x: 10, y: 45, width: 200, height: 50 },
    });
  });
});
