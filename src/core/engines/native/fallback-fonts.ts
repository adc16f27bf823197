/**
 * Fallback faces for scripts and symbols that the bundled Roboto and JetBrains Mono lack. They are
 * colour emoji (Twemoji, a COLR font), Arabic (Noto Naskh Arabic), Hebrew (Noto Sans Hebrew), CJK
 * ideographs with kana (Noto Sans SC) and Hangul (Noto Sans KR). Both CJK fonts are variable fonts
 * shipped as unicode-range slices. Skia
 * falls back only through the families listed in the canvas `font` string, and otherwise to the
 * machine's own fonts, so every font string lists these families after the primary one.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

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
 * Registers every fallback face with Skia and returns the family list to append after a primary
 * family, already quoted and comma-separated (for example `"Fluvie Emoji", "Fluvie Arabic", …`).
 */
export function registerFallbackFonts(): string {
  const require = createRequire(import.meta.url);
  const families: string[] = [];
  for (const face of FIXED_FACES) {
    const file = path.join(packageRoot(require, face.packageName), face.file);
    if (GlobalFonts.registerFromPath(file, face.family, { weight: String(face.weight), style: 'normal' }) === null) {
      throw new Error(`Skia could not load the bundled fallback font ${file}`);
    }
    if (!families.includes(face.family)) families.push(face.family);
  }

  for (const font of SLICED_FONTS) families.push(...registerSlices(require, font.packageName, font.family, font.slice));
  return families.map((family) => `"${family}"`).join(', ');
}

/** Registers each slice of a sliced font as `<family> <index>` and returns those names in index order. */
function registerSlices(require: NodeJS.Require, packageName: string, family: string, pattern: RegExp): string[] {
  const folder = path.join(packageRoot(require, packageName), 'files');
  const slices = readdirSync(folder)
    .map((name) => ({ name, index: Number(pattern.exec(name)?.[1] ?? Number.NaN) }))
    .filter((slice) => Number.isFinite(slice.index))
    .sort((a, b) => a.index - b.index);
  return slices.map((slice) => {
    const name = `${family} ${slice.index}`;
    if (GlobalFonts.registerFromPath(path.join(folder, slice.name), name) === null) {
      throw new Error(`Skia could not load the bundled fallback font ${slice.name}`);
    }
    return name;
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
