import { describe, expect, it } from 'vitest';
import { ELEMENT_TYPES } from '../../../src/spec/schema/element.js';
import { oneLine, printSpec } from './print-test-helpers.js';

/** A small valid example of each element type, and the constructor it prints as. */
const EXAMPLES: Record<string, { element: Record<string, unknown>; constructor: string }> = {
  Text: { element: { text: 'a' }, constructor: "Text('a')" },
  SplitText: { element: { text: 'a b' }, constructor: "SplitText('a b')" },
  Typewriter: { element: { text: 'a' }, constructor: "Typewriter('a')" },
  Markdown: { element: { source: '*a*' }, constructor: "Markdown('*a*')" },
  Terminal: { element: { lines: [{ out: 'a' }] }, constructor: "Terminal(lines: [TerminalLine.out('a')]" },
  Code: { element: { source: 'a' }, constructor: "Code('a'" },
  Chart: { element: { variant: 'pie', data: { a: 1 } }, constructor: "Chart.pie(data: {'a': 1}" },
  Mermaid: { element: { source: 'graph TD; A' }, constructor: "Mermaid('graph TD; A'" },
  WebView: { element: { uri: 'https://x.dev', viewport: { width: 100, height: 100 } }, constructor: "WebView.url('https://x.dev'" },
  Html: { element: { source: '<b>a</b>', viewport: { width: 100, height: 100 } }, constructor: "Html('<b>a</b>'" },
  Bars: { element: { count: 8 }, constructor: 'Bars(count: 8' },
  LowerThird: { element: { name: 'N' }, constructor: "LowerThird(name: 'N'" },
  TitleCard: { element: { title: 'T' }, constructor: "TitleCard(title: 'T'" },
  Snapshot: { element: { child: { type: 'Box' } }, constructor: 'Snapshot(child: Box()' },
  DeviceFrame: { element: { variant: 'tablet', child: { type: 'Box' } }, constructor: 'DeviceFrame.tablet(child: Box()' },
  Callout: { element: { label: 'L', target: { x: 1, y: 2 }, child: { type: 'Box' } }, constructor: "Callout(label: 'L', target: Offset(1, 2), child: Box()" },
  Spotlight: { element: { region: { x: 0, y: 0, w: 1, h: 1 }, child: { type: 'Box' } }, constructor: 'Spotlight.on(region: Rect.fromLTWH(0, 0, 1, 1), child: Box()' },
  Box: { element: {}, constructor: 'Box(' },
  Image: { element: { source: { kind: 'asset', value: 'a.png' } }, constructor: "Image.asset('a.png'" },
  Counter: { element: { to: 5 }, constructor: 'Counter(to: 5' },
  Shape: { element: { kind: 'line', from: { x: 0, y: 0 }, to: { x: 1, y: 1 } }, constructor: 'Shape.line(from: Offset(0, 0), to: Offset(1, 1)' },
  Arrow: { element: { from: { x: 0, y: 0 }, to: { x: 1, y: 1 } }, constructor: 'Arrow.to(from: Offset(0, 0), to: Offset(1, 1)' },
  Connector: { element: { from: { x: 0, y: 0 }, to: { x: 1, y: 1 } }, constructor: 'Connector(from: Offset(0, 0), to: Offset(1, 1)' },
  Clip: { element: { source: { kind: 'asset', value: 'a.mp4' } }, constructor: "Clip.asset('a.mp4'" },
  Group: { element: { children: [{ type: 'Box' }] }, constructor: 'SizedBox.expand(child: Stack(children: [Box()]))' },
};

/** The next scene, with the partner the `shared` hero of the first scene morphs into. */
const PARTNER_SCENE = { duration: '1s', children: [{ type: 'Box', shared: 'hero' }] };

/** Every key an element may carry besides its type-specific props. */
const ALL_BASE_KEYS = {
  id: 'el',
  lane: 'row',
  anchor: 'mark',
  shared: 'hero',
  transform: { x: 0.5, y: 0.5 },
  show: { from: '5f' },
  effects: [{ kind: 'blur', sigma: 2 }],
  animate: [{ preset: 'fadeIn' }],
};

describe('every element type in Dart', () => {
  it('has an example per printable type', () => {
    const printable = ELEMENT_TYPES.filter((type) => type !== 'Placeholder');
    expect(Object.keys(EXAMPLES).sort()).toEqual([...printable].sort());
  });

  for (const [type, { element, constructor }] of Object.entries(EXAMPLES)) {
    it(`prints a plain ${type}`, () => {
      const code = oneLine(printSpec({ scenes: [{ duration: '1s', children: [{ type, ...element }] }] }));
      expect(code).toContain(`children: [${constructor}`);
    });

    it(`prints ${type} with every base key`, () => {
      const code = oneLine(printSpec({ lanes: [{ id: 'row' }], scenes: [{ duration: '1s', children: [{ type, ...element, ...ALL_BASE_KEYS }] }, PARTNER_SCENE] }));
      expect(code).toContain("children: [ElementId(id: 'el', lane: 'row', child: Placed(placement: Placement(x: 0.5, y: 0.5), child: ");
      expect(code).toContain('.effects([Effect.blur(sigma: 2)]).animate([Animation.fadeIn()], anchor: mark, window: TimeRange(5.frames, 1.relative)))');
      expect(code.includes('shared: hero)') || code.includes('SharedElement(anchor: hero, child: ')).toBe(true);
    });

    it(`prints ${type} hidden inside a group`, () => {
      const code = printSpec({ scenes: [{ duration: '1s', children: [{ type: 'Group', children: [{ type, ...element, visible: false }], animate: [{ preset: 'fadeIn' }] }] }] });
      expect(code).toContain(`// hidden: ${type} is not visible, so it is left out\n`);
    });
  }
});
