import { describe, expect, it } from 'vitest';
import type { VideoSpec } from '../../../src/spec/index.js';
import { applyTheme } from '../../../src/spec/to-dart/resolve-theme.js';
import { oneLine, printSpec, spec } from './print-test-helpers.js';

const THEME = {
  palette: { accent: '#FF5500', ink: '#101010' },
  typeScale: { title: { fontSize: 72, fontWeight: 'bold', color: { token: 'ink' } } },
  motion: { duration: '0.5s', ease: 'gentle' },
};

describe('applyTheme', () => {
  it('resolves colour and style tokens', () => {
    const input = spec({
      theme: THEME,
      scenes: [
        {
          duration: '1s',
          background: { kind: 'gradient', colors: [{ token: 'accent' }, '#000000'] },
          children: [
            { type: 'Text', text: 'a', style: { token: 'title', fontSize: 90 } },
            { type: 'Box', color: { token: 'accent' }, animate: [{ preset: 'color', to: { token: 'ink' } }] },
          ],
        },
      ],
    });
    const { spec: resolved, resolved: changed } = applyTheme(input);

    expect(changed).toBe(true);
    expect(resolved.theme).toBeUndefined();
    const [scene] = resolved.scenes;
    expect(scene?.background).toEqual({ kind: 'gradient', colors: ['#FF5500', '#000000'] });
    expect(scene?.children?.[0]).toEqual({ type: 'Text', text: 'a', style: { fontSize: 90, fontWeight: 'bold', color: '#101010' } });
    expect(scene?.children?.[1]).toEqual({ type: 'Box', color: '#FF5500', animate: [{ preset: 'color', to: '#101010' }] });
  });

  it('merges theme motion under motionDefaults', () => {
    const { spec: resolved } = applyTheme(spec({ theme: THEME, motionDefaults: { duration: '1s' }, scenes: [{ duration: '1s' }] }));
    expect(resolved.motionDefaults).toEqual({ duration: '1s', ease: 'gentle' });
  });

  it('reports no change without tokens', () => {
    expect(applyTheme(spec({ scenes: [{ duration: '1s' }] })).resolved).toBe(false);
  });

  it('leaves shader uniforms alone', () => {
    const input = { theme: THEME, scenes: [{ duration: '1s', children: [{ type: 'Box', effects: [{ kind: 'shader', asset: 'a.frag', uniforms: { token: 'x' } }] }] }] } as unknown as VideoSpec;
    expect(applyTheme(input).spec.scenes[0]?.children?.[0]).toEqual({ type: 'Box', effects: [{ kind: 'shader', asset: 'a.frag', uniforms: { token: 'x' } }] });
  });

  it('rejects an unknown colour token', () => {
    const unvalidated = { theme: THEME, scenes: [{ duration: '1s', children: [{ type: 'Box', color: { token: 'nope' } }] }] } as unknown as VideoSpec;
    expect(() => applyTheme(unvalidated)).toThrow('Cannot print scenes[0].children[0].color.token as Dart: colour token "nope" is not defined in theme.palette (defined: accent, ink); add it to the palette or use a hex colour.');
  });

  it('rejects a token without a theme', () => {
    const unvalidated = { scenes: [{ duration: '1s', children: [{ type: 'Text', text: 'a', style: { token: 'title' } }] }] } as unknown as VideoSpec;
    expect(() => applyTheme(unvalidated)).toThrow('Cannot print scenes[0].children[0].style.token as Dart: style token "title" is not defined in theme.typeScale (it is empty); add it to the type scale or remove "token".');
  });
});

describe('theme in printed Dart', () => {
  it('prints literals with a header comment', () => {
    const code = printSpec({ theme: THEME, scenes: [{ duration: '1s', children: [{ type: 'Text', text: 'a', style: { token: 'title' } }] }] });

    expect(code.startsWith('// Theme tokens are resolved to literal values in this code.\n')).toBe(true);
    expect(oneLine(code)).toContain('motionDefaults: Defaults(duration: 0.5.seconds, ease: Ease.gentle)');
    expect(oneLine(code)).toContain("Text('a', style: TextStyle(color: Color(0xFF101010), fontSize: 72, fontWeight: FontWeight.bold))");
  });
});
