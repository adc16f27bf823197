import { describe, expect, it } from 'vitest';
import { FluvieError } from '../../src/core/errors.js';
import { resolveThemeTokens } from '../../src/spec/resolve-theme.js';
import { VideoSpecSchema, type VideoSpec } from '../../src/spec/index.js';
import { capture, pixel } from '../core/engines/native/native-helpers.js';

const THEME = {
  palette: { brand: '#FF6C5CE7', ink: '#80112233' },
  typeScale: { title: { fontSize: 40, fontWeight: 'bold', color: '#FFFFFFFF' }, caption: { fontSize: 12 } },
};

function themed(children: unknown[], extra: Record<string, unknown> = {}): VideoSpec {
  return VideoSpecSchema.parse({ fluvieSpec: 1, size: { width: 100, height: 100 }, theme: THEME, scenes: [{ duration: '10f', children, ...extra }] });
}

describe('resolveThemeTokens', () => {
  it('colour tokens become palette hex', () => {
    const spec = themed([{ type: 'Box', color: { token: 'brand' } }], { background: { kind: 'gradient', colors: [{ token: 'ink' }, '#FF000000'] } });
    const resolved = resolveThemeTokens(spec);
    expect(resolved.scenes[0]!.children![0]).toMatchObject({ color: '#FF6C5CE7' });
    expect(resolved.scenes[0]!.background).toMatchObject({ colors: ['#80112233', '#FF000000'] });
  });

  it('style token merges under literal fields', () => {
    const spec = themed([{ type: 'Text', text: 'x', style: { token: 'title', fontSize: 24 } }]);
    const style = (resolveThemeTokens(spec).scenes[0]!.children![0] as { style: unknown }).style;
    expect(style).toEqual({ fontSize: 24, fontWeight: 'bold', color: '#FFFFFFFF' });
  });

  it('colour tokens inside a style token resolve', () => {
    const spec = themed([{ type: 'Text', text: 'x', spans: [{ text: 'a', style: { token: 'caption', color: { token: 'brand' } } }] }]);
    const span = (resolveThemeTokens(spec).scenes[0]!.children![0] as { spans: { style: unknown }[] }).spans[0]!;
    expect(span.style).toEqual({ fontSize: 12, color: '#FF6C5CE7' });
  });

  it('theme and editor stay untouched', () => {
    const spec = { ...themed([]), editor: { note: { token: 'brand' } } } as VideoSpec;
    const resolved = resolveThemeTokens(spec);
    expect(resolved.theme).toBe(spec.theme);
    expect(resolved.editor).toEqual({ note: { token: 'brand' } });
  });

  it('shader uniforms stay untouched', () => {
    const spec = themed([{ type: 'Box', effects: [{ kind: 'shader', asset: 'a.frag', uniforms: { token: 'raw' } }] }]);
    expect(resolveThemeTokens(spec).scenes[0]!.children![0]).toMatchObject({ effects: [{ uniforms: { token: 'raw' } }] });
  });

  it('input document is not changed', () => {
    const spec = themed([{ type: 'Box', color: { token: 'brand' } }]);
    resolveThemeTokens(spec);
    expect(spec.scenes[0]!.children![0]).toMatchObject({ color: { token: 'brand' } });
  });

  it('unknown colour token names the palette', () => {
    const spec = themed([{ type: 'Box', color: { token: 'missing' } }]);
    expect(() => resolveThemeTokens(spec)).toThrow(FluvieError);
    expect(() => resolveThemeTokens(spec)).toThrow(/scenes\[0\]\.children\[0\]\.color\.token: colour token "missing" is not defined in theme\.palette \(defined: brand, ink\)/);
  });

  it('unknown style token names the type scale', () => {
    const spec = themed([{ type: 'Text', text: 'x', style: { token: 'huge' } }]);
    expect(() => resolveThemeTokens(spec)).toThrow(/style token "huge" is not defined in theme\.typeScale \(defined: title, caption\)/);
  });
});

describe('theme tokens in a native render', () => {
  it('token colours paint the box and background', async () => {
    const spec = themed([{ type: 'Box', color: { token: 'brand' }, transform: { x: 0.5, y: 0.5, w: 0.4, h: 0.4 } }], { background: { kind: 'color', color: { token: 'ink' } } });
    const { stream } = await capture(spec);
    const frame = await stream.renderFrame!(0);
    expect(pixel(frame, 100, 50, 50)).toEqual([0x6c, 0x5c, 0xe7, 255]);
    // #80112233 is half transparent; the frame stores it premultiplied.
    expect(pixel(frame, 100, 5, 5)).toEqual([9, 17, 26, 128]);
  });

  it('type-scale token sets size and colour', async () => {
    const text = (style: Record<string, unknown>): unknown => ({ type: 'Text', text: 'MMMM', style, transform: { x: 0, y: 0, anchor: 'topLeft' } });
    const { stream } = await capture(themed([text({ token: 'title', color: '#FF00FF00' })]));
    const frame = await stream.renderFrame!(0);
    // 40 px bold glyphs reach well below y = 20; a 14 px default text would not.
    const greenRows = [...Array(100).keys()].filter((y) => [...Array(100).keys()].some((x) => pixel(frame, 100, x, y)[1] > 200 && pixel(frame, 100, x, y)[0] < 50));
    expect(Math.max(...greenRows)).toBeGreaterThan(25);
    expect(greenRows.length).toBeGreaterThan(0);
  });
});
