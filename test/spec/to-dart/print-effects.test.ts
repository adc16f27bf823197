import { describe, expect, it } from 'vitest';
import type { VideoSpec } from '../../../src/spec/index.js';
import { printVideoSpecDart } from '../../../src/spec/to-dart/index.js';
import { printChildren } from './print-test-helpers.js';

describe('element effects in Dart', () => {
  it('prints named effect factories', () => {
    const code = printChildren([
      {
        type: 'Box',
        effects: [
          { kind: 'grain', amount: 0.3 },
          { kind: 'grade', exposure: 0.1, saturation: 1.2 },
          { kind: 'glitch', intensity: 0.5, reverse: true, from: 'left' },
          { kind: 'shader', asset: 'shaders/a.frag', uniforms: { speed: 2 } },
          { kind: 'lut', cube: 'TITLE "x"', intensity: 1 },
        ],
        animate: [{ preset: 'fadeIn' }],
      },
    ]);
    expect(code).toContain(
      "Box().effects([Effect.grain(amount: 0.3), Effect.grade(exposure: 0.1, saturation: 1.2), Effect.glitch(intensity: 0.5, reverse: true, from: 'left'), Effect.shader(asset: 'shaders/a.frag', uniforms: {'speed': 2}), Effect.lut(cube: 'TITLE \"x\"', intensity: 1)]).animate([Animation.fadeIn()])",
    );
  });

  it('prints disabled and keyframed effects in spec form', () => {
    const code = printChildren([
      {
        type: 'Box',
        effects: [
          { kind: 'vignette', enabled: false, amount: 0.4 },
          { kind: 'blur', sigma: { values: [0, 8], positions: ['0f', '1s'] } },
          { kind: 'bloom', enabled: true, amount: { values: [0, 1], positions: ['0f', '10f'], easings: ['out'] } },
        ],
      },
    ]);
    expect(code).toContain("Effect.spec(EffectSpec(EffectSpecKind.vignette, enabled: false, params: {'amount': 0.4}))");
    expect(code).toContain("Effect.spec(EffectSpec(EffectSpecKind.blur, params: {'sigma': KeyframedNumber.linear(values: [0, 8], positions: [0.frames, 1.seconds])}))");
    expect(code).toContain(
      "Effect.spec(EffectSpec(EffectSpecKind.bloom, params: {'amount': KeyframedNumber(values: [0, 1], positions: [0.frames, 10.frames], easings: [Ease.out])}))",
    );
  });

  it('prints particles and curves in spec form', () => {
    const code = printChildren([
      {
        type: 'Box',
        effects: [
          { kind: 'particles', particles: { kind: 'snow', count: 40 } },
          { kind: 'curves', curves: { master: [[0, 0], [1, 0.9]] }, intensity: 0.5 },
        ],
      },
    ]);
    expect(code).toContain("Effect.spec(EffectSpec(EffectSpecKind.particles, params: {'particles': {'kind': 'snow', 'count': 40}}))");
    expect(code).toContain("Effect.spec(EffectSpec(EffectSpecKind.curves, params: {'curves': {'master': [[0, 0], [1, 0.9]]}, 'intensity': 0.5}))");
  });

  it('places effects inside Placed and animate', () => {
    const code = printChildren([{ type: 'Text', text: 'a', transform: { x: 0.5, y: 0.5 }, effects: [{ kind: 'chromatic', px: 2 }] }]);
    expect(code).toContain("Placed(placement: Placement(x: 0.5, y: 0.5), child: Text('a').effects([Effect.chromatic(px: 2)]))");
  });

  it('rejects a parameter name that is not an identifier', () => {
    // The validator drops unknown keys, so this builds the spec without it.
    const unvalidated = { scenes: [{ duration: '1s', children: [{ type: 'Box', effects: [{ kind: 'grain', 'x); exit(1); f(': 2 }] }] }] } as unknown as VideoSpec;
    expect(() => printVideoSpecDart(unvalidated)).toThrow('Cannot print scenes[0].children[0].effects[0] as Dart: "x); exit(1); f(" is not a grain parameter.');
  });
});
