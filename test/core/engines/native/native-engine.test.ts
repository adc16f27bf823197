import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { isFluvieError } from '../../../../src/core/errors.js';
import { capture, parseSpec, pixel, referenceSpec } from './native-helpers.js';

async function frameAt(name: string, index: number, allowUnsupported = false): Promise<Uint8Array> {
  const { stream } = await capture(referenceSpec(name), { allowUnsupported });
  return stream.renderFrame(index);
}

function near(actual: readonly number[], expected: readonly number[], tolerance: number): boolean {
  return actual.every((value, i) => Math.abs(value - expected[i]!) <= tolerance);
}

/** Brightest red channel in rows [top, bottom) of a frame. */
function maxRed(frame: Uint8Array, width: number, top: number, bottom: number): number {
  let max = 0;
  for (let i = top * width * 4; i < bottom * width * 4; i += 4) max = Math.max(max, frame[i]!);
  return max;
}

describe('native engine pixels', () => {
  it('promo gradient runs from #2c3e50 at the top to black at the bottom', async () => {
    const frame = await frameAt('promo', 0);
    expect(near(pixel(frame, 1080, 0, 0), [0x2c, 0x3e, 0x50, 255], 1)).toBe(true);
    expect(near(pixel(frame, 1079, 0, 0), [0x2c, 0x3e, 0x50, 255], 1)).toBe(true);
    expect(near(pixel(frame, 1080, 0, 1919), [0, 0, 0, 255], 1)).toBe(true);
    expect(near(pixel(frame, 1080, 1079, 1919), [0, 0, 0, 255], 1)).toBe(true);
    expect(near(pixel(frame, 1080, 0, 960), [0x16, 0x1f, 0x28, 255], 2)).toBe(true);
  });

  it('promo title is invisible until 0.5s and fully opaque from 2s', async () => {
    const { stream } = await capture(referenceSpec('promo'));
    // The background in the title band is at most about #1A2530, so red > 100 means text.
    const before = await stream.renderFrame(15);
    expect(maxRed(before, 1080, 900, 1020)).toBeLessThan(40);
    const middle = await stream.renderFrame(37);
    const middleRed = maxRed(middle, 1080, 900, 1020);
    expect(middleRed).toBeGreaterThan(100);
    expect(middleRed).toBeLessThan(250);
    const after = await stream.renderFrame(60);
    expect(maxRed(after, 1080, 900, 1020)).toBe(255);
  });

  it('crossFade midpoint mixes both scenes evenly', async () => {
    const spec = parseSpec({
      fluvieSpec: 1,
      size: { width: 16, height: 16 },
      transition: { kind: 'crossFade', duration: '4f' },
      scenes: [
        { duration: '10f', background: { kind: 'color', color: '#FF0000' } },
        { duration: '10f', background: { kind: 'color', color: '#0000FF' } },
      ],
    });
    const { stream } = await capture(spec);
    expect(stream.frameCount).toBe(16);
    expect(pixel(await stream.renderFrame(5), 16, 8, 8)).toEqual([255, 0, 0, 255]);
    // Blend frames 6..9, p = (f - 6 + 1) / 4: frame 7 is p = 0.5. Skia's 8-bit source-over
    // rounds the outgoing share down by up to 2 levels.
    expect(near(pixel(await stream.renderFrame(7), 16, 8, 8), [128, 0, 128, 255], 2)).toBe(true);
    expect(near(pixel(await stream.renderFrame(6), 16, 8, 8), [191, 0, 64, 255], 2)).toBe(true);
    expect(pixel(await stream.renderFrame(9), 16, 8, 8)).toEqual([0, 0, 255, 255]);
  });

  it('positioned box is placed at its fractions and rotated 12 degrees', async () => {
    const frame = await frameAt('positioned', 45);
    const [cx, cy, halfW, halfH] = [0.3 * 320, 0.6 * 180, 0.2 * 320, 0.15 * 180];
    const angle = (12 * Math.PI) / 180;
    let inside = 0;
    let outside = 0;
    for (let y = 60; y < 160; y += 3) {
      for (let x = 10; x < 190; x += 3) {
        const dx = x + 0.5 - cx;
        const dy = y + 0.5 - cy;
        const localX = dx * Math.cos(angle) + dy * Math.sin(angle);
        const localY = -dx * Math.sin(angle) + dy * Math.cos(angle);
        const color = pixel(frame, 320, x, y);
        if (Math.abs(localX) < halfW - 2 && Math.abs(localY) < halfH - 2) {
          expect(color).toEqual([0x6c, 0x5c, 0xe7, 255]);
          inside += 1;
        } else if (Math.abs(localX) > halfW + 2 || Math.abs(localY) > halfH + 2) {
          if (y > 60) expect(color).toEqual([0x14, 0x14, 0x1c, 255]);
          outside += 1;
        }
      }
    }
    expect(inside).toBeGreaterThan(100);
    expect(outside).toBeGreaterThan(100);
  });

  it('stack centres a one-line text on the canvas', async () => {
    const frame = await frameAt('minimal', 0);
    let left = 1080;
    let right = -1;
    let top = 1080;
    let bottom = -1;
    for (let y = 0; y < 1080; y += 1) {
      for (let x = 0; x < 1080; x += 1) {
        if (frame[(y * 1080 + x) * 4 + 3]! > 0) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    }
    expect(Math.abs((left + right + 1) / 2 - 540)).toBeLessThan(3);
    // The line box is 48 × 1.172 ≈ 56 px tall, centred: rows 512..568 hold every glyph.
    expect(top).toBeGreaterThanOrEqual(511);
    expect(bottom).toBeLessThanOrEqual(569);
    expect(bottom - top).toBeGreaterThan(25);
  });

  it('output is premultiplied: half-transparent white is mid-grey', async () => {
    const spec = parseSpec({ fluvieSpec: 1, size: { width: 8, height: 8 }, scenes: [{ duration: '1f', children: [{ type: 'Box', color: '#80FFFFFF' }] }] });
    const { stream } = await capture(spec);
    expect(pixel(await stream.renderFrame(0), 8, 4, 4)).toEqual([128, 128, 128, 128]);
  });

  it('group children sit at the group top-left', async () => {
    const spec = parseSpec({
      fluvieSpec: 1,
      size: { width: 100, height: 100 },
      scenes: [
        {
          duration: '1f',
          children: [
            { type: 'Group', transform: { x: 0.5, y: 0.5, w: 0.5, h: 0.5 }, children: [{ type: 'Box', color: '#00FF00', size: { width: 0.4, height: 0.4 } }] },
          ],
        },
      ],
    });
    const frame = await (await capture(spec)).stream.renderFrame(0);
    // Group box is 25..75; its child is 40% of 50 = 20 px at the group's top-left.
    expect(pixel(frame, 100, 27, 27)).toEqual([0, 255, 0, 255]);
    expect(pixel(frame, 100, 43, 43)).toEqual([0, 255, 0, 255]);
    expect(pixel(frame, 100, 47, 47)).toEqual([0, 0, 0, 0]);
    expect(pixel(frame, 100, 50, 50)).toEqual([0, 0, 0, 0]);
  });

  it('group opacity composites overlapping children as one layer', async () => {
    const half = { type: 'Box', color: '#FF0000', size: { width: 0.6, height: 1 } };
    const spec = parseSpec({
      fluvieSpec: 1,
      size: { width: 100, height: 10 },
      scenes: [
        {
          duration: '10f',
          children: [
            {
              type: 'Group',
              animate: [{ preset: 'fadeIn', duration: '10f', ease: 'linear' }],
              children: [half, { ...half, transform: { x: 1, y: 0, anchor: 'topRight' } }],
            },
          ],
        },
      ],
    });
    const frame = await (await capture(spec)).stream.renderFrame(5);
    // Both boxes cover x 40..60; with a layer the overlap is no denser than either box alone.
    expect(pixel(frame, 100, 10, 5)).toEqual(pixel(frame, 100, 50, 5));
    expect(pixel(frame, 100, 10, 5)[3]).toBeGreaterThan(100);
    expect(pixel(frame, 100, 10, 5)[3]).toBeLessThan(150);
  });

  it('stack wraps long text to the canvas width, left-aligned', async () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const spec = parseSpec({ fluvieSpec: 1, size: { width: 400, height: 400 }, scenes: [{ duration: '1f', children: [{ type: 'Text', text: words, style: { fontSize: 20 } }] }] });
    const frame = await (await capture(spec)).stream.renderFrame(0);
    let left = 400;
    let right = -1;
    for (let y = 0; y < 400; y += 1) {
      for (let x = 0; x < 400; x += 1) {
        if (frame[(y * 400 + x) * 4 + 3]! > 0) {
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    expect(left).toBeLessThan(4);
    expect(right).toBeGreaterThan(300);
  });

  it('slideIn moves a box by its own size', async () => {
    const spec = parseSpec({
      fluvieSpec: 1,
      size: { width: 100, height: 100 },
      scenes: [{ duration: '20f', children: [{ type: 'Box', color: '#FFFFFF', size: { width: 0.2, height: 0.2 }, animate: [{ preset: 'slideIn', from: 'left', duration: '10f', ease: 'linear' }] }] }],
    });
    const { stream } = await capture(spec);
    // The 20 px box is centred at 40..60; at frame 5 it is offset by half its width to the left.
    const frame = await stream.renderFrame(5);
    expect(pixel(frame, 100, 32, 50)).toEqual([255, 255, 255, 255]);
    expect(pixel(frame, 100, 52, 50)).toEqual([0, 0, 0, 0]);
  });
});

describe('native engine images and fonts', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fluvie-native-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const png = (name: string) => {
    const canvas = createCanvas(4, 2);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#FF0000';
    ctx.fillRect(0, 0, 2, 2);
    ctx.fillStyle = '#0000FF';
    ctx.fillRect(2, 0, 2, 2);
    writeFileSync(path.join(dir, name), canvas.encodeSync('png'));
  };

  it('draws an asset image with fit fill', async () => {
    png('pair.png');
    const spec = parseSpec({
      fluvieSpec: 1,
      size: { width: 40, height: 20 },
      scenes: [{ duration: '1f', children: [{ type: 'Image', source: { kind: 'asset', value: 'pair.png' }, fit: 'fill', transform: { x: 0, y: 0, w: 1, h: 1, anchor: 'topLeft' } }] }],
    });
    const frame = await (await capture(spec, { baseDir: dir })).stream.renderFrame(0);
    expect(pixel(frame, 40, 5, 10)).toEqual([255, 0, 0, 255]);
    expect(pixel(frame, 40, 35, 10)).toEqual([0, 0, 255, 255]);
  });

  it('a missing image fails before the first frame with its path', async () => {
    const spec = parseSpec({ fluvieSpec: 1, scenes: [{ duration: '1f', children: [{ type: 'Image', source: { kind: 'asset', value: 'nope.png' } }] }] });
    const error = await capture(spec, { baseDir: dir }).catch((caught: unknown) => caught);
    expect(isFluvieError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'file_not_found' });
    expect((error as Error).message).toContain('scenes[0].children[0]');
    expect((error as Error).message).toContain(path.join(dir, 'nope.png'));
  });

  it('an unknown font family falls back with one warning', async () => {
    const text = { type: 'Text', text: 'Hi', style: { fontFamily: 'Comic Nope', fontSize: 20 } };
    const spec = parseSpec({ fluvieSpec: 1, size: { width: 60, height: 40 }, scenes: [{ duration: '1f', children: [text, text] }] });
    const { stream, events } = await capture(spec);
    const warnings = events.filter((event) => event.type === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'font_fallback', path: 'scenes[0].children[0].style.fontFamily' });
    const frame = await stream.renderFrame(0);
    expect(frame.some((value, i) => i % 4 === 3 && value > 0)).toBe(true);
  });
});

describe('native engine determinism and failures', () => {
  async function hashFrames(): Promise<string> {
    const { stream } = await capture(referenceSpec('rich'), { allowUnsupported: true, plan: { maxFrames: 100 } });
    const hash = createHash('sha256');
    for await (const frame of stream.frames(new AbortController().signal)) hash.update(frame);
    return hash.digest('hex');
  }

  it('two runs give byte-identical frames', async () => {
    expect(await hashFrames()).toBe(await hashFrames());
  });

  it('unsupported features fail the capture unless allowed', async () => {
    const error = await capture(referenceSpec('wave2_surfaces')).catch((caught: unknown) => caught);
    expect(isFluvieError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'unsupported_feature' });
    expect((error as Error).message).toContain('scenes[0].children[0]: Mermaid element');
  });

  it('an aborted signal stops the frame loop', async () => {
    const { stream } = await capture(referenceSpec('positioned'));
    const controller = new AbortController();
    controller.abort();
    const iterator = stream.frames(controller.signal)[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toMatchObject({ code: 'canceled' });
  });
});
