/**
 * Theme token resolution: every `{"token": name}` colour becomes the hex string of
 * `theme.palette[name]`, and every text style with a `token` becomes that `theme.typeScale` entry
 * with the style's own literal fields merged over it (the literal field wins). Fields that neither
 * sets keep the renderer's defaults (14 px, w400, white). Pure; returns a new document.
 *
 * NOTE: Fluvie's package palette (bg, accent, onBg) and type scale (display to caption) are not
 * used as fallbacks for tokens the document's theme lacks. Fluvie 0.3.1 (`ThemeSpec.paletteColor`)
 * rejects such a token, and so do this resolver and the validator.
 */
import { FluvieError } from '../core/errors.js';
import { formatPath, type PathSegment } from './diagnostics.js';
import type { TextStyleSpec, ThemeSpec, VideoSpec } from './schema/types.js';

type JsonRecord = Record<string, unknown>;

/** Keys whose values are opaque data (editor state, shader uniforms, particle specs), where a `token` key is not a theme token. */
const OPAQUE_KEYS = new Set(['editor', 'uniforms', 'spec', 'particles']);

/** Returns `spec` with every theme token replaced by its value; `theme` and opaque data are kept as they are. */
export function resolveThemeTokens(spec: VideoSpec): VideoSpec {
  const theme = spec.theme ?? {};
  const resolved: JsonRecord = {};
  for (const [key, value] of Object.entries(spec)) {
    resolved[key] = key === 'theme' || OPAQUE_KEYS.has(key) ? value : resolveValue(value, [key], theme);
  }
  return resolved as unknown as VideoSpec;
}

function resolveValue(value: unknown, path: PathSegment[], theme: ThemeSpec): unknown {
  if (Array.isArray(value)) return value.map((item, index) => resolveValue(item, [...path, index], theme));
  if (typeof value !== 'object' || value === null) return value;

  const record = value as JsonRecord;
  const token = record['token'];
  if (typeof token === 'string') {
    // The same rule the validator applies: a `style` object names a type-scale entry, anything else a colour.
    if (path[path.length - 1] === 'style') return resolveStyle(record, token, path, theme);
    return paletteColor(token, path, theme);
  }
  const resolved: JsonRecord = {};
  for (const [key, item] of Object.entries(record)) resolved[key] = OPAQUE_KEYS.has(key) ? item : resolveValue(item, [...path, key], theme);
  return resolved;
}

function paletteColor(token: string, path: PathSegment[], theme: ThemeSpec): string {
  const color = theme.palette?.[token];
  if (color !== undefined) return color;
  const known = Object.keys(theme.palette ?? {});
  throw tokenError([...path, 'token'], `colour token ${JSON.stringify(token)} is not defined in theme.palette (${known.length === 0 ? 'it is empty' : `defined: ${known.join(', ')}`}); add it to the palette or use a hex colour`);
}

function resolveStyle(style: JsonRecord, token: string, path: PathSegment[], theme: ThemeSpec): JsonRecord {
  const base: TextStyleSpec | undefined = theme.typeScale?.[token];
  if (base === undefined) {
    const known = Object.keys(theme.typeScale ?? {});
    throw tokenError([...path, 'token'], `style token ${JSON.stringify(token)} is not defined in theme.typeScale (${known.length === 0 ? 'it is empty' : `defined: ${known.join(', ')}`}); add it to the type scale or remove "token"`);
  }
  const { token: _own, ...literal } = style;
  // A type-scale entry is literal in Fluvie (it may not name another style token), so its own `token` is dropped.
  const { token: _nested, ...scale } = base;
  const merged: JsonRecord = { ...scale, ...literal };
  // The merged style may still hold colour tokens, in the entry or in the literal fields.
  const resolved: JsonRecord = {};
  for (const [key, item] of Object.entries(merged)) resolved[key] = resolveValue(item, [...path, key], theme);
  return resolved;
}

/** Details of a token error: the JSON path of the `token` key and the problem without the path. */
export interface ThemeTokenErrorDetails {
  path: string;
  reason: string;
}

function tokenError(path: PathSegment[], reason: string): FluvieError {
  const at = formatPath(path);
  const details: ThemeTokenErrorDetails = { path: at, reason };
  return new FluvieError('spec_invalid', `${at}: ${reason}`, { details });
}
