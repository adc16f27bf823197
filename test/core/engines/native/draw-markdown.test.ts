import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { markdownBlocks } from '../../../../src/core/engines/native/draw-markdown.js';
import { registerBundledFonts } from '../../../../src/core/engines/native/fonts.js';
import type { NodeContext } from '../../../../src/core/engines/native/nodes.js';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

function context(): NodeContext {
  return { fonts: registerBundledFonts(), emit: () => {}, warnedFamilies: new Set(), measureContext: createCanvas(1, 1).getContext('2d'), images: new Map(), fps: 30 };
}

describe('markdownBlocks', () => {
  it('reads headings, emphasis, code spans and lists', () => {
    const blocks = markdownBlocks('# Title\nSome **bold** and `a<b`\n\n1. one\n2. two', context(), 'm');
    expect(blocks).toHaveLength(4);
    expect(blocks[0]!.runs[0]!.style.font).toContain('700 24px');
    expect(blocks[0]!.runs[0]!.style.fontSize).toBe(24);
    const bold = blocks[1]!.runs.find((run) => run.text === 'bold');
    expect(bold?.style.font).toContain('700');
    const code = blocks[1]!.runs.find((run) => run.background !== undefined);
    expect(code?.text).toBe('a<b');
    expect(code?.style.font).toContain('JetBrains Mono');
    expect(blocks[2]!.marker?.text).toBe('1.');
    expect(blocks[3]!.marker?.text).toBe('2.');
    expect(blocks[3]!.indent).toBe(20);
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
    const half = await stream.renderFrame!(10);
    expect(rowInk(half, 0, 28)).toBeGreaterThan(20);
    expect(rowInk(half, 37, 65)).toBe(0);
    expect(rowInk(await stream.renderFrame!(20), 37, 65)).toBeGreaterThan(20);
  });
});
