/**
 * Golden frames: each case of golden-cases.ts is rendered by the native engine and compared with
 * its committed PNGs in references/. A failing frame writes `<name>-f<frame>.actual.png` and
 * `.diff.png` to diffs/. `npm run golden:update` (FLUVIE_GOLDEN_UPDATE=1) rewrites the references.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { capture } from '../core/engines/native/native-helpers.js';
import { GOLDEN_CASES } from './golden-cases.js';
import { comparePixels, decodePng, encodePng, PIXEL_TOLERANCE } from './golden-compare.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const referencesDir = path.join(here, 'references');
const diffsDir = path.join(here, 'diffs');
const updating = process.env.FLUVIE_GOLDEN_UPDATE === '1';

describe('golden frames', () => {
  for (const testCase of GOLDEN_CASES) {
    it(testCase.name, async () => {
      const { stream } = await capture(testCase.spec, { baseDir: here });
      try {
        for (const frame of testCase.frames) {
          const pixels = await stream.renderFrame!(frame);
          const file = path.join(referencesDir, `${testCase.name}-f${frame}.png`);
          if (updating) {
            mkdirSync(referencesDir, { recursive: true });
            writeFileSync(file, encodePng(pixels, stream.width, stream.height));
            continue;
          }
          expect(existsSync(file), `missing reference ${file}; run npm run golden:update`).toBe(true);
          const expected = await decodePng(readFileSync(file));
          expect([expected.width, expected.height]).toEqual([stream.width, stream.height]);
          const comparison = comparePixels(pixels, expected.pixels, stream.width, stream.height);
          if (comparison.differing / comparison.total > PIXEL_TOLERANCE) {
            mkdirSync(diffsDir, { recursive: true });
            writeFileSync(path.join(diffsDir, `${testCase.name}-f${frame}.actual.png`), encodePng(pixels, stream.width, stream.height));
            writeFileSync(path.join(diffsDir, `${testCase.name}-f${frame}.diff.png`), comparison.diff);
          }
          expect(comparison.differing / comparison.total, `frame ${frame} differs in ${comparison.differing} pixels; see ${diffsDir}`).toBeLessThanOrEqual(PIXEL_TOLERANCE);
        }
      } finally {
        await stream.close();
      }
    });
  }
});
