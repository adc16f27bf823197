import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/spec/diagnostics.js';
import { validateSpec, type ValidateOptions } from '../../src/spec/validate.js';
import { readReferenceSpec, REFERENCE_SPEC_FILES } from './reference-specs.js';

type Json = Record<string, unknown>;

/** Returns the object at `path` inside a test document, for editing in place. */
function node(root: Json, ...path: (string | number)[]): Json {
  let current: unknown = root;
  for (const key of path) current = (current as Record<string | number, unknown>)[key];
  return current as Json;
}

/** Returns the array at `path` inside a test document. */
function list(root: Json, ...path: (string | number)[]): unknown[] {
  return node(root, ...path) as unknown as unknown[];
}

function baseSpec(): Json {
  return {
    fluvieSpec: 1,
    size: 'square',
    fps: 30,
    scenes: [{ duration: '60f', children: [{ type: 'Text', text: 'hello', style: { color: '#FFFFFF', fontSize: 48 } }] }],
  };
}

function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
}

describe('validateSpec on reference documents', () => {
  it('finds all eight', () => {
    expect(REFERENCE_SPEC_FILES).toHaveLength(8);
  });

  it.each(REFERENCE_SPEC_FILES)('%s has no problems', (name) => {
    const report = validateSpec(readReferenceSpec(name));

    expect(report.diagnostics).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.spec).not.toBeNull();
  });
});

interface InvalidCase {
  readonly name: string;
  readonly edit: (spec: Json) => void;
  readonly path: string;
  readonly message: string;
  readonly code?: string;
  readonly options?: ValidateOptions;
}

const scene0 = 'scenes[0]';
const text0 = 'scenes[0].children[0]';

