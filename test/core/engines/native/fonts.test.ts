import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { registerBundledFonts } from '../../../../src/core/engines/native/fonts.js';
import { collectTextCodePoints } from '../../../../src/core/engines/native/text-code-points.js';

/** Strings that reach every kind of fallback: CJK, kana, Hangul, full-width forms, symbols, emoji, right-to-left scripts. */
const SAMPLES = [
  'Latin only, with “quotes” — and ½',
  '你好，世界！「引号」 こんにちは カタカナ',
  '안녕하세요 한국어 ㄱㄴㄷ',
  '★ ① → ♥ ✓ ※ 〒 ㈱ ￥１２３',
  'Emoji 😀 🎬 👍🏽 🇯🇵',
  'שלום سلام fi AV',
];

function drawSamples(font: string): Uint8Array {
  const canvas = createCanvas(900, 60 * SAMPLES.length);
  const ctx = canvas.getContext('2d');
  ctx.lang = 'en';
  ctx.fillStyle = '#000000';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#FFFFFF';
  ctx.font = font;
  SAMPLES.forEach((text, index) => ctx.fillText(text, 10, 45 + index * 60));
  return canvas.data();
}

describe('registerBundledFonts', () => {
  it('lists every slice for all text', () => {
    const fonts = registerBundledFonts();
    const families = fonts.familyList('Fluvie Sans').split(', ');
    expect(families.slice(0, 4)).toEqual(['"Fluvie Sans"', '"Fluvie Emoji"', '"Fluvie Arabic"', '"Fluvie Hebrew"']);
    expect(families.length).toBeGreaterThan(200);
  });

  it('lists few slices for Latin text', () => {
    const fonts = registerBundledFonts().forText(collectTextCodePoints({ text: 'Plain Latin, café' }));
    const families = fonts.familyList('Fluvie Sans').split(', ');
    expect(families.slice(0, 4)).toEqual(['"Fluvie Sans"', '"Fluvie Emoji"', '"Fluvie Arabic"', '"Fluvie Hebrew"']);
    // Only the slices whose ranges contain é or the engine's bullet and ellipsis remain.
    expect(families.length).toBeLessThan(12);
  });

  it('text-limited list draws identical pixels', () => {
    const full = registerBundledFonts();
    const limited = full.forText(collectTextCodePoints(SAMPLES));
    const limitedCount = limited.familyList('Fluvie Sans').split(', ').length;
    expect(limitedCount).toBeLessThan(full.familyList('Fluvie Sans').split(', ').length);
    expect(limitedCount).toBeGreaterThan(4);

    for (const style of ['400 36px', 'italic 700 36px']) {
      const expected = drawSamples(`${style} ${full.familyList('Fluvie Sans')}`);
      const actual = drawSamples(`${style} ${limited.familyList('Fluvie Sans')}`);
      expect(Buffer.compare(actual, expected), style).toBe(0);
    }
  });
});
