/**
 * Resolves `theme` tokens to literals, because Fluvie code has no theme object at the widget layer.
 * A `{"token": name}` colour becomes the palette's hex value. A text style with a `token` becomes
 * the type-scale style with the style's own fields merged over it, a literal field winning. The
 * theme's `motion` is merged under the document's `motionDefaults`, each explicit field winning.
 */
import type { VideoSpec } from '../schema/types.js';
import { DartPrintError } from './dart-print-error.js';

export interface ResolvedTheme {
  /** The document without `theme`, every token replaced by its value. */
  spec: VideoSpec;
  /** Whether any token or the theme's motion changed the document. */
  resolved: boolean;
}

/** Keys whose values are opaque data that may contain a `token` key without meaning a theme token. */
const OPAQUE_KEYS = new Set(['editor', 'uniforms', 'spec', 'particles']);

type JsonObject = Record<string, unknown>;

/** Resolves every theme token of `spec`. Pure: the input is not changed. */
export function applyTheme(spec: VideoSpec): ResolvedTheme {
  const { theme, ...rest } = spec;
  const palette: Readonly<Record<string, string>> = theme?.palette ?? {};
  const typeScale: Readonly<Record<string, unknown>> = theme?.typeScale ?? {};
  const state = { resolved: false, hasTheme: theme !== undefined };

  const resolveColor = (name: string, path: string): string => {
    const hex = palette[name];
    if (hex === undefined) {
      const reason = state.hasTheme ? `the theme palette has no colour ${JSON.stringify(name)} (defined: ${listNames(palette)})` : `colour token ${JSON.stringify(name)} needs a "theme" with a palette`;
      throw new DartPrintError(path, reason);
    }
    state.resolved = true;
    return hex;
  };

  const resolveStyle = (style: JsonObject, path: string): JsonObject => {
    const { token, ...own } = style;
    if (typeof token !== 'string') return walkObject(own, path);
    const base = typeScale[token];
    if (base === undefined) {
      const reason = state.hasTheme ? `the theme type scale has no style ${JSON.stringify(token)} (defined: ${listNames(typeScale)})` : `style token ${JSON.stringify(token)} needs a "theme" with a type scale`;
      throw new DartPrintError(`${path}.token`, reason);
    }
    state.resolved = true;
    return walkObject({ ...(base as JsonObject), ...own }, path);
  };

  const walk = (value: unknown, key: string, path: string): unknown => {
    if (Array.isArray(value)) return value.map((item, index) => walk(item, key, `${path}[${index}]`));
    if (!isObject(value) || OPAQUE_KEYS.has(key)) return value;
    if (key === 'style') return resolveStyle(value, path);
    if (typeof value.token === 'string' && Object.keys(value).length === 1) return resolveColor(value.token, path);
    return walkObject(value, path);
  };

  const walkObject = (object: JsonObject, path: string): JsonObject => {
    const result: JsonObject = {};
    for (const [key, value] of Object.entries(object)) result[key] = walk(value, key, path === '' ? key : `${path}.${key}`);
    return result;
  };

  // The validator has checked the shapes, and resolving only swaps token objects for the values they
  // name, so the result keeps the VideoSpec shape.
  const resolved = walkObject(rest as JsonObject, '') as unknown as VideoSpec;
  if (theme?.motion !== undefined) {
    resolved.motionDefaults = { ...theme.motion, ...resolved.motionDefaults };
    state.resolved = true;
  }
  return { spec: resolved, resolved: state.resolved };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listNames(tokens: Readonly<Record<string, unknown>>): string {
  const names = Object.keys(tokens).sort();
  return names.length === 0 ? 'none' : names.join(', ');
}
