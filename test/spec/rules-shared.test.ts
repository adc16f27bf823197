import { describe, expect, it } from 'vitest';
import { validateSpec } from '../../src/spec/validate.js';

const hero = { type: 'Box', shared: 'hero' };

function problems(document: Record<string, unknown>): [string, string, string][] {
  return validateSpec({ fluvieSpec: 1, ...document })
    .diagnostics.filter((diagnostic) => diagnostic.code === 'invalid_shared')
    .map((diagnostic) => [diagnostic.path, diagnostic.severity, diagnostic.message]);
}

describe('checkSharedElements', () => {
  it('pair in adjacent scenes passes', () => {
    expect(problems({ scenes: [{ duration: '1s', children: [hero] }, { duration: '1s', fills: {}, children: [{ type: 'Group', children: [hero] }] }] })).toEqual([]);
  });

  it('name in one scene is an error', () => {
    expect(problems({ scenes: [{ duration: '1s', children: [hero] }, { duration: '1s' }] })).toEqual([
      ['scenes[0].children[0].shared', 'error', expect.stringContaining('appears only in scenes[0]') as unknown as string],
    ]);
  });

  it('name in three scenes is an error', () => {
    const scene = { duration: '1s', children: [hero] };
    expect(problems({ scenes: [scene, scene, scene] })[0]?.[2]).toMatch(/appears in scenes\[0\], scenes\[1\], scenes\[2\]; it may belong to at most two adjacent scenes/);
  });

  it('non-adjacent scenes are an error', () => {
    const scene = { duration: '1s', children: [hero] };
    expect(problems({ scenes: [scene, { duration: '1s' }, scene] })[0]?.[2]).toMatch(/not adjacent/);
  });

  it('shared overlay is an error', () => {
    expect(problems({ overlays: [hero], scenes: [{ duration: '1s' }] })).toEqual([['overlays[0].shared', 'error', expect.stringMatching(/an overlay cannot be shared/) as unknown as string]]);
  });

  it('shared master element is an error', () => {
    const found = problems({ masters: { deck: { children: [hero] } }, scenes: [{ duration: '1s', master: 'deck' }] });
    expect(found.map(([path]) => path)).toEqual(['masters.deck.children[0].shared']);
  });
});
