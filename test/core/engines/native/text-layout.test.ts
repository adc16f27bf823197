import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { registerBundledFonts } from '../../../../src/core/engines/native/fonts.js';
import { justifySpacing, layoutText, type ResolvedTextStyle } from '../../../../src/core/engines/native/text-layout.js';

const fonts = registerBundledFonts();
const ctx = createCanvas(1, 1).getContext('2d');
const style = (overrides: Partial<ResolvedTextStyle> = {}): ResolvedTextStyle => ({
  font: '400 20px "Fluvie Sans"',
  fontSize: 20,
  color: 'white',
  letterSpacing: 0,
  height: null,
  metrics: fonts.metrics('Fluvie Sans'),
  ...overrides,
});
const loose = (maxWidth: number) => ({ minWidth: 0, maxWidth });

describe('bundled fonts', () => {
  it('Roboto line height is about 1.172 em', () => {
    const metrics = fonts.metrics('Fluvie Sans');
    expect(metrics.ascent + metrics.descent).toBeCloseTo(2400 / 2048, 6);
  });

  it('spec family names map to bundled families', () => {
    expect(fonts.resolveFamily('packages/fluvie/Fluvie Sans')).toBe('Fluvie Sans');
    expect(fonts.resolveFamily('Roboto')).toBe('Fluvie Sans');
    expect(fonts.resolveFamily('packages/fluvie/JetBrains Mono')).toBe('JetBrains Mono');
    expect(fonts.resolveFamily('Arial')).toBeNull();
  });
});

describe('layoutText', () => {
  it('one line hugs its text', () => {
    const layout = layoutText(ctx, 'hello', style(), loose(1000), 'start', null);
    expect(layout.lines).toHaveLength(1);
    expect(layout.width).toBeGreaterThan(30);
    expect(layout.width).toBeLessThan(60);
    expect(layout.height).toBeCloseTo(20 * (2400 / 2048), 6);
  });

  it('wrapping text takes the full width, lines left-aligned', () => {
    const layout = layoutText(ctx, 'one two three four five six seven eight nine ten', style(), loose(120), 'start', null);
    expect(layout.width).toBe(120);
    expect(layout.lines.length).toBeGreaterThan(2);
    for (const line of layout.lines) {
      expect(line.x).toBe(0);
      expect(line.text).not.toMatch(/\s$/);
    }
    expect(layout.lines.map((line) => line.text).join(' ')).toBe('one two three four five six seven eight nine ten');
  });

  it('center alignment centres each line in the box', () => {
    const layout = layoutText(ctx, 'a wide first line\nb', style(), loose(1000), 'center', null);
    expect(layout.lines[0]!.x).toBeCloseTo(0, 6);
    expect(layout.lines[1]!.x).toBeGreaterThan(layout.width / 2 - 10);
  });

  it('maxLines cuts the paragraph', () => {
    const layout = layoutText(ctx, 'a\nb\nc\nd', style(), loose(1000), 'start', 2);
    expect(layout.lines.map((line) => line.text)).toEqual(['a', 'b']);
    expect(layout.height).toBeCloseTo(2 * 20 * (2400 / 2048), 6);
  });

  it('a word wider than the box breaks between characters', () => {
    const layout = layoutText(ctx, 'abcdefghijklmnopqrstuvwxyz', style(), loose(60), 'start', null);
    expect(layout.lines.length).toBeGreaterThan(3);
    expect(layout.lines.map((line) => line.text).join('')).toBe('abcdefghijklmnopqrstuvwxyz');
  });

  it('height sets the line box with proportional leading', () => {
    const layout = layoutText(ctx, 'a\nb', style({ height: 2 }), loose(1000), 'start', null);
    expect(layout.height).toBe(80);
    const ascentShare = 1900 / 2400;
    expect(layout.lines[0]!.baseline).toBeCloseTo(40 * ascentShare, 6);
    expect(layout.lines[1]!.baseline).toBeCloseTo(40 + 40 * ascentShare, 6);
  });

  it('tight constraints widen the box', () => {
    const layout = layoutText(ctx, 'hi', style(), { minWidth: 300, maxWidth: 300 }, 'right', null);
    expect(layout.width).toBe(300);
    expect(layout.lines[0]!.x).toBeGreaterThan(270);
  });
});

describe('justify', () => {
  const text = 'one two three four five six seven eight nine ten';

  it('stretches every wrapped line but the last', () => {
    const layout = layoutText(ctx, text, style(), loose(200), 'justify', null);
    expect(layout.lines.length).toBeGreaterThan(2);
    const last = layout.lines[layout.lines.length - 1]!;
    expect(last.wordSpacing).toBe(0);
    for (const line of layout.lines.slice(0, -1)) {
      expect(line.x).toBe(0);
      expect(line.wordSpacing).toBeGreaterThan(0);
      // With the extra spacing the line measures exactly the box width.
      ctx.font = style().font;
      ctx.wordSpacing = `${line.wordSpacing}px`;
      expect(ctx.measureText(line.text).width).toBeCloseTo(layout.width, 1);
      ctx.wordSpacing = '0px';
    }
  });

  it('leaves lines ending at a newline', () => {
    const layout = layoutText(ctx, 'short line\nanother short one', style(), loose(400), 'justify', null);
    expect(layout.lines.map((line) => line.wordSpacing)).toEqual([0, 0]);
  });

  it('leaves the last line maxLines keeps', () => {
    const layout = layoutText(ctx, text, style(), loose(200), 'justify', 2);
    expect(layout.lines).toHaveLength(2);
    expect(layout.lines[0]!.wordSpacing).toBeGreaterThan(0);
    expect(layout.lines[1]!.wordSpacing).toBe(0);
  });

  it('justifySpacing spreads the gap over the spaces', () => {
    expect(justifySpacing({ text: 'a b c', width: 80 }, 100)).toBe(10);
    expect(justifySpacing({ text: 'abc', width: 80 }, 100)).toBe(0);
  });
});
