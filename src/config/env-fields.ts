/**
 * zod field types for environment variables. Each one reads a raw `string | undefined`, applies the
 * shared grammar of env-values.ts, and reports a message that names the rule and the received value.
 */
import { z } from 'zod';
import { parseDurationMs, parseEnvBoolean, parseEnvInteger, parseEnvList, readEnvValue } from './env-values.js';

const rawValue = z.string().optional().transform(readEnvValue);

/** An optional text value; `null` when unset or blank. */
export function envText() {
  return rawValue.transform((value) => value ?? null);
}

/** A text value with a default. */
export function envTextOr(fallback: string) {
  return rawValue.transform((value) => value ?? fallback);
}

/** `true`/`false` (any case) with a default. */
export function envBoolean(fallback: boolean) {
  return rawValue.transform((value, context) => {
    if (value === undefined) return fallback;
    const parsed = parseEnvBoolean(value);
    if (parsed !== null) return parsed;
    context.addIssue({ code: 'custom', message: `must be true or false, got "${value}"` });
    return z.NEVER;
  });
}

/** A decimal integer in `[min, max]`; `null` when unset. */
export function envInteger(min: number, max: number = Number.MAX_SAFE_INTEGER) {
  return rawValue.transform((value, context) => {
    if (value === undefined) return null;
    const parsed = parseEnvInteger(value);
    if (parsed !== null && parsed >= min && parsed <= max) return parsed;
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    context.addIssue({ code: 'custom', message: `must be an integer ${range}, got "${value}"` });
    return z.NEVER;
  });
}

export interface DurationFieldOptions {
  /** Accept a bare `0` (no unit) as zero, for "0 disables" settings. */
  allowBareZero?: boolean;
  /** Smallest accepted value in milliseconds (default 0). */
  minMs?: number;
}

/** Builds a field for a `<integer><ms|s|m|h|d>` duration in milliseconds with a default. */
export function envDuration(fallbackMs: number, options: DurationFieldOptions = {}) {
  const minMs = options.minMs ?? 0;
  return rawValue.transform((value, context) => {
    if (value === undefined) return fallbackMs;
    if (options.allowBareZero === true && value === '0') return 0;
    const parsed = parseDurationMs(value);
    if (parsed !== null && parsed >= minMs) return parsed;
    const hint = parsed === null ? 'an integer with a unit ms, s, m, h or d, such as 30s or 48h' : `at least ${minMs} ms`;
    context.addIssue({ code: 'custom', message: `must be ${hint}, got "${value}"` });
    return z.NEVER;
  });
}

/** Builds a field for one of `choices` (case-sensitive) with a default, which may be `null`. */
export function envChoice<const T extends string, const F extends T | null>(choices: readonly T[], fallback: F) {
  return rawValue.transform((value, context): T | F => {
    if (value === undefined) return fallback;
    const match = choices.find((choice) => choice === value);
    if (match !== undefined) return match;
    context.addIssue({ code: 'custom', message: `must be one of ${choices.join(', ')}, got "${value}"` });
    return z.NEVER;
  });
}

/** Builds a field for an absolute http or https URL, which is `null` when unset. */
export function envHttpUrl() {
  return rawValue.transform((value, context) => {
    if (value === undefined) return null;
    if (URL.canParse(value)) {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    }
    context.addIssue({ code: 'custom', message: `must be an absolute http:// or https:// URL, got "${value}"` });
    return z.NEVER;
  });
}

/** Builds a field for a comma-separated list, which is empty when unset. */
export function envList() {
  return rawValue.transform((value) => (value === undefined ? [] : parseEnvList(value)));
}
