import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { VideoSpec } from '../../../src/spec/index.js';
import { printVideoSpecDart } from '../../../src/spec/to-dart/index.js';
import { identifierFor } from '../../../src/spec/to-dart/anchor-names.js';
import { dartEnum, dartString, dartTime } from '../../../src/spec/to-dart/dart-literals.js';
import { FluvieError } from '../../../src/core/errors.js';
import { readReferenceSpec, REFERENCE_SPEC_FILES } from '../reference-specs.js';
import { dartSyntaxProblems } from './dart-syntax-check.js';
import { oneLine, printSpec, spec } from './print-test-helpers.js';

function reference(name: string): VideoSpec {
  return spec(readReferenceSpec(name));
}

const HEADER = "import 'package:flutter/material.dart' hide Animation, Clip, Image, Tween;\nimport 'package:fluvie/fluvie.dart';\n\nVideo build() {\n";

describe('printVideoSpecDart on reference specs', () => {
  it('prints minimal', () => {
    expect(printVideoSpecDart(reference('minimal.fluvie.json'))).toBe(
      `${HEADER}  return Video(
    size: VideoSize.square,
    scenes: [
      Scene(
        duration: 60.frames,
        children: [Text('hello', style: TextStyle(color: Color(0xFFFFFFFF), fontSize: 48))],
      ),
    ],
  );
}
`,
    );
  });

  it('prints rich with a shared anchor', () => {
    expect(printVideoSpecDart(reference('rich.fluvie.json'))).toBe(
      `${HEADER}  final intro = Anchor('intro');
  return Video(
    size: VideoSize.hd,
    poster: 1.seconds,
    motionDefaults: Defaults(duration: 0.4.seconds, ease: Ease.smooth),
    transition: Transition.crossFade(0.5.seconds),
    scenes: [
      Scene(
        duration: 3.seconds,
        background: Background.gradient([Color(0xFF1A2980), Color(0xFF26D0CE)]),
        children: [
          Text(
            'Title',
            style: TextStyle(color: Color(0xFFFFFFFF), fontSize: 72, fontWeight: FontWeight.w700),
          ).animate([Animation.fadeIn(duration: 30.frames, ease: Ease.linear)], anchor: intro),
          Counter(to: 42, reveal: 1.seconds).animate([Animation.pop(at: Trigger.whenEnds(intro))]),
        ],
      ),
      Scene(
        duration: 2.seconds,
        enter: Transition.slide(0.4.seconds),
        children: [
          Box(color: Color(0xFF2ECC8F), size: Size(0.3, 0.2)).animate([Animation.slideFadeIn()]),
        ],
      ),
    ],
  );
}
`,
    );
  });

  it('prints positioned as Placed', () => {
    const code = printVideoSpecDart(reference('positioned.fluvie.json'));
    expect(code).toContain('size: VideoSize(320, 180),');
    expect(code).toContain('placement: Placement(x: 0.3, y: 0.6, width: 0.4, height: 0.3, rotation: 12),');
    expect(code).toContain('child: Box(color: Color(0xFF6C5CE7)),');
  });

  it('prints promo gradient alignments', () => {
    const code = printVideoSpecDart(reference('promo.fluvie.json'));
    expect(code).toContain('begin: Alignment.topCenter,');
    expect(code).toContain('fontWeight: FontWeight.bold');
    expect(code).toContain(').animate([Animation.fadeIn(duration: 1.5.seconds, delay: 0.5.seconds)]),');
  });

  it('names the first unprintable value', () => {
    let caught: unknown = null;
    try {
      printVideoSpecDart(spec({ scenes: [{ duration: '1s', children: [{ type: 'Box' }, { type: 'Mermaid', source: 'graph TD; A', theme: 'forest' }] }] }));
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FluvieError);
    expect((caught as FluvieError).code).toBe('unsupported_feature');
    expect((caught as FluvieError).message).toBe('Cannot print scenes[0].children[1].theme as Dart: Mermaid has no theme "forest"; use "dark" or "light".');
    expect((caught as FluvieError).details).toEqual({ path: 'scenes[0].children[1].theme' });
  });
});