const invalidCases: InvalidCase[] = [
  { name: 'zero duration', edit: (s) => (node(s, 'scenes', 0).duration = '0f'), path: `${scene0}.duration`, message: 'greater than zero', code: 'zero_duration' },
  { name: 'duration rounding to zero', edit: (s) => (node(s, 'scenes', 0).duration = '10ms'), path: `${scene0}.duration`, message: 'rounds to 0 frames', code: 'zero_duration' },
  { name: 'missing duration', edit: (s) => delete node(s, 'scenes', 0).duration, path: `${scene0}.duration`, message: 'missing required property "duration"' },
  { name: 'relative scene duration', edit: (s) => (node(s, 'scenes', 0).duration = '0.5r'), path: `${scene0}.duration`, message: '"0.5r" is relative', code: 'relative_duration' },
  { name: 'duration as a number', edit: (s) => (node(s, 'scenes', 0).duration = 5), path: `${scene0}.duration`, message: 'expected a duration such as "90f" or "3s", got 5' },
  { name: 'colour as a number', edit: (s) => (node(s, 'scenes', 0, 'children', 0, 'style').color = 5), path: `${text0}.style.color`, message: 'expected a colour such as "#FF8800"' },
  { name: 'media source as a string', edit: (s) => list(s, 'scenes', 0, 'children').push({ type: 'Image', source: 'a.png' }), path: 'scenes[0].children[1].source', message: 'expected a media source {"kind"' },
  { name: 'bad time string', edit: (s) => (node(s, 'scenes', 0).duration = '2 sec'), path: `${scene0}.duration`, message: 'invalid time "2 sec"' },
  { name: 'unknown element type', edit: (s) => (node(s, 'scenes', 0, 'children', 0).type = 'Txt'), path: `${text0}.type`, message: 'unknown element type "Txt"; expected one of Text,', code: 'unknown_type' },
  { name: 'missing element type', edit: (s) => delete node(s, 'scenes', 0, 'children', 0).type, path: `${text0}.type`, message: 'missing "type"' },
  { name: 'bad colour', edit: (s) => (node(s, 'scenes', 0, 'children', 0, 'style').color = '#FFF'), path: `${text0}.style.color`, message: 'invalid colour "#FFF": expected "#RRGGBB" or "#AARRGGBB"' },
  { name: 'named colour', edit: (s) => (node(s, 'scenes', 0).background = { kind: 'color', color: 'red' }), path: `${scene0}.background.color`, message: 'invalid colour "red"' },
  { name: 'odd width for mp4', edit: (s) => (s.size = { width: 641, height: 360 }), path: 'size.width', message: 'width 641 is odd', code: 'odd_size' },
  { name: 'odd height names the nearest even', edit: (s) => (s.size = { width: 640, height: 361 }), path: 'size.height', message: 'use 360 or 362' },
  { name: 'odd size for transparent', edit: (s) => (s.size = { width: 641, height: 360 }), path: 'size.width', message: 'yuva420p', options: { format: 'transparent' } },
  {
    name: 'missing anchor',
    edit: (s) => (node(s, 'scenes', 0, 'children', 0).animate = [{ preset: 'fadeIn', at: { kind: 'whenEnds', anchor: 'intro' } }]),
    path: `${text0}.animate[0].at.anchor`,
    message: 'anchor "intro" is not defined',
    code: 'missing_anchor',
  },
  {
    name: 'renamed trigger after',
    edit: (s) => (node(s, 'scenes', 0, 'children', 0).animate = [{ preset: 'fadeIn', at: { kind: 'after', anchor: 'intro' } }]),
    path: `${text0}.animate[0].at.kind`,
    message: '"after" was renamed to "whenEnds"',
    code: 'renamed',
  },
  { name: 'renamed slideFade', edit: (s) => (node(s, 'scenes', 0, 'children', 0).animate = [{ preset: 'slideFade', from: 'left' }]), path: `${text0}.animate[0].preset`, message: '"slideFade" was renamed to "slideFadeIn"', code: 'renamed' },
  { name: 'renamed maskWipe', edit: (s) => (node(s, 'scenes', 0, 'children', 0).animate = [{ preset: 'maskWipe' }]), path: `${text0}.animate[0].preset`, message: '"maskWipe" was renamed to "maskWipeIn"', code: 'renamed' },
  { name: 'renamed spin per', edit: (s) => (node(s, 'scenes', 0, 'children', 0).animate = [{ preset: 'spin', per: '2s' }]), path: `${text0}.animate[0].per`, message: '"per" of preset "spin" was renamed to "period"', code: 'renamed' },
  { name: 'renamed float frequency', edit: (s) => (node(s, 'scenes', 0, 'children', 0).animate = [{ preset: 'float', frequency: '2s' }]), path: `${text0}.animate[0].frequency`, message: 'renamed to "period"', code: 'renamed' },
  { name: 'fps 0', edit: (s) => (s.fps = 0), path: 'fps', message: '0 is out of range: expected an integer from 1 to 120' },
  { name: 'fps 121', edit: (s) => (s.fps = 121), path: 'fps', message: '121 is out of range: expected an integer from 1 to 120' },
  { name: 'fractional fps', edit: (s) => (s.fps = 29.97), path: 'fps', message: 'expected an integer, got 29.97' },
  { name: 'axis 7681', edit: (s) => (s.size = { width: 7681, height: 1080 }), path: 'size.width', message: '7681 is out of range: expected an integer from 2 to 7680' },
  { name: 'axis 1', edit: (s) => (s.size = { width: 1080, height: 1 }), path: 'size.height', message: '1 is out of range: expected an integer from 2 to 7680' },
  { name: 'opacity above 1', edit: (s) => (node(s, 'scenes', 0, 'children', 0).transform = { x: 0.5, y: 0.5, opacity: 1.5 }), path: `${text0}.transform.opacity`, message: '1.5 is out of range: expected a number from 0 to 1' },
  { name: 'negative volume', edit: (s) => (s.audio = [{ kind: 'music', source: { kind: 'asset', value: 'a.mp3' }, volume: -1 }]), path: 'audio[0].volume', message: '-1 is too small: expected >= 0' },
  { name: 'unknown size preset', edit: (s) => (s.size = 'portrait'), path: 'size', message: '"portrait" is not allowed: expected "reels"' },
  { name: 'too many frames', edit: (s) => (node(s, 'scenes', 0).duration = '14401f'), path: 'scenes', message: '14401 frames', code: 'too_many_frames' },
  { name: 'frame limit option', edit: (s) => (node(s, 'scenes', 0).duration = '61f'), path: 'scenes', message: 'over the limit of 60 frames', options: { maxFrames: 60 } },
  { name: 'inverted show window', edit: (s) => (node(s, 'scenes', 0, 'children', 0).show = { from: '40f', to: '20f' }), path: `${text0}.show`, message: 'show window is inverted', code: 'inverted_window' },
  { name: 'empty show object', edit: (s) => (node(s, 'scenes', 0, 'children', 0).show = {}), path: `${text0}.show`, message: 'at least one of "from" and "to"' },
  { name: 'unsupported version', edit: (s) => (s.fluvieSpec = 2), path: 'fluvieSpec', message: '2 is not allowed: expected 1' },
  { name: 'no scenes', edit: (s) => (s.scenes = []), path: 'scenes', message: 'expected at least 1 item, got 0' },
  { name: 'previous first', edit: (s) => (node(s, 'scenes', 0, 'children', 0).animate = [{ preset: 'fadeIn', at: 'previous' }]), path: `${text0}.animate[0].at`, message: '"previous" cannot be used by the first animation' },
  { name: 'unknown preset', edit: (s) => (node(s, 'scenes', 0, 'children', 0).animate = [{ preset: 'wobble' }]), path: `${text0}.animate[0].preset`, message: 'unknown animation preset "wobble"' },
  { name: 'raw keyframe value', edit: (s) => (node(s, 'scenes', 0, 'children', 0).animate = [{ from: { opacity: 'x' } }]), path: `${text0}.animate[0].from.opacity`, message: 'expected a number, got "x"' },
  {
    name: 'transition longer than scene',
    edit: (s) => list(s, 'scenes').push({ duration: '10f', enter: { kind: 'crossFade', duration: '20f' } }),
    path: 'scenes[1].duration',
    message: '20 frames in + 0 frames out',
    code: 'transition_too_long',
  },
  { name: 'text without text', edit: (s) => delete node(s, 'scenes', 0, 'children', 0).text, path: text0, message: 'expected "text" or "spans"' },
  { name: 'box colour and decoration', edit: (s) => list(s, 'scenes', 0, 'children').push({ type: 'Box', color: '#000000', decoration: { cornerRadius: 4 } }), path: 'scenes[0].children[1]', message: 'either "color" or "decoration"' },
  { name: 'sfx with fadeIn', edit: (s) => (s.audio = [{ kind: 'sfx', source: { kind: 'asset', value: 'a.mp3' }, fadeIn: '2f' }]), path: 'audio[0].fadeIn', message: 'not allowed on an sfx track' },
  { name: 'relative file audio path', edit: (s) => (s.audio = [{ kind: 'music', source: { kind: 'file', value: 'bed.mp3' } }]), path: 'audio[0].source.value', message: 'absolute file path' },
  { name: 'missing master', edit: (s) => (node(s, 'scenes', 0).master = 'intro'), path: `${scene0}.master`, message: 'master "intro" is not defined' },
  { name: 'missing theme token', edit: (s) => (node(s, 'scenes', 0, 'children', 0, 'style').color = { token: 'accent' }), path: `${text0}.style.color.token`, message: 'token "accent" is not defined in theme.palette' },
  { name: 'stops mismatch', edit: (s) => (node(s, 'scenes', 0).background = { kind: 'gradient', colors: ['#000000', '#FFFFFF'], stops: [0] }), path: `${scene0}.background.stops`, message: '1 stops for 2 colours' },
  { name: 'duplicate lane', edit: (s) => (s.lanes = [{ id: 'a' }, { id: 'a' }]), path: 'lanes[1].id', message: 'lane id "a" is used twice' },
  { name: 'unknown property in strict mode', edit: (s) => (node(s, 'scenes', 0, 'children', 0).colour = '#FFFFFF'), path: `${text0}.colour`, message: 'unknown property "colour"', options: { strict: true } },
];

