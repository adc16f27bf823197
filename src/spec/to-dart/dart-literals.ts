/** Dart literals for VideoSpec values: strings, numbers, colours, times, eases and alignments. */
import { COLOR_PATTERN } from '../color.js';
import type { AlignmentSpec, ColorSpec, EaseSpec } from '../schema/types.js';
import { raw, type DartExpr } from './dart-expr.js';
import { DartPrintError } from './dart-print-error.js';

/**
 * Quotes `value` as a single-quoted Dart string. Backslash, quote and `$` (interpolation) are
 * escaped and control characters become escapes, so no input can end the literal or inject code.
 */
export function dartString(value: string): DartExpr {
  let text = "'";
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    text += escapeChar(char, code);
  }
  return raw(`${text}'`);
}

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  $: '\\$',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
};

function escapeChar(char: string, code: number): string {
  const named = NAMED_ESCAPES[char];
  if (named !== undefined) return named;
  if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) return `\\u{${code.toString(16)}}`;
  return char;
}

/** Prints a Dart number literal. Whole numbers print without `.0`, and non-finite values are rejected. */
export function dartNumber(value: number, path: string): DartExpr {
  if (!Number.isFinite(value)) throw new DartPrintError(path, `the number ${value} has no Dart literal`);
  return raw(String(value));
}

/** `Color(0xAARRGGBB)` from `#RRGGBB` or `#AARRGGBB`; theme token references have no Dart form here. */
export function dartColor(color: ColorSpec, path: string): DartExpr {
  if (typeof color !== 'string') throw new DartPrintError(path, `theme token "${color.token}" is not printed; use a hex colour`);
  if (!COLOR_PATTERN.test(color)) throw new DartPrintError(path, `invalid colour ${JSON.stringify(color)}`);
  const digits = color.slice(1).toUpperCase();
  return raw(`Color(0x${digits.length === 6 ? `FF${digits}` : digits})`);
}

/**
 * Fluvie's time sugar for a time string: `30.frames`, `2.5.seconds`, `500.ms`, `0.3.relative`, or
 * `Time.relative(0.2, max: 1.seconds)` for a capped relative time.
 */
export function dartTime(text: string, path: string): DartExpr {
  const time = text.trim();
  const relative = time.indexOf('r');
  if (relative > 0) {
    const fraction = numberText(time.slice(0, relative));
    const rest = time.slice(relative + 1);
    if (rest === '') return raw(`${fraction}.relative`);
    if (rest.startsWith('@')) return raw(`Time.relative(${fraction}, max: ${textOf(dartTime(rest.slice(1), path))})`);
    throw new DartPrintError(path, `invalid relative time ${JSON.stringify(text)}`);
  }
  if (time.endsWith('ms')) return raw(`${time.slice(0, -2)}.ms`);
  if (time.endsWith('f')) return raw(`${time.slice(0, -1)}.frames`);
  if (time.endsWith('s')) return raw(`${numberText(time.slice(0, -1))}.seconds`);
  throw new DartPrintError(path, `invalid time ${JSON.stringify(text)}`);
}

/** Returns the text of a raw expression. The literal helpers here only build raw expressions. */
export function textOf(expr: DartExpr): string {
  return expr.kind === 'raw' ? expr.text : '';
}

/** Drops a redundant fraction (`4.0` becomes `4`) and keeps other decimals as written. */
function numberText(text: string): string {
  const value = Number(text);
  if (Number.isFinite(value) && Number.isInteger(value)) return String(value);
  return text.startsWith('.') ? `0${text}` : text;
}

/** `Ease.<name>`, or Flutter's `Cubic(x1, y1, x2, y2)` for a cubic Bézier. Dart reserves `in`, so that ease is `Ease.in_`. */
export function dartEase(ease: EaseSpec, path: string): DartExpr {
  if (typeof ease !== 'string') {
    const points = ease.cubic.map((value, index) => textOf(dartNumber(value, `${path}.cubic[${index}]`)));
    return raw(`Cubic(${points.join(', ')})`);
  }
  return raw(ease === 'in' ? 'Ease.in_' : `Ease.${ease}`);
}

/** Prints a `[n, n, ...]` list of numbers, such as gradient stops. */
export function dartNumberList(values: readonly number[], path: string): DartExpr {
  return raw(`[${values.map((value, index) => textOf(dartNumber(value, `${path}[${index}]`))).join(', ')}]`);
}

/** `Offset(x, y)` from a `{x, y}` point. */
export function dartOffset(point: { x: number; y: number }, path: string): DartExpr {
  return raw(`Offset(${textOf(dartNumber(point.x, `${path}.x`))}, ${textOf(dartNumber(point.y, `${path}.y`))})`);
}

/** `Rect.fromLTWH(x, y, w, h)` from a `{x, y, w, h}` rectangle. */
export function dartRect(rect: { x: number; y: number; w: number; h: number }, path: string): DartExpr {
  const numbers = [rect.x, rect.y, rect.w, rect.h].map((value) => textOf(dartNumber(value, path)));
  return raw(`Rect.fromLTWH(${numbers.join(', ')})`);
}

/** `TimeRange(from, to)` from two time strings. */
export function dartTimeRange(from: string, to: string, path: string): DartExpr {
  return raw(`TimeRange(${textOf(dartTime(from, `${path}.from`))}, ${textOf(dartTime(to, `${path}.to`))})`);
}

/** `Alignment.<name>` or `Alignment(x, y)`. */
export function dartAlignment(alignment: AlignmentSpec, path: string): DartExpr {
  if (typeof alignment === 'string') return raw(`Alignment.${alignment}`);
  return raw(`Alignment(${textOf(dartNumber(alignment.x, path))}, ${textOf(dartNumber(alignment.y, path))})`);
}

/**
 * Prints a value of a Dart enum, such as `BoxFit.cover`. A value that is not a plain identifier is
 * rejected, so a free-text spec value can never add code to the output.
 */
export function dartEnum(type: string, value: string, path = ''): DartExpr {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) throw new DartPrintError(path, `${JSON.stringify(value)} is not a ${type} value`);
  return raw(`${type}.${value}`);
}

const AUDIO_BANDS = new Set(['bass', 'mid', 'treble']);

/** Prints `AudioBand.<band>`; Fluvie's bands are bass, mid and treble. */
export function dartAudioBand(band: string, path: string): DartExpr {
  if (!AUDIO_BANDS.has(band)) throw new DartPrintError(path, `Fluvie has no audio band ${JSON.stringify(band)}; use bass, mid or treble`);
  return raw(`AudioBand.${band}`);
}
