/**
 * The fonts the native engine draws with. They ship as npm packages (Roboto as Fluvie Sans, and
 * JetBrains Mono), are registered once per process, and are the only faces text may resolve to, so
 * output never depends on the fonts installed on the machine.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';
import { registerFallbackFonts } from './fallback-fonts.js';
import { fallbackFamilyList, type TextCodePoints } from './fallback-selection.js';

/** The family every unstyled text uses; Fluvie Sans is Roboto. */
export const DEFAULT_FONT_FAMILY = 'Fluvie Sans';
export const MONO_FONT_FAMILY = 'JetBrains Mono';

interface FaceFile {
  packageName: string;
  file: string;
  weight: number;
  style: 'normal' | 'italic';
}

/** The faces Fluvie bundles: Roboto 400/500/700 with 400 and 700 italic, JetBrains Mono 400/700. */
const SANS_FACES: readonly FaceFile[] = [
  { packageName: '@expo-google-fonts/roboto', file: '400Regular/Roboto_400Regular.ttf', weight: 400, style: 'normal' },
  { packageName: '@expo-google-fonts/roboto', file: '500Medium/Roboto_500Medium.ttf', weight: 500, style: 'normal' },
  { packageName: '@expo-google-fonts/roboto', file: '700Bold/Roboto_700Bold.ttf', weight: 700, style: 'normal' },
  { packageName: '@expo-google-fonts/roboto', file: '400Regular_Italic/Roboto_400Regular_Italic.ttf', weight: 400, style: 'italic' },
  { packageName: '@expo-google-fonts/roboto', file: '700Bold_Italic/Roboto_700Bold_Italic.ttf', weight: 700, style: 'italic' },
];
const MONO_FACES: readonly FaceFile[] = [
  { packageName: '@expo-google-fonts/jetbrains-mono', file: '400Regular/JetBrainsMono_400Regular.ttf', weight: 400, style: 'normal' },
  { packageName: '@expo-google-fonts/jetbrains-mono', file: '700Bold/JetBrainsMono_700Bold.ttf', weight: 700, style: 'normal' },
];

/** Spec `fontFamily` names that map to a bundled family. Fluvie registers both plain and package-prefixed names. */
const FAMILY_ALIASES: Readonly<Record<string, string>> = {
  'Fluvie Sans': DEFAULT_FONT_FAMILY,
  'packages/fluvie/Fluvie Sans': DEFAULT_FONT_FAMILY,
  Roboto: DEFAULT_FONT_FAMILY,
  'JetBrains Mono': MONO_FONT_FAMILY,
  'packages/fluvie/JetBrains Mono': MONO_FONT_FAMILY,
};

/** Vertical metrics of a family in em units, from the regular face's tables. */
export interface FontVerticalMetrics {
  /** Ascent above the baseline, as a fraction of the font size. */
  ascent: number;
  /** Descent below the baseline (positive), as a fraction of the font size. */
  descent: number;
}

export interface BundledFonts {
  /** Maps a spec `fontFamily` to a registered family, or null when it is not bundled. */
  resolveFamily(name: string): string | null;
  metrics(family: string): FontVerticalMetrics;
  /** The canvas font-family list for `family`: it first, then the bundled fallbacks (emoji, Arabic, Hebrew, CJK). */
  familyList(family: string): string;
  /**
   * Returns a lookup whose family lists name only the CJK slices that cover some of `codePoints`,
   * which draws those code points as the full list does and makes each new font string cheaper.
   */
  forText(codePoints: TextCodePoints): BundledFonts;
}

let registered: BundledFonts | null = null;

/** Registers the bundled faces with Skia once per process and returns their lookup. */
export function registerBundledFonts(): BundledFonts {
  if (registered !== null) return registered;
  const require = createRequire(import.meta.url);
  const metrics = new Map<string, FontVerticalMetrics>();

  for (const [family, faces] of [[DEFAULT_FONT_FAMILY, SANS_FACES], [MONO_FONT_FAMILY, MONO_FACES]] as const) {
    for (const face of faces) {
      const file = require.resolve(`${face.packageName}/${face.file}`);
      const key = GlobalFonts.registerFromPath(file, family, { weight: String(face.weight), style: face.style });
      if (key === null) throw new Error(`Skia could not load the bundled font ${file}`);
      if (!metrics.has(family)) metrics.set(family, readVerticalMetrics(readFileSync(file)));
    }
  }

  const fallbacks = registerFallbackFonts();
  const lookup = (codePoints: TextCodePoints): BundledFonts => {
    const fallbackList = fallbackFamilyList(fallbacks, codePoints);
    return {
      resolveFamily: (name) => FAMILY_ALIASES[name] ?? null,
      familyList: (family) => `"${family}", ${fallbackList}`,
      metrics: (family) => metrics.get(family) ?? metrics.get(DEFAULT_FONT_FAMILY)!,
      forText: lookup,
    };
  };
  registered = lookup('all');
  return registered;
}

/**
 * Reads the line metrics Flutter's paragraph engine uses: hhea ascender and descender (line gap
 * included in the descent as SkParagraph does), or the OS/2 typo metrics when the font sets
 * USE_TYPO_METRICS (fsSelection bit 7).
 */
export function readVerticalMetrics(font: Buffer): FontVerticalMetrics {
  const tables = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i += 1) {
    const record = 12 + i * 16;
    tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  if (head === undefined || hhea === undefined) throw new Error('Font has no head or hhea table');
  const unitsPerEm = font.readUInt16BE(head + 18);

  let ascender = font.readInt16BE(hhea + 4);
  let descender = font.readInt16BE(hhea + 6);
  let lineGap = font.readInt16BE(hhea + 8);
  const os2 = tables.get('OS/2');
  if (os2 !== undefined && (font.readUInt16BE(os2 + 62) & 0x80) !== 0) {
    ascender = font.readInt16BE(os2 + 68);
    descender = font.readInt16BE(os2 + 70);
    lineGap = font.readInt16BE(os2 + 72);
  }
  return { ascent: ascender / unitsPerEm, descent: (-descender + lineGap) / unitsPerEm };
}