describe('printVideoSpecDart details', () => {
  const base = { duration: '1s', children: [] };

  it('omits fps 30 and prints others', () => {
    expect(printVideoSpecDart(spec({ fps: 30, scenes: [base] }))).not.toContain('fps:');
    expect(printVideoSpecDart(spec({ fps: 24, scenes: [base] }))).toContain('return Video(fps: 24, scenes: [Scene(duration: 1.seconds)]);');
  });

  it('escapes strings so they cannot break out', () => {
    const code = printVideoSpecDart(spec({ scenes: [{ duration: '1s', children: [{ type: 'Text', text: "it's $x \\ \n\u0001" }] }] }));
    expect(code).toContain("Text('it\\'s \\$x \\\\ \\n\\u{1}')");
  });

  it('declares one variable per anchor id', () => {
    const code = printVideoSpecDart(
      spec({
        scenes: [
          {
            duration: '2s',
            children: [
              { type: 'Text', text: 'a', anchor: 'hero-title', animate: [{ preset: 'fadeIn' }] },
              { type: 'Text', text: 'b', anchor: 'hero title' },
              { type: 'Box', anchor: 'final', animate: [{ preset: 'fadeIn', at: { kind: 'whenStarts', anchor: 'hero-title' } }] },
            ],
          },
        ],
      }),
    );
    expect(code).toContain("  final heroTitle = Anchor('hero-title');\n  final heroTitle1 = Anchor('hero title');\n  final final1 = Anchor('final');\n");
    expect(code).toContain('Trigger.whenStarts(heroTitle)');
    expect(code.match(/Anchor\('hero-title'\)/g)).toHaveLength(1);
  });

  it('prints transitions, export and keyframes', () => {
    const code = printVideoSpecDart(
      spec({
        export: { mode: 'gif', fps: 12 },
        transition: { kind: 'wipe', duration: '10f', direction: 'left', overlap: false, ease: 'in' },
        scenes: [
          base,
          {
            duration: '1s',
            children: [{ type: 'Box', animate: [{ from: { opacity: 0, x: -0.5 }, to: { opacity: 1 }, duration: '0.2r@1s', repeat: { times: 2, yoyo: true } }] }],
          },
        ],
      }),
    );
    expect(code).toContain('export: Export.gif(fps: 12),');
    expect(code).toContain('transition: Transition.wipe(10.frames, direction: Edge.left, overlap: false, ease: Ease.in_),');
    expect(code).toContain(
      'Animation.fromTo(\n                Keyframe(opacity: 0, x: -0.5),\n                Keyframe(opacity: 1),\n                duration: Time.relative(0.2, max: 1.seconds),\n                repeat: Repeat.times(2, yoyo: true),\n              ),',
    );
  });
});

describe('dart literals', () => {
  it('turns times into Fluvie sugar', () => {
    const cases: Array<[string, string]> = [
      ['30f', '30.frames'],
      ['2.5s', '2.5.seconds'],
      ['6.0s', '6.seconds'],
      ['500ms', '500.ms'],
      ['0.3r', '0.3.relative'],
      ['.5r@2s', 'Time.relative(0.5, max: 2.seconds)'],
    ];
    for (const [input, expected] of cases) expect(dartTime(input, 'x')).toEqual({ kind: 'raw', text: expected });
  });

  it('quotes line separators', () => {
    expect(dartString('a\u2028b')).toEqual({ kind: 'raw', text: "'a\\u{2028}b'" });
  });

  it('makes identifiers from ids', () => {
    expect(identifierFor('intro')).toBe('intro');
    expect(identifierFor('Hero_Title-2')).toBe('heroTitle2');
    expect(identifierFor('2nd')).toBe('a2nd');
    expect(identifierFor('---')).toBe('anchor');
  });
});

describe('printVideoSpecDart audio and effects', () => {
  it('drops muted lanes and applies gain', () => {
    const code = printVideoSpecDart(
      spec({
        lanes: [{ id: 'quiet', gain: 0.5 }, { id: 'off', muted: true }],
        audio: [
          { kind: 'music', source: { kind: 'asset', value: 'a.mp3' }, lane: 'quiet', volume: 0.8 },
          { kind: 'music', source: { kind: 'asset', value: 'b.mp3' }, lane: 'off' },
        ],
        scenes: [{ duration: '1s' }],
      }),
    );
    expect(code).toContain("audio: [Audio.music('a.mp3', volume: 0.4)]");
    expect(code).not.toContain('b.mp3');
  });

  it('prints effect and path presets', () => {
    const code = printVideoSpecDart(
      spec({
        scenes: [
          {
            duration: '1s',
            children: [
              {
                type: 'Box',
                animate: [
                  { preset: 'color', to: '#FF0000' },
                  { preset: 'chromatic' },
                  { preset: 'shader', asset: 'shaders/wave.frag', uniforms: { speed: 2 } },
                  { preset: 'along', path: 'M0 0 L10 10', orient: false, phase: 'during' },
                ],
              },
            ],
          },
        ],
      }),
    );
    expect(code).toContain('Animation.color(to: Color(0xFFFF0000))');
    expect(code).toContain('Animation.chromatic(0)');
    expect(code).toContain("Animation.shader('shaders/wave.frag', uniforms: {'speed': 2})");
    expect(code).toContain("Animation.along(\n                pathFromSvg('M0 0 L10 10'),\n                orient: false,\n                phase: AnimationPhase.during,\n              ),");
  });

  it('prints rich text spans', () => {
    const code = printVideoSpecDart(
      spec({ scenes: [{ duration: '1s', children: [{ type: 'Text', spans: [{ text: 'Go ' }, { text: 'here', link: 'https://x.dev', style: { color: '#00FF00' } }] }] }] }),
    );
    expect(code).toContain("TextSpan(text: 'Go ')");
    expect(code).toContain(
      "TextSpan(\n                  text: 'here',\n                  style: TextStyle(color: Color(0xFF00FF00), decoration: TextDecoration.underline),\n                  semanticsLabel: 'here, link to https://x.dev',\n                ),",
    );
  });
});

