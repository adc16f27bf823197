import { describe, expect, it } from 'vitest';
import type { VideoSpec } from '../../../src/spec/index.js';
import { applyMasters } from '../../../src/spec/to-dart/resolve-masters.js';
import { DartPrintError } from '../../../src/spec/to-dart/dart-print-error.js';
import { oneLine, printSpec, spec } from './print-test-helpers.js';

const MASTERS = {
  title: {
    background: { kind: 'color', color: '#101010' },
    children: [
      { type: 'Box', color: '#222222' },
      { type: 'Placeholder', slot: 'headline', transform: { x: 0.5, y: 0.2 }, style: { fontSize: 60, color: '#FFFFFF' } },
      { type: 'Placeholder', slot: 'logo', transform: { x: 0.9, y: 0.9 } },
    ],
  },
};

describe('applyMasters', () => {
  it('replaces placeholders with fills', () => {
    const input = spec({
      masters: MASTERS,
      scenes: [
        {
          duration: '1s',
          master: 'title',
          fills: { headline: { type: 'Text', text: 'Hello', style: { fontSize: 80 } } },
          children: [{ type: 'Text', text: 'own' }],
        },
      ],
    });
    const { spec: resolved, applied } = applyMasters(input);

    expect(applied).toEqual(['title']);
    expect(resolved.masters).toBeUndefined();
    const [scene] = resolved.scenes;
    expect(scene?.master).toBeUndefined();
    expect(scene?.fills).toBeUndefined();
    expect(scene?.background).toEqual({ kind: 'color', color: '#101010' });
    expect(scene?.children).toEqual([
      { type: 'Box', color: '#222222' },
      { type: 'Text', text: 'Hello', transform: { x: 0.5, y: 0.2 }, style: { fontSize: 80, color: '#FFFFFF' } },
      { type: 'Text', text: 'own' },
    ]);
  });

  it('keeps the scene background and fill transform', () => {
    const input = spec({
      masters: MASTERS,
      scenes: [{ duration: '1s', master: 'title', background: { kind: 'vhs' }, fills: { logo: { type: 'Box', transform: { x: 0.1, y: 0.1 } } } }],
    });
    const [scene] = applyMasters(input).spec.scenes;

    expect(scene?.background).toEqual({ kind: 'vhs' });
    expect(scene?.children?.[1]).toEqual({ type: 'Box', transform: { x: 0.1, y: 0.1 } });
  });

  it('leaves the input unchanged', () => {
    const input = spec({ masters: MASTERS, scenes: [{ duration: '1s', master: 'title' }] });
    const copy = structuredClone(input);
    applyMasters(input);
    expect(input).toEqual(copy);
  });

  it('rejects an unknown master', () => {
    const unvalidated = { scenes: [{ duration: '1s', master: 'missing' }] } as VideoSpec;
    expect(() => applyMasters(unvalidated)).toThrow(DartPrintError);
    expect(() => applyMasters(unvalidated)).toThrow('Cannot print scenes[0].master as Dart: master "missing" is not defined (the document defines no "masters").');
  });

  it('rejects a fill for an unknown slot', () => {
    const unvalidated = { masters: MASTERS, scenes: [{ duration: '1s', master: 'title', fills: { footer: { type: 'Box' } } }] } as unknown as VideoSpec;
    expect(() => applyMasters(unvalidated)).toThrow('Cannot print scenes[0].fills.footer as Dart: master "title" has no slot "footer".');
  });
});

describe('masters in printed Dart', () => {
  it('prints the resolved scene with a header comment', () => {
    const code = printSpec({ masters: MASTERS, scenes: [{ duration: '1s', master: 'title', fills: { headline: { type: 'Text', text: 'Hi' } } }] });

    expect(code.startsWith('// Master "title" is applied to the scenes that use it.\nimport ')).toBe(true);
    expect(oneLine(code)).toContain(
      "Scene(duration: 1.seconds, background: Background.color(Color(0xFF101010)), children: [Box(color: Color(0xFF222222)), Placed(placement: Placement(x: 0.5, y: 0.2), child: Text('Hi', style: TextStyle(color: Color(0xFFFFFFFF), fontSize: 60)))])",
    );
  });
});
