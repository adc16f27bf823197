import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { drawBackground, prepareBackground } from '../../../../src/core/engines/native/draw-background.js';

const WIDTH = 240;
const HEIGHT = 420;

function shadeAndCopy(background: Parameters<typeof prepareBackground>[1]): { shaded: Buffer; copied: Buffer } {
  const shadedCanvas = createCanvas(WIDTH, HEIGHT);
  const shadedCtx = shadedCanvas.getContext('2d');
  drawBackground(shadedCtx, prepareBackground(shadedCtx, background, WIDTH, HEIGHT, undefined), WIDTH, HEIGHT, false);

  const copiedCanvas = createCanvas(WIDTH, HEIGHT);
  const copiedCtx = copiedCanvas.getContext('2d');
  const prepared = prepareBackground(copiedCtx, background, WIDTH, HEIGHT, undefined);
  // The first draw rasterises the snapshot, the second copies it over the first.
  drawBackground(copiedCtx, prepared, WIDTH, HEIGHT, true);
  drawBackground(copiedCtx, prepared, WIDTH, HEIGHT, true);
  return { shaded: shadedCanvas.data(), copied: copiedCanvas.data() };
}

describe('gradient background snapshot', () => {
  it('copies linear gradients byte for byte', () => {
    const { shaded, copied } = shadeAndCopy({ kind: 'gradient', colors: ['#FF0F2027', '#FF203A43', '#FF2C5364'], begin: 'topLeft', end: 'bottomRight' });
    expect(Buffer.compare(copied, shaded)).toBe(0);
  });

  it('copies radial gradients byte for byte', () => {
    const { shaded, copied } = shadeAndCopy({ kind: 'radial', colors: ['#6C5CE7', '#1B1464'] });
    expect(Buffer.compare(copied, shaded)).toBe(0);
  });

  it('has no snapshot for translucent gradients', () => {
    const ctx = createCanvas(WIDTH, HEIGHT).getContext('2d');
    const prepared = prepareBackground(ctx, { kind: 'gradient', colors: ['#80FF0000', '#FF0000FF'] }, WIDTH, HEIGHT, undefined);
    expect(prepared.kind).toBe('fill');
    expect(prepared.kind === 'fill' ? prepared.snapshot : 'not a fill').toBeUndefined();
  });

  it('shades again under a transform', () => {
    const ctx = createCanvas(WIDTH, HEIGHT).getContext('2d');
    const prepared = prepareBackground(ctx, { kind: 'gradient', colors: ['#FF000000', '#FFFFFFFF'] }, WIDTH, HEIGHT, undefined);
    if (prepared.kind !== 'fill' || prepared.snapshot === undefined) throw new Error('expected an opaque gradient with a snapshot');

    expect(prepared.snapshot.drawCopy(ctx)).toBe(true);
    ctx.scale(1.5, 1.5);
    expect(prepared.snapshot.drawCopy(ctx)).toBe(false);
    ctx.resetTransform();
    ctx.globalAlpha = 0.5;
    expect(prepared.snapshot.drawCopy(ctx)).toBe(false);
  });
});
