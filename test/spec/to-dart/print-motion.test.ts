import { describe, expect, it } from 'vitest';
import { printChildren, printError } from './print-test-helpers.js';

function animate(...animations: unknown[]): string {
  return printChildren([{ type: 'Box', animate: animations }], { audio: [{ kind: 'music', source: { kind: 'asset', value: 'bed.mp3' }, track: 'bed' }] });
}

describe('animations in Dart', () => {
  it('prints mask wipes and glitches', () => {
    const code = animate(
      { preset: 'maskWipeIn', shape: 'diagonal', origin: { x: -1, y: 0.5 }, duration: '10f' },
      { preset: 'glitchIn', from: 'top' },
      { preset: 'glitchOut', to: 'left', ease: 'snappy' },
    );
    expect(code).toContain('Animation.maskWipeIn(shape: WipeShape.diagonal, origin: Alignment(-1, 0.5), duration: 10.frames)');
    expect(code).toContain('Animation.glitchIn(from: Edge.top)');
    expect(code).toContain('Animation.glitchOut(to: Edge.left, ease: Ease.snappy)');
  });

  it('prints ambient presets with withEase', () => {
    const code = animate(
      { preset: 'float', amplitude: 0.1, period: '2s', seed: 'leaf', ease: 'smooth', duration: '1s', spring: 'bouncy' },
      { preset: 'spin', period: '1s', ease: 'in', delay: '5f' },
      { preset: 'float', seed: 7 },
    );
    expect(code).toContain("Animation.float(amplitude: 0.1, period: 2.seconds, seed: 'leaf').withEase(Ease.smooth)");
    expect(code).toContain('Animation.spin(period: 1.seconds, delay: 5.frames).withEase(Ease.in_)');
    expect(code).toContain('Animation.float()');
  });

  it('prints audio-reactive presets with track anchors', () => {
    const code = animate(
      { preset: 'pulse', on: 'bass', gain: 2, track: 'bed', min: 0.9, max: 1.1, period: '20f' },
      { preset: 'scaleY', on: 'treble', track: 'bed', ease: 'linear' },
    );
    expect(code).toContain("final bed = Anchor('bed');");
    expect(code).toContain('Animation.pulse(on: AudioBand.bass, gain: 2, track: bed, min: 0.9, max: 1.1, period: 20.frames)');
    expect(code).toContain('Animation.scaleY(on: AudioBand.treble, track: bed).withEase(Ease.linear)');
  });

  it('prints particles', () => {
    const code = animate({ preset: 'particles', spec: { kind: 'confetti', count: 80, seed: 'party', palette: ['#FF0000', '#00FF00'], maxSize: 6 } });
    expect(code).toContain("Animation.particles(Particles.confetti(count: 80, seed: 'party', palette: [Color(0xFFFF0000), Color(0xFF00FF00)], maxSize: 6))");
  });

  it('prints the keyframes form', () => {
    const code = animate({
      keyframes: [{ opacity: 0 }, { opacity: 1, scale: 1.2 }, { opacity: 1 }],
      easings: ['out', { cubic: [0.1, 0.2, 0.3, 1] }],
      positions: ['0f', '10f', '20f'],
      phase: 'enter',
      at: 'sceneStart',
      duration: '20f',
    });
    expect(code).toContain(
      'Animation.keyframes([Keyframe(opacity: 0), Keyframe(opacity: 1, scale: 1.2), Keyframe(opacity: 1)], easings: [Ease.out, Cubic(0.1, 0.2, 0.3, 1)], at: [0.frames, 10.frames, 20.frames], phase: AnimationPhase.enter, duration: 20.frames, trigger: Trigger.sceneStart)',
    );
  });

  it('prints springs and staggers', () => {
    const code = animate(
      { preset: 'pop', spring: { stiffness: 200, damping: 12, mass: 1 }, stagger: { evenly: '1s' }, label: 'pop it' },
      { preset: 'fadeIn', at: { kind: 'beat', every: 2, track: 'bed' }, repeat: { forever: true, yoyo: true } },
    );
    expect(code).toContain("Animation.pop(spring: Spring(stiffness: 200, damping: 12, mass: 1), stagger: Stagger.evenly(over: 1.seconds), label: 'pop it')");
    expect(code).toContain('Animation.fadeIn(at: Trigger.beat(every: 2, track: bed), repeat: Repeat.forever(yoyo: true))');
  });
});

describe('audio bands in Dart', () => {
  it('rejects a band Fluvie lacks', () => {
    const injected = { scenes: [{ duration: '1s', children: [{ type: 'Bars', band: 'bass, gain: exit(1)' }] }] };
    expect(printError(injected)).toBe('Cannot print scenes[0].children[0].band as Dart: Fluvie has no audio band "bass, gain: exit(1)"; use bass, mid or treble.');
  });

  it('rejects a pulse band Fluvie lacks', () => {
    const unknown = { scenes: [{ duration: '1s', children: [{ type: 'Box', animate: [{ preset: 'pulse', on: 'sub' }] }] }] };
    expect(printError(unknown)).toContain('children[0].animate[0].on as Dart: Fluvie has no audio band "sub"');
  });
});
