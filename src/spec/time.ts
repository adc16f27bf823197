/**
 * VideoSpec time strings: `30f` (frames), `2s` / `0.4s` (seconds), `500ms` (milliseconds),
 * `0.3r` (fraction of the enclosing scope) and `0.2r@0.8s` (a fraction capped by another time).
 * Each form rounds to frames once, with Dart's `round` (halves go away from zero).
 */
import { FluvieError } from '../core/errors.js';

export type TimeValue =
  | { readonly kind: 'frames'; readonly frames: number }
  | { readonly kind: 'seconds'; readonly seconds: number }
  | { readonly kind: 'ms'; readonly ms: number }
  | { readonly kind: 'relative'; readonly fraction: number; readonly cap: TimeValue | null };

/** The accepted forms, quoted in every time error message. */
export const TIME_FORMS = '"<int>f", "<decimal>s", "<int>ms", "<decimal>r" or "<decimal>r@<time>"';

const INTEGER = /^\d+$/;
const DECIMAL_SOURCE = '(?:\\d+(?:\\.\\d*)?|\\.\\d+)';
const ABSOLUTE_SOURCE = `(?:\\d+f|\\d+ms|${DECIMAL_SOURCE}s)`;

/** Matches exactly the strings {@link tryParseTime} accepts; used for the JSON Schema `pattern`. */
export const TIME_PATTERN = new RegExp(
  `^(?:${ABSOLUTE_SOURCE}|${DECIMAL_SOURCE}r(?:@${DECIMAL_SOURCE}r)*(?:@${ABSOLUTE_SOURCE})?)$`,
);
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

/**
 * Parses a time string. The order follows Fluvie's codec: a value with `r` after its first
 * character is relative, then an `ms` suffix, then `f`, then `s`.
 * @throws FluvieError `spec_invalid` naming the value and the accepted forms.
 */
export function parseTime(text: string): TimeValue {
  const parsed = tryParseTime(text);
  if (parsed === null) {
    throw new FluvieError('spec_invalid', `Invalid time ${JSON.stringify(text)}: expected ${TIME_FORMS}, for example "30f", "0.5s", "500ms" or "0.2r@0.8s"`);
  }
  return parsed;
}

/** Parses a time string, or returns null when it matches none of the forms. */
export function tryParseTime(text: string): TimeValue | null {
  const relativeAt = text.indexOf('r');
  if (relativeAt > 0) return parseRelative(text, relativeAt);
  if (text.endsWith('ms')) {
    const digits = text.slice(0, -2);
    return INTEGER.test(digits) ? { kind: 'ms', ms: Number(digits) } : null;
  }
  if (text.endsWith('f')) {
    const digits = text.slice(0, -1);
    return INTEGER.test(digits) ? { kind: 'frames', frames: Number(digits) } : null;
  }
  if (text.endsWith('s')) {
    const digits = text.slice(0, -1);
    return DECIMAL.test(digits) ? { kind: 'seconds', seconds: Number(digits) } : null;
  }
  return null;
}

function parseRelative(text: string, relativeAt: number): TimeValue | null {
  const fractionText = text.slice(0, relativeAt);
  const rest = text.slice(relativeAt + 1);
  if (!DECIMAL.test(fractionText)) return null;
  const fraction = Number(fractionText);
  if (rest === '') return { kind: 'relative', fraction, cap: null };
  if (!rest.startsWith('@')) return null;

  const cap = tryParseTime(rest.slice(1));
  return cap === null ? null : { kind: 'relative', fraction, cap };
}

/** Rounds like Dart's `num.round()`: to the nearest integer, halves away from zero. */
export function dartRound(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}

/**
 * Converts a time to whole frames at `fps`. Relative values (and a relative cap) measure
 * `scopeFrames`, the length of the nearest enclosing scope in frames.
 */
export function resolveTimeFrames(value: TimeValue, fps: number, scopeFrames: number): number {
  switch (value.kind) {
    case 'frames':
      return value.frames;
    case 'seconds':
      return dartRound(value.seconds * fps);
    case 'ms':
      return dartRound((value.ms / 1000) * fps);
    case 'relative': {
      const frames = dartRound(value.fraction * scopeFrames);
      return value.cap === null ? frames : Math.min(frames, resolveTimeFrames(value.cap, fps, scopeFrames));
    }
  }
}

/** True when the value (or its cap) depends on the enclosing scope. */
export function isRelativeTime(value: TimeValue): boolean {
  return value.kind === 'relative';
}

/** Formats a time back to its canonical string, for messages. */
export function formatTime(value: TimeValue): string {
  switch (value.kind) {
    case 'frames':
      return `${value.frames}f`;
    case 'seconds':
      return `${value.seconds}s`;
    case 'ms':
      return `${value.ms}ms`;
    case 'relative':
      return value.cap === null ? `${value.fraction}r` : `${value.fraction}r@${formatTime(value.cap)}`;
  }
}
