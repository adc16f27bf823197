import { describe, expect, it } from 'vitest';
import { splitParts } from '../../../../src/core/engines/native/draw-split-text.js';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

describe('splitParts', () => {
  it('words keep their trailing spaces', () => {
    expect(splitParts('one two  three', 'word')).toEqual([['one ', 'two  ', 'three']]);
  });

  it('characters are grapheme clusters', () => {
    expect(splitParts('a👍🏽é', 'character')).toEqual([['a', '👍🏽', 'é']]);
  });

  it('lines split at newlines', () => {
    expect(splitParts('a b\nc', 'line')).toEqual([['a b'], ['c']]);
  });
});

describe('SplitText frames', () => {
  it('draws the same glyphs as the plain Text', async () => {
    const style = { fontSize: 28 };
    const split = await capture(sceneOf([{ type: 'SplitText', text: 'Split me', by: 'character', style }]));
    const plain = await capture(sceneOf([{ type: 'Text', text: 'Split me', style }]));
    const a = await split.stream.renderFrame!(0);
    const b = await plain.stream.renderFrame!(0);
    let differing = 0;
    for (let y = 0; y < 180; y += 1) for (let x = 0; x < 320; x += 1) if (Math.abs(pixel(a, 320, x, y)[0] - pixel(b, 320, x, y)[0]) > 40) differing += 1;
    expect(differing).toBeLessThan(60);
  });
});
