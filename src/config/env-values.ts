/**
 * Value grammar of the server's environment variables, the same as the Dart fluvie_server's. Values
 * are trimmed and a blank value counts as unset. Booleans are only `true` or `false` (any case).
 * Durations are `<integer><ms|s|m|h|d>`, integers only, such as `48h` or `500ms`.
 */

const DURATION_PATTERN = /^(\d+)(ms|s|m|h|d)$/;

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Trims `value` and maps a blank or missing value to `undefined`. */
export function readEnvValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Parses `true` or `false` (case-insensitive); anything else returns `null`. */
export function parseEnvBoolean(value: string): boolean | null {
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return null;
}

/** Parses a non-negative decimal integer without sign, exponent or fraction; returns `null` otherwise. */
export function parseEnvInteger(value: string): number | null {
  if (!/^\d+$/.test(value)) return null;
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : null;
}

/**
 * Parses a `<integer><ms|s|m|h|d>` duration to milliseconds, or returns `null` when `value` does not
 * match the grammar. `1.5h` and `90` are invalid; write `90m` and `90s`.
 */
export function parseDurationMs(value: string): number | null {
  const match = DURATION_PATTERN.exec(value);
  if (!match) return null;
  const amount = Number(match[1]);
  const unit = UNIT_MS[match[2] ?? ''];
  if (unit === undefined) return null;
  const ms = amount * unit;
  return Number.isSafeInteger(ms) ? ms : null;
}

/** Splits a comma-separated list, trimming entries and dropping empty ones. */
export function parseEnvList(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