describe('validateSpec on invalid documents', () => {
  it.each(invalidCases)('$name', ({ edit, path, message, code, options }) => {
    const spec = baseSpec();
    edit(spec);

    const report = validateSpec(spec, options);
    const matching = errorsOf(report.diagnostics).filter((diagnostic) => diagnostic.path === path);

    expect(report.ok).toBe(false);
    expect(report.spec).toBeNull();
    expect(matching.map((diagnostic) => diagnostic.message).join('\n')).toContain(message);
    if (code !== undefined) expect(matching.map((diagnostic) => diagnostic.code)).toContain(code);
  });

  it('reports one diagnostic per renamed name', () => {
    const spec = baseSpec();
    node(spec, 'scenes', 0, 'children', 0).animate = [{ preset: 'slideFade' }];

    expect(validateSpec(spec).diagnostics).toHaveLength(1);
  });

  it('reports every problem at once', () => {
    const spec = baseSpec();
    spec.fps = 0;
    node(spec, 'scenes', 0).duration = '0f';
    node(spec, 'scenes', 0, 'children', 0).type = 'Txt';
    list(spec, 'scenes').push({ duration: '1s', background: { kind: 'color', color: 'blue' } });

    const paths = errorsOf(validateSpec(spec).diagnostics).map((diagnostic) => diagnostic.path);

    expect(paths).toEqual(expect.arrayContaining(['fps', `${scene0}.duration`, `${text0}.type`, 'scenes[1].background.color']));
  });
});

interface UnionCase {
  readonly name: string;
  readonly edit: (spec: Json) => void;
  /** Path of the only error expected. */
  readonly path: string;
  /** Text that error's message contains. */
  readonly message: string;
}

