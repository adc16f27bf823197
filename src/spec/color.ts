/** VideoSpec colours: `#RRGGBB` (opaque) or `#AARRGGBB`, hex digits in either case. */
import { FluvieError } from '../core/errors.js';

/** A colour with 8-bit channels, each 0..255. */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

export const COLOR_PATTERN = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

/** True when `text` is a `#RRGGBB` or `#AARRGGBB` colour. */
export function isColor(text: string): boolean {
  return COLOR_PATTERN.test(text);
}

/**
 * Parses `#RRGGBB` (alpha 255) or `#AARRGGBB` (alpha first, as Flutter's `Color(0xAARRGGBB)`).
 * @throws FluvieError `spec_invalid` naming the value and the accepted forms.
 */
export function parseColor(text: string): Rgba {
  if (!COLOR_PATTERN.test(text)) {
    throw new FluvieError('spec_invalid', `Invalid colour ${JSON.stringify(text)}: expected "#RRGGBB" or "#AARRGGBB" in hex, for example "#FF8800" or "#80FF8800"`);
  }
  const hex = text.slice(1);
  const channel = (offset: number): number => Number.parseInt(hex.slice(offset, offset + 2), 16);
  if (hex.length === 6) return { r: channel(0), g: channel(2), b: channel(4), a: 255 };
  return { a: channel(0), r: channel(2), g: channel(4), b: channel(6) };
}
