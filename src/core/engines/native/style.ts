/** Colours and text styles resolved to what the canvas takes, with Fluvie's text defaults. */
import { parseColor, type ColorSpec, type TextStyleSpec } from '../../../spec/index.js';
import type { EmitEvent } from '../../pipeline/events.js';
import { DEFAULT_FONT_FAMILY, type BundledFonts } from './fonts.js';
import type { ResolvedTextStyle } from './text-layout.js';

/** Flutter's default font size when a style sets none. */
export const DEFAULT_FONT_SIZE = 14;
/** The paragraph engine's default text colour when a style sets none: opaque white. */
export const DEFAULT_TEXT_COLOR = 'rgba(255,255,255,1)';

export interface StyleContext {
  fonts: BundledFonts;
  emit: EmitEvent;
  /** Families already warned about, so each unknown family warns once per render. */
  warnedFamilies: Set<string>;
}

/** Converts a spec colour to a CSS `rgba()` string. The planner resolves theme tokens first, so a token reference here is drawn transparent. */
export function cssColor(color: ColorSpec): string {
  if (typeof color !== 'string') return 'rgba(0,0,0,0)';
  const { r, g, b, a } = parseColor(color);
  return `rgba(${r},${g},${b},${a / 255})`;
}

const WEIGHTS: Readonly<Record<string, number>> = {
  normal: 400,
  bold: 700,
  w100: 100,
  w200: 200,
  w300: 300,
  w400: 400,
  w500: 500,
  w600: 600,
  w700: 700,
  w800: 800,
  w900: 900,
};

/** Merges a spec style over the defaults (14 px, w400, upright, white, Fluvie Sans, natural height). */
export function resolveTextStyle(style: TextStyleSpec | undefined, path: string, context: StyleContext): ResolvedTextStyle {
  const fontSize = style?.fontSize ?? DEFAULT_FONT_SIZE;
  const weight = WEIGHTS[style?.fontWeight ?? 'normal'] ?? 400;
  const italic = style?.fontStyle === 'italic';
  const family = resolveFamily(style?.fontFamily, `${path}.fontFamily`, context);
  return {
    font: `${italic ? 'italic ' : ''}${weight} ${fontSize}px ${context.fonts.familyList(family)}`,
    fontSize,
    color: style?.color === undefined ? DEFAULT_TEXT_COLOR : cssColor(style.color),
    letterSpacing: style?.letterSpacing ?? 0,
    height: style?.height ?? null,
    metrics: context.fonts.metrics(family),
  };
}

function resolveFamily(name: string | undefined, path: string, context: StyleContext): string {
  if (name === undefined) return DEFAULT_FONT_FAMILY;
  const family = context.fonts.resolveFamily(name);
  if (family !== null) return family;
  if (!context.warnedFamilies.has(name)) {
    context.warnedFamilies.add(name);
    context.emit({
      type: 'warning',
      code: 'font_fallback',
      path,
      message: `Font family "${name}" is not bundled; drawing with ${DEFAULT_FONT_FAMILY} instead. Bundled families: Fluvie Sans (Roboto), JetBrains Mono.`,
    });
  }
  return DEFAULT_FONT_FAMILY;
}