const animate0 = `${text0}.animate[0]`;
const withAnimation = (entry: Json) => (spec: Json) => (node(spec, 'scenes', 0, 'children', 0).animate = [entry]);
const withElement = (element: Json) => (spec: Json) => list(spec, 'scenes', 0, 'children').push(element);
const clip = { type: 'Clip', source: { kind: 'file', value: '/media/a.mp4' } };

// Union-typed values (a name or an object, or several object forms) must be checked against the
// form the value has, so the message names the wrong field in place of rejecting the whole object.
const unionCases: UnionCase[] = [
  { name: 'size width as a string', edit: (s) => (s.size = { width: '640', height: 360 }), path: 'size.width', message: 'expected a number, got "640"' },
  { name: 'size preset name', edit: (s) => (s.size = 'big'), path: 'size', message: '"big" is not allowed: expected "reels"' },
  { name: 'colour token as a number', edit: (s) => (node(s, 'scenes', 0, 'children', 0, 'style').color = { token: 5 }), path: `${text0}.style.color.token`, message: 'expected a string, got 5' },
  { name: 'cubic ease of three numbers', edit: withAnimation({ preset: 'fadeIn', ease: { cubic: [0.4, 0, 0.2] } }), path: `${animate0}.ease.cubic`, message: 'expected at least 4 items' },
  { name: 'spring stiffness as a string', edit: withAnimation({ preset: 'fadeIn', spring: { stiffness: '120', damping: 10 } }), path: `${animate0}.spring.stiffness`, message: 'expected a number, got "120"' },
  { name: 'trigger time as a number', edit: withAnimation({ preset: 'fadeIn', at: { kind: 'at', time: 5 } }), path: `${animate0}.at.time`, message: 'expected a time such as "30f"' },
  { name: 'unknown trigger kind', edit: withAnimation({ preset: 'fadeIn', at: { kind: 'soon' } }), path: `${animate0}.at.kind`, message: 'unknown kind "soon"; expected one of at, beat, whenEnds, whenStarts' },
  { name: 'unknown trigger name', edit: withAnimation({ preset: 'fadeIn', at: 'soon' }), path: `${animate0}.at`, message: '"soon" is not allowed: expected "auto"' },
  { name: 'repeat times as a string', edit: withAnimation({ preset: 'fadeIn', repeat: { times: 'x' } }), path: `${animate0}.repeat.times`, message: 'expected a number, got "x"' },
  { name: 'stagger evenly as a number', edit: withElement({ type: 'Chart', variant: 'bar', data: { a: 1 }, stagger: { evenly: 5 } }), path: 'scenes[0].children[1].stagger.evenly', message: 'expected a time such as "30f"' },
  { name: 'code reveal speed as a number', edit: withElement({ type: 'Code', source: 'x', reveal: { kind: 'typing', speed: 5 } }), path: 'scenes[0].children[1].reveal.speed', message: 'expected a duration such as "90f"' },
  { name: 'unknown code reveal kind', edit: withElement({ type: 'Code', source: 'x', reveal: { kind: 'slow' } }), path: 'scenes[0].children[1].reveal.kind', message: 'unknown kind "slow"; expected one of instant, typing, lineByLine' },
  { name: 'terminal chrome title', edit: withElement({ type: 'Terminal', lines: [], chrome: { title: 5 } }), path: 'scenes[0].children[1].chrome.title', message: 'expected a string, got 5' },
  { name: 'keyframed speed position', edit: withElement({ ...clip, speed: { values: [1], positions: [5] } }), path: 'scenes[0].children[1].speed.positions[0]', message: 'expected a time such as "30f"' },
  { name: 'media source value', edit: withElement({ type: 'Clip', source: { kind: 'file', value: 5 } }), path: 'scenes[0].children[1].source.value', message: 'expected a string, got 5' },
  { name: 'transition duration', edit: (s) => (s.transition = { kind: 'wipe', duration: 5 }), path: 'transition.duration', message: 'expected a duration such as "90f"' },
];

describe('validateSpec on union-typed values', () => {
  it.each(unionCases)('$name', ({ edit, path, message }) => {
    const spec = baseSpec();
    edit(spec);

    const errors = errorsOf(validateSpec(spec).diagnostics);

    expect(errors.map((diagnostic) => diagnostic.path)).toEqual([path]);
    expect(errors[0]?.message).toContain(message);
  });
});

