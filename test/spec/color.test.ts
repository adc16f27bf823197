import { describe, expect, it } from 'vitest';
import { FluvieError } from '../../src/core/errors.js';
import { isColor, parseColor } from '../../src/spec/color.js';

describe('parseColor', () => {
  it('reads #RRGGBB as opaque', () => {
    expect(parseColor('#2C3E50')).toEqual({ r: 0x2c, g: 0x3e, b: 0x50, a: 255 });
  });

  it('reads #AARRGGBB with alpha first', () => {
    expect(parseColor('#CC101418')).toEqual({ a: 0xcc, r: 0x10, g: 0x14, b: 0x18 });
  });

  it('accepts lower-case hex', () => {
    expect(parseColor('#ffffff')).toEqual({ r: 255, g: 255, b: 255, a: 255 });
  });

  it.each(['#FFF', '#12345', '#1234567', 'FFFFFF', '#GG0000', 'red', ''])('rejects %j', (text) => {
    expect(isColor(text)).toBe(false);
    expect(() => parseColor(text)).toThrow(FluvieError);
    expect(() => parseColor(text)).toThrow(JSON.stringify(text));
  });
});
