/**
 * Resolves `theme` for the printer, because Fluvie code has no theme object at the widget layer.
 * Tokens are swapped for their values by the renderer's own resolver ({@link resolveThemeTokens}),
 * and the theme's `motion` is merged under the document's `motionDefaults`, each explicit field
 * winning.
 */
import { FluvieError } from '../../core/errors.js';
import { resolveThemeTokens, type ThemeTokenErrorDetails } from '../resolve-theme.js';
import type { VideoSpec } from '../schema/types.js';
import { DartPrintError } from './dart-print-error.js';

export interface ResolvedTheme {
  /** The document without `theme`, every token replaced by its value. */
  spec: VideoSpec;
  /** Whether any token or the theme's motion changed the document. */
  resolved: boolean;
}

/** Resolves every theme token of `spec`. Pure: the input is not changed. */
export function applyTheme(spec: VideoSpec): ResolvedTheme {
  const { theme, ...original } = spec;
  const { theme: _kept, ...resolved } = resolveTokens(spec);
  let changed = JSON.stringify(resolved) !== JSON.stringify(original);
  const printed = resolved as VideoSpec;
  if (theme?.motion !== undefined) {
    printed.motionDefaults = { ...theme.motion, ...printed.motionDefaults };
    changed = true;
  }
  return { spec: printed, resolved: changed };
}

/** Runs the shared resolver, reporting a token it cannot resolve as a printer error at its path. */
function resolveTokens(spec: VideoSpec): VideoSpec {
  try {
    return resolveThemeTokens(spec);
  } catch (error: unknown) {
    if (error instanceof FluvieError && isTokenErrorDetails(error.details)) throw new DartPrintError(error.details.path, error.details.reason);
    throw error;
  }
}

function isTokenErrorDetails(details: unknown): details is ThemeTokenErrorDetails {
  return typeof details === 'object' && details !== null && typeof (details as ThemeTokenErrorDetails).path === 'string' && typeof (details as ThemeTokenErrorDetails).reason === 'string';
}