describe('printVideoSpecDart annotations', () => {
  it('prints shapes, arrows, bars and a titled card', () => {
    const code = printVideoSpecDart(
      spec({
        audio: [{ kind: 'music', source: { kind: 'asset', value: 'bed.mp3' }, track: 'bed' }],
        scenes: [
          {
            duration: '1s',
            children: [
              { type: 'Shape', kind: 'rect', rect: { x: 0, y: 0, w: 10, h: 5 }, color: '#FF0000', strokeWidth: 2 },
              { type: 'Shape', kind: 'circle', center: { x: 4, y: 4 }, radius: 3 },
              { type: 'Arrow', from: { x: 0, y: 0 }, to: { x: 10, y: 10 }, headLength: 8, reveal: '0.5s' },
              { type: 'Bars', count: 12, band: 'treble', track: 'bed' },
              { type: 'TitleCard', title: 'Hi', subtitle: 'there', child: { type: 'Box', color: '#000000' } },
            ],
          },
        ],
      }),
    );
    expect(code).toContain('Shape.rect(rect: Rect.fromLTWH(0, 0, 10, 5), color: Color(0xFFFF0000), strokeWidth: 2)');
    expect(code).toContain('Shape.circle(center: Offset(4, 4), radius: 3)');
    expect(code).toContain('Arrow.to(from: Offset(0, 0), to: Offset(10, 10), headLength: 8, reveal: 0.5.seconds)');
    expect(code).toContain('Bars(count: 12, band: AudioBand.treble, track: bed)');
    expect(code).toContain("TitleCard(title: 'Hi', subtitle: 'there', child: Box(color: Color(0xFF000000)))");
    expect(code.match(/Anchor\('bed'\)/g)).toHaveLength(1);
  });
});

const GOLDEN_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/to-dart');

/** Reads a committed golden, or rewrites it when UPDATE_DART_GOLDENS=1 (then review the diff). */
function expectGolden(code: string, name: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_DART_GOLDENS === '1') writeFileSync(file, code);
  expect(code).toBe(readFileSync(file, 'utf8'));
}

describe('printVideoSpecDart goldens', () => {
  const references: Array<[string, string]> = [
    ['audio_tracks.fluvie.json', 'audio_tracks.dart'],
    ['show_windows.fluvie.json', 'show_windows.dart'],
    ['wave2_surfaces.fluvie.json', 'wave2_surfaces.dart'],
    ['preset_sweep.fluvie.json', 'preset_sweep.dart'],
  ];
  for (const [input, golden] of references) {
    it(`prints ${input} as committed`, () => {
      expectGolden(printVideoSpecDart(reference(input)), golden);
    });
  }

  it('prints the feature fixture as committed', () => {
    const input = JSON.parse(readFileSync(path.join(GOLDEN_DIR, 'everything.fluvie.json'), 'utf8')) as unknown;
    expectGolden(printVideoSpecDart(spec(input)), 'everything.dart');
  });
});

