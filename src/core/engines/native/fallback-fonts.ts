/**
 * Fallback faces for scripts and symbols that the bundled Roboto and JetBrains Mono lack. They are
 * colour emoji (Twemoji, a COLR font), Arabic (Noto Naskh Arabic), Hebrew (Noto Sans Hebrew), and
 * CJK ideographs with kana (Noto Sans SC, a variable font shipped as unicode-range slices). Skia
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

const CJK_PACKAGE = '@fontsource-variable/noto-sans-sc';
/** Slice files of the CJK font. Each contains one unicode range and is registered as its own family. */
const CJK_SLICE = /^noto-sans-sc-(\d+)-wght-normal\.woff2$/;

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

  const cjkFolder = path.join(packageRoot(require, CJK_PACKAGE), 'files');
  const slices = readdirSync(cjkFolder)
    .map((name) => ({ name, index: Number(CJK_SLICE.exec(name)?.[1] ?? Number.NaN) }))
    .filter((slice) => Number.isFinite(slice.index))
    .sort((a, b) => a.index - b.index);
  for (const slice of slices) {
    const family = `Fluvie CJK ${slice.index}`;
    if (GlobalFonts.registerFromPath(path.join(cjkFolder, slice.name), family) === null) {
      throw new Error(`Skia could not load the bundled fallback font ${slice.name}`);
    }
    families.push(family);
  }
  return families.map((family) => `"${family}"`).join(', ');
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
