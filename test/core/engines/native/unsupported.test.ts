import { describe, expect, it } from 'vitest';
import { findUnsupportedFeatures } from '../../../../src/core/engines/native/unsupported.js';
import { parseSpec, referenceSpec } from './native-helpers.js';

describe('findUnsupportedFeatures', () => {
  it('wave2_surfaces lists every element with its path', () => {
    const found = findUnsupportedFeatures(referenceSpec('wave2_surfaces'));
    expect(found.map((item) => [item.path, item.feature])).toEqual([
      ['scenes[0].children[0]', 'Mermaid element'],
      ['scenes[0].children[1]', 'WebView element'],
      ['scenes[0].children[2]', 'Html element'],
    ]);
    expect(found[0]!.reason).toMatch(/browser/);
  });

  it('preset_sweep draws every preset', () => {
    expect(findUnsupportedFeatures(referenceSpec('preset_sweep'))).toEqual([]);
  });

  it('rich draws its Counter', () => {
    const found = findUnsupportedFeatures(referenceSpec('rich'));
    expect(found.map((item) => item.path)).not.toContain('scenes[0].children[1]');
  });

  it('child props with windows and animations are drawn', () => {
    const spec = parseSpec({
      fluvieSpec: 1,
      scenes: [{ duration: '1s', children: [{ type: 'TitleCard', title: 't', child: { type: 'Box', show: { from: '5f' }, animate: [{ preset: 'fadeIn' }] } }] }],
    });
    expect(findUnsupportedFeatures(spec)).toEqual([]);
  });

  it('themes, masters, overlays and shared elements are drawn', () => {
    const spec = parseSpec({
      fluvieSpec: 1,
      theme: { palette: { accent: '#FF112233' }, typeScale: { title: { fontSize: 30 } } },
      masters: { deck: { children: [{ type: 'Text', text: 'logo' }, { type: 'Placeholder', slot: 'body' }] } },
      overlays: [{ type: 'Box', color: { token: 'accent' } }],
      scenes: [
        { duration: '1s', master: 'deck', fills: { body: { type: 'Text', text: 'x', style: { token: 'title' } } }, children: [{ type: 'Box', shared: 'logo' }] },
        { duration: '1s', children: [{ type: 'Box', shared: 'logo' }] },
      ],
    });
    expect(findUnsupportedFeatures(spec)).toEqual([]);
  });

  it('overlays, master children and fills are checked', () => {
    const spec = parseSpec({
      fluvieSpec: 1,
      masters: { deck: { children: [{ type: 'Mermaid', source: 'graph TD; a-->b' }, { type: 'Placeholder', slot: 'body' }] } },
      overlays: [{ type: 'Html', source: '<p>x</p>' }],
      scenes: [{ duration: '1s', master: 'deck', fills: { body: { type: 'WebView', uri: 'https://example.com' } } }],
    });
    expect(findUnsupportedFeatures(spec).map((item) => item.path)).toEqual(['overlays[0]', 'masters.deck.children[0]', 'scenes[0].fills.body']);
  });

  it('element transitions inside a Group are drawn', () => {
    const clip = (id: string) => ({ type: 'Clip', id, source: { kind: 'file', value: '/tmp/a.mp4' } });
    const spec = parseSpec({
      fluvieSpec: 1,
      scenes: [{ duration: '2s', children: [{ type: 'Group', children: [clip('a'), clip('b')] }], transitions: [{ kind: 'crossFade', duration: '5f', between: ['a', 'b'] }] }],
    });
    expect(findUnsupportedFeatures(spec)).toEqual([]);
  });

  it('drawable reference specs have nothing unsupported', () => {
    for (const name of ['minimal', 'promo', 'positioned']) expect(findUnsupportedFeatures(referenceSpec(name))).toEqual([]);
  });

  it('audio, effects, triggers and decorations are listed', () => {
    const spec = parseSpec({
      fluvieSpec: 1,
      audio: [{ kind: 'music', source: { kind: 'asset', value: 'a.mp3' }, track: 'bed' }],
      scenes: [
        {
          duration: '1s',
          background: { kind: 'noise' },
          children: [
            { type: 'Text', text: 'x', style: { color: { token: 'accent' } }, effects: [{ kind: 'grain', amount: 0.2 }, { kind: 'shader', asset: 'shaders/ripple.frag' }] },
            { type: 'Box', decoration: { color: '#FFFFFF' }, animate: [{ preset: 'fadeIn', at: { kind: 'beat', track: 'bed' } }] },
            { type: 'Group', children: [{ type: 'Image', source: { kind: 'network', value: 'https://example.com/a.png' } }] },
            { type: 'Box', anchor: 'a', animate: [{ from: { opacity: 0 } }, { preset: 'pulse', on: 'bass' }, { preset: 'shader', asset: 'shaders/ripple.frag' }] },
            { type: 'Box', effects: [{ kind: 'blur', sigma: { values: [0, 4], positions: ['0s', '1s'] } }] },
          ],
        },
        { duration: '1s', enter: { kind: 'wipe', duration: '10f' } },
      ],
    });
    expect(findUnsupportedFeatures(spec).map((item) => [item.path, item.feature])).toEqual([
      ['scenes[0].children[0].effects[1]', 'shader effect'],
      ['scenes[0].children[2].children[0].source', 'network image source'],
      ['scenes[0].children[3].animate[2]', 'shader animation'],
    ]);
  });

  it('shader reason names the missing runtime', () => {
    const spec = parseSpec({ fluvieSpec: 1, scenes: [{ duration: '1s', children: [{ type: 'Box', effects: [{ kind: 'shader', asset: 'shaders/ripple.frag' }] }] }] });
    expect(findUnsupportedFeatures(spec)[0]?.reason).toMatch(/needs Flutter's FragmentProgram to run a compiled \.frag shader/);
  });

  it('particles, curves and lut are drawn', () => {
    const spec = parseSpec({
      fluvieSpec: 1,
      scenes: [
        {
          duration: '1s',
          children: [
            {
              type: 'Box',
              effects: [
                { kind: 'particles', particles: { kind: 'snow' } },
                { kind: 'curves', curves: { master: [[0, 0], [1, 1]] } },
                { kind: 'lut', cube: 'LUT_3D_SIZE 2' },
              ],
              animate: [{ preset: 'particles', spec: { kind: 'confetti' } }],
            },
          ],
        },
      ],
    });
    expect(findUnsupportedFeatures(spec)).toEqual([]);
  });
});
