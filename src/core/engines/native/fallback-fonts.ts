/**
 * Fallback faces for scripts and symbols that the bundled Roboto and JetBrains Mono lack. They are
 * colour emoji (Twemoji, a COLR font), Arabic (Noto Naskh Arabic), Hebrew (Noto Sans Hebrew), CJK
 * ideographs with kana (Noto Sans SC) and Hangul (Noto Sans KR). Both CJK fonts are variable fonts
 * shipped as unicode-range slices. Skia
 * falls back only through the families listed in the canvas `font` string, and otherwise to the
 * machine's own fonts, so every font string lists these families after the primary one.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { parseUnicodeRange, type FallbackFamily } from './fallback-selection.js';

interface FallbackFace {
  family: string;
  packageName: string;
  file: string;
  weight: number;
}

const FIXED_FACES: readonly FallbackFace[] = [
  { family: 'Fluvie Emoji', packageName: 'twemoji-colr-font', file: 'twemoji.woff2', weight: 400 },
  { family: 'Fluvie Arabic', packageName: '@embedpdf/fonts-arabic', file: 'fonts/NotoNaskhArabic-Regular.ttf', weight: 400 },
  { family: 'Fluvie Arabic', packageName: '@embedpdf/fonts-arabic', file: 'fonts/NotoNaskhArabic-Bold.ttf', weight: 700 },
  { family: 'Fluvie Hebrew', packageName: '@embedpdf/fonts-hebrew', file: 'fonts/NotoSansHebrew-Regular.ttf', weight: 400 },
  { family: 'Fluvie Hebrew', packageName: '@embedpdf/fonts-hebrew', file: 'fonts/NotoSansHebrew-Bold.ttf', weight: 700 },
];

/**
 * The sliced CJK fonts, in fallback order. Each slice file contains one unicode range and is
 * registered as its own family, because Skia matches one face per family name.
 */
const SLICED_FONTS: readonly { packageName: string; family: string; slice: RegExp }[] = [
  { packageName: '@fontsource-variable/noto-sans-sc', family: 'Fluvie CJK', slice: /^noto-sans-sc-(\d+)-wght-normal\.woff2$/ },
  { packageName: '@fontsource-variable/noto-sans-kr', family: 'Fluvie Hangul', slice: /^noto-sans-kr-(\d+)-wght-normal\.woff2$/ },
];

/**
 * Registers every fallback face with Skia and returns the fallback families in fallback order:
 * the fixed faces (listed for any text), then each CJK slice with its unicode-range.
 */
export function registerFallbackFonts(): FallbackFamily[] {
  const require = createRequire(import.meta.url);
  const families: FallbackFamily[] = [];
  for (const face of FIXED_FACES) {
    const file = path.join(packageRoot(require, face.packageName), face.file);
    if (GlobalFonts.registerFromPath(file, face.family, { weight: String(face.weight), style: 'normal' }) === null) {
      throw new Error(`Skia could not load the bundled fallback font ${file}`);
    }
    if (!families.some((known) => known.family === face.family)) families.push({ family: face.family, ranges: null });
  }

  for (const font of SLICED_FONTS) families.push(...registerSlices(require, font.packageName, font.family, font.slice));
  return families;
}

/**
 * Registers each slice of a sliced font as `<family> <index>` and returns them in index order, each
 * with the unicode-range that the package's `unicode.json` gives for that slice.
 */
function registerSlices(require: NodeJS.Require, packageName: string, family: string, pattern: RegExp): FallbackFamily[] {
  const root = packageRoot(require, packageName);
  const folder = path.join(root, 'files');
  const unicodeRanges = JSON.parse(readFileSync(path.join(root, 'unicode.json'), 'utf8')) as Record<string, string>;
  const slices = readdirSync(folder)
    .map((name) => ({ name, index: Number(pattern.exec(name)?.[1] ?? Number.NaN) }))
    .filter((slice) => Number.isFinite(slice.index))
    .sort((a, b) => a.index - b.index);
  return slices.map((slice) => {
    const name = `${family} ${slice.index}`;
    if (GlobalFonts.registerFromPath(path.join(folder, slice.name), name) === null) {
      throw new Error(`Skia could not load the bundled fallback font ${slice.name}`);
    }
    const range = unicodeRanges[`[${slice.index}]`];
    if (range === undefined) throw new Error(`${packageName}/unicode.json has no unicode-range for slice ${slice.index}`);
    return { family: name, ranges: parseUnicodeRange(range) };
  });
}

/**
 * Finds the folder of an installed package. Some font packages export only a script entry (not
 * `package.json`), and some name a `main` file they do not ship, so both ways are tried.
 */
function packageRoot(require: NodeJS.Require, name: string): string {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    // Not exported: walk up from the package's entry point instead.
  }
  let folder = path.dirname(require.resolve(name));
  while (!existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`Cannot find the folder of the font package ${name}`);
    folder = parent;
  }
  return folder;
}
