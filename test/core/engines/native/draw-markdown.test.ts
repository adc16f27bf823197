import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { blockOffsets, headingSize, markdownBlocks } from '../../../../src/core/engines/native/draw-markdown.js';
import { registerBundledFonts } from '../../../../src/core/engines/native/fonts.js';
import type { NodeContext } from '../../../../src/core/engines/native/nodes.js';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

function context(): NodeContext {
  return { fonts: registerBundledFonts(), emit: () => {}, warnedFamilies: new Set(), measureContext: createCanvas(1, 1).getContext('2d'), images: new Map(), fps: 30 };
}

describe('markdownBlocks', () => {
  it('reads headings, emphasis, code spans and lists', () => {
    const blocks = markdownBlocks('# Title\nSome **bold** and `a<b`\n\n3. one\n4. two\n\n> quoted', context(), 'm');
    expect(blocks).toHaveLength(4);
    expect(blocks[0]!.rows[0]!.runs[0]!.style.font).toContain('700 32px');
    expect(blocks[0]!.padTop).toBe(8);
    const paragraph = blocks[1]!.rows[0]!.runs;
    expect(paragraph.find((run) => run.text === 'bold')?.style.font).toContain('700 18px');
    const code = paragraph.find((run) => run.text === 'a<b');
    expect(code?.style.font).toContain('18px');
    expect(code?.style.font).toContain('JetBrains Mono');
    expect(code?.style.color).toBe('rgba(206,145,120,1)');
    expect(blocks[2]!.rows.map((row) => row.runs[0]!.text)).toEqual(['1. ', '2. ']);
    expect(blocks[3]!.rows[0]!.indent).toBe(16);
    expect(blocks[3]!.rows[0]!.runs[0]!.style.font).toContain('italic');
  });
});

describe('headingSize', () => {
  it('shrinks by 1.5 down to the body size', () => {
    expect([1, 2, 3, 6].map(headingSize)).toEqual([32, 32 / 1.5, 18, 18]);
  });
});

describe('blockOffsets', () => {
  it('spreads blocks evenly over the window', () => {
    expect(blockOffsets(3, 20)).toEqual([0, 10, 20]);
    expect(blockOffsets(4, 10)).toEqual([0, 3, 7, 10]);
    expect(blockOffsets(1, 20)).toEqual([0]);
  });
});

describe('Markdown frames', () => {
  it('reveal shows blocks in order', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Markdown', source: '# One\n\n# Two', reveal: '20f', transform: { x: 0, y: 0, anchor: 'topLeft' } }]));
    const rowInk = (frame: Uint8Array, y0: number, y1: number): number => {
      let ink = 0;
      for (let y = y0; y < y1; y += 1) for (let x = 0; x < 100; x += 1) if (pixel(frame, 320, x, y)[0] > 128) ink += 1;
      return ink;
    };
    // Two blocks over 20 frames: the second appears at frame 20 and fades in over 10 frames.
    // Each 32 px heading with 8 px above and below is about 53 px tall.
    const first = await stream.renderFrame!(10);
    expect(rowInk(first, 8, 46)).toBeGreaterThan(20);
    expect(rowInk(first, 60, 100)).toBe(0);
    expect(rowInk(await stream.renderFrame!(19), 60, 100)).toBe(0);
    expect(rowInk(await stream.renderFrame!(30), 60, 100)).toBeGreaterThan(20);
  });
});