describe('printVideoSpecDart on every reference spec', () => {
  it('finds the reference specs', () => {
    expect(REFERENCE_SPEC_FILES.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of REFERENCE_SPEC_FILES) {
    it(`prints ${name} as balanced Dart`, () => {
      const code = printVideoSpecDart(reference(name));
      expect(code.startsWith(HEADER) || code.startsWith('//')).toBe(true);
      expect(code.endsWith('  );\n}\n')).toBe(true);
      expect(dartSyntaxProblems(code)).toEqual([]);
    });

    it(`prints ${name} deterministically`, () => {
      const parsed = reference(name);
      const first = printVideoSpecDart(parsed);
      expect(printVideoSpecDart(structuredClone(parsed))).toBe(first);
      expect(printVideoSpecDart(parsed)).toBe(first);
    });
  }
});

describe('printVideoSpecDart document features', () => {
  it('prints overlays before scenes', () => {
    const code = printSpec({ overlays: [{ type: 'Text', text: 'LIVE', anchor: 'live' }], scenes: [{ duration: '1s', children: [{ type: 'Box', animate: [{ preset: 'fadeIn', at: { kind: 'whenEnds', anchor: 'live' } }] }] }] });
    expect(oneLine(code)).toContain("overlays: [Text('LIVE').animate([], anchor: live)], scenes: [");
    expect(code.indexOf("final live = Anchor('live');")).toBeLessThan(code.indexOf('return Video('));
  });

  it('wraps children for element transitions', () => {
    const code = oneLine(
      printSpec({
        scenes: [
          {
            duration: '2s',
            transitions: [{ kind: 'cut', between: ['x', 'y'] }],
            children: [
              { type: 'Box', id: 'x' },
              { type: 'Box', id: 'y' },
            ],
          },
        ],
      }),
    );
    expect(code).toContain(
      "children: [ClipTransitionGroup(children: [ElementId(id: 'x', child: Box()), ElementId(id: 'y', child: Box())], transitions: [ClipTransition(outgoing: 'x', incoming: 'y', transition: Transition.cut())])]",
    );
  });

  it('comments on lanes, steps and notes', () => {
    const code = printSpec({
      lanes: [{ id: 'b' }, { id: 'a', muted: true }],
      scenes: [{ duration: '1s', notes: { text: 'hi' } }, { duration: '1s', steps: [{ elements: [] }, { elements: [] }] }],
    });
    expect(code.split('\n').slice(0, 2)).toEqual([
      '// The spec has 2 build steps and speaker notes; plain Fluvie code has no form for them, so this video plays straight through.',
      "// The spec has 2 timeline lanes; they only arrange an editor's timeline, and lane gains are applied to the volumes. Audio on the muted lane a is left out, as a render leaves it out.",
    ]);
  });

  it('prints gradient stops and encoder options', () => {
    const code = oneLine(
      printSpec({
        export: { mode: 'mp4', codec: 'h264', preset: 'veryfast', pixelFormat: 'yuv444p', crf: 18 },
        scenes: [{ duration: '1s', background: { kind: 'gradient', colors: ['#000000', '#FFFFFF'], stops: [0.25, 0.75], begin: { x: -1, y: 0 } } }],
      }),
    );
    expect(code).toContain('export: Export.mp4(codec: ExportCodec.h264, crf: 18, preset: EncoderPreset.veryfast, pixelFormat: ExportPixelFormat.yuv444p)');
    expect(code).toContain('Background.gradient([Color(0xFF000000), Color(0xFFFFFFFF)], stops: [0.25, 0.75], begin: Alignment(-1, 0))');
  });

  it('rejects an encoder value Fluvie lacks', () => {
    let message = '';
    try {
      printVideoSpecDart(spec({ export: { mode: 'mp4', codec: 'libx264' }, scenes: [{ duration: '1s' }] }));
    } catch (error: unknown) {
      message = (error as Error).message;
    }
    expect(message).toBe('Cannot print export.codec as Dart: Fluvie has no ExportCodec "libx264"; use one of h264, h265.');
  });

  it('escapes hostile strings everywhere', () => {
    const hostile = "a'b\"c$d${e}\\f\ng\u0000h\u2029*/ // end";
    const code = printSpec({
      lanes: [{ id: hostile, muted: true }],
      scenes: [
        {
          duration: '1s',
          children: [
            { type: 'Text', text: hostile, id: hostile },
            { type: 'Box', id: hostile, visible: false },
            { type: 'Snapshot', child: { type: 'Box', id: hostile, visible: false } },
            { type: 'Chart', variant: 'pie', data: { [hostile]: 1 } },
            { type: 'Terminal', lines: [{ cmd: hostile, prompt: hostile }] },
          ],
        },
      ],
    });
    expect(code).toContain("'a\\'b\"c\\$d\\${e}\\\\f\\ng\\u{0}h\\u{2029}*/ // end'");
    expect(code).not.toContain('\u2029');
    expect(code.split('\n').filter((line) => line.trimStart().startsWith('// hidden'))).toHaveLength(1);
  });
});

describe('dartEnum', () => {
  it('rejects values that are not identifiers', () => {
    expect(dartEnum('BoxFit', 'cover')).toEqual({ kind: 'raw', text: 'BoxFit.cover' });
    expect(() => dartEnum('BoxFit', 'cover); exit(1', 'fit')).toThrow('Cannot print fit as Dart: "cover); exit(1" is not a BoxFit value.');
  });
});

describe('printVideoSpecDart on the example specs', () => {
  const exampleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples');
  const examples = readdirSync(exampleDir).filter((name) => name.endsWith('.fluvie.json'));

  it('finds the example specs', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const name of examples) {
    it(`prints examples/${name} as balanced Dart`, () => {
      const input = JSON.parse(readFileSync(path.join(exampleDir, name), 'utf8')) as unknown;
      expect(dartSyntaxProblems(printVideoSpecDart(spec(input)))).toEqual([]);
    });
  }
});