describe('validateSpec warnings and formats', () => {
  it('warns about unknown properties by default', () => {
    const spec = baseSpec();
    node(spec, 'scenes', 0, 'children', 0).colour = '#FFFFFF';

    const report = validateSpec(spec);

    expect(report.ok).toBe(true);
    expect(report.spec).not.toBeNull();
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ path: `${text0}.colour`, severity: 'warning', code: 'unknown_property', message: expect.stringContaining('allowed here: type,') }),
    ]);
  });

  it('finds unknown properties next to other errors', () => {
    const spec = baseSpec();
    node(spec, 'scenes', 0, 'children', 0).colour = '#FFFFFF';
    spec.fps = 0;

    const paths = validateSpec(spec).diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.path}`);

    expect(paths).toEqual(expect.arrayContaining(['error fps', `warning ${text0}.colour`]));
  });

  it('accepts odd sizes for gif and imageSequence', () => {
    for (const format of ['gif', 'imageSequence'] as const) {
      const spec = baseSpec();
      spec.size = { width: 641, height: 361 };

      expect(validateSpec(spec, { format }).ok).toBe(true);
    }
  });

  it('reports odd size among other errors', () => {
    const spec = baseSpec();
    spec.size = { width: 641, height: 360 };
    spec.fps = 0;
    node(spec, 'scenes', 0).duration = 'abc';

    const errors = errorsOf(validateSpec(spec).diagnostics).map((diagnostic) => `${diagnostic.path} ${diagnostic.code}`);

    expect(errors).toContain('size.width odd_size');
    expect(errors).toContain('fps out_of_range');
    expect(errors).toContain(`${scene0}.duration invalid_format`);
    expect(errors).toHaveLength(3);
  });

  it('checks odd size against valid export mode', () => {
    const spec = baseSpec();
    spec.size = { width: 641, height: 360 };
    spec.fps = 0;
    spec.export = { mode: 'gif' };

    expect(errorsOf(validateSpec(spec).diagnostics).map((diagnostic) => diagnostic.path)).toEqual(['fps']);

    spec.export = { mode: 'mp4', crf: 99 };

    expect(errorsOf(validateSpec(spec).diagnostics).map((diagnostic) => diagnostic.path).sort()).toEqual(['export.crf', 'fps', 'size.width']);
  });

  it('skips odd size for unknown export mode', () => {
    const spec = baseSpec();
    spec.size = { width: 641, height: 360 };
    spec.export = { mode: 'webm' };

    expect(errorsOf(validateSpec(spec).diagnostics).map((diagnostic) => diagnostic.path)).toEqual(['export.mode']);
  });

  it("uses the spec's export mode when no format is given", () => {
    const spec = baseSpec();
    spec.size = { width: 641, height: 360 };
    spec.export = { mode: 'gif', fps: 12 };

    expect(validateSpec(spec).ok).toBe(true);
    expect(validateSpec(spec, { format: 'mp4' }).ok).toBe(false);
  });

  it('warns about an empty show window', () => {
    const spec = baseSpec();
    node(spec, 'scenes', 0, 'children', 0).show = { from: '20f', to: '20f' };

    const report = validateSpec(spec);

    expect(report.ok).toBe(true);
    expect(report.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['empty_window']);
  });

  it('accepts defined anchors and beat tracks', () => {
    const spec = baseSpec();
    spec.audio = [{ kind: 'music', source: { kind: 'network', value: 'https://example.com/bed.mp3' }, track: 'bed' }];
    node(spec, 'scenes', 0, 'children', 0).anchor = 'intro';
    list(spec, 'scenes', 0, 'children').push({
      type: 'Box',
      color: '#FF0000',
      animate: [
        { preset: 'fadeIn', at: { kind: 'whenEnds', anchor: 'intro' } },
        { preset: 'pulse', at: { kind: 'beat', every: 2, track: 'bed' } },
      ],
    });

    expect(validateSpec(spec).diagnostics).toEqual([]);
  });

  it('rejects anchor cycles', () => {
    const spec = baseSpec();
    node(spec, 'scenes', 0).children = [
      { type: 'Text', text: 'a', anchor: 'a', animate: [{ preset: 'fadeIn', at: { kind: 'whenEnds', anchor: 'b' } }] },
      { type: 'Text', text: 'b', anchor: 'b', animate: [{ preset: 'fadeIn', at: { kind: 'whenStarts', anchor: 'a' } }] },
    ];

    const codes = errorsOf(validateSpec(spec).diagnostics).map((diagnostic) => diagnostic.code);

    expect(codes).toEqual(['anchor_cycle']);
  });

  it('rejects a non-object document', () => {
    const report = validateSpec('hello');

    expect(report.ok).toBe(false);
    expect(report.diagnostics[0]).toMatchObject({ path: '', code: 'invalid_type', message: 'expected an object, got "hello"' });
  });
});
