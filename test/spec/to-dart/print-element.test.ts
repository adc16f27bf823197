import { describe, expect, it } from 'vitest';
import type { VideoSpec } from '../../../src/spec/index.js';
import { printVideoSpecDart } from '../../../src/spec/to-dart/index.js';
import { oneLine, printChildren, printSpec } from './print-test-helpers.js';

describe('element wrappers in Dart', () => {
  it('prints a show window on animate', () => {
    const code = printChildren([
      { type: 'Box', show: { from: '10f' } },
      { type: 'Box', show: { to: '0.5r' }, animate: [{ preset: 'fadeIn' }], anchor: 'box' },
    ]);
    expect(code).toContain('Box().animate([], window: TimeRange(10.frames, 1.relative))');
    expect(code).toContain('Box().animate([Animation.fadeIn()], anchor: box, window: TimeRange(Time.zero, 0.5.relative))');
  });

  it('prints shared heroes', () => {
    const code = oneLine(
      printSpec({
        scenes: [
          { duration: '1s', children: [{ type: 'Text', text: 'T', shared: 'hero' }, { type: 'Group', shared: 'group', children: [] }] },
          { duration: '1s', children: [{ type: 'Box', color: '#FFFFFF', shared: 'hero' }, { type: 'Box', shared: 'group' }] },
        ],
      }),
    );
    expect(code.match(/Anchor\('hero'\)/g)).toHaveLength(1);
    expect(code).toContain("SharedElement(anchor: hero, child: Text('T'))");
    expect(code).toContain('Box(color: Color(0xFFFFFFFF), shared: hero)');
    expect(code).toContain('SharedElement(anchor: group, child: SizedBox.expand(child: Stack(children: [])))');
  });

  it('wraps ids in ElementId outside Placed', () => {
    const code = printChildren([{ type: 'Box', id: 'card', lane: 'v1', transform: { x: 0.5, y: 0.5, opacity: 0.5, anchor: { x: -1, y: 1 } } }]);
    expect(code).toContain(
      "ElementId(id: 'card', lane: 'v1', child: Placed(placement: Placement(x: 0.5, y: 0.5, opacity: 0.5, anchor: Alignment(-1, 1)), child: Box()))",
    );
  });

  it('prints a Group as a Stack', () => {
    const code = printChildren([{ type: 'Group', transform: { x: 0.5, y: 0.5, w: 0.5, h: 0.5 }, children: [{ type: 'Text', text: 'in', transform: { x: 0, y: 0 } }] }]);
    expect(code).toContain(
      "Placed(placement: Placement(x: 0.5, y: 0.5, width: 0.5, height: 0.5), child: SizedBox.expand(child: Stack(children: [Placed(placement: Placement(x: 0, y: 0), child: Text('in'))])))",
    );
  });

  it('leaves hidden elements out with a comment', () => {
    const code = printSpec({
      scenes: [
        {
          duration: '1s',
          children: [
            { type: 'Text', text: 'shown' },
            { type: 'Box', id: 'line\nbreak', visible: false },
            { type: 'Group', children: [{ type: 'Text', text: 'gone', visible: false }] },
          ],
        },
      ],
    });
    expect(code).toContain("          Text('shown'),\n          // hidden: Box \"line\\nbreak\" is not visible, so it is left out\n");
    expect(code).toContain('                // hidden: Text is not visible, so it is left out\n');
    expect(code).not.toContain("'gone'");
  });

  it('prints a Box decoration', () => {
    const code = printChildren([
      {
        type: 'Box',
        decoration: {
          border: { color: '#FFFFFF', width: 2 },
          shadow: { color: '#80000000', blur: 12, offset: { x: 0, y: 4 } },
          gradient: { colors: ['#000000', '#FFFFFF'], stops: [0, 1], begin: 'topCenter', end: 'bottomCenter' },
        },
      },
    ]);
    expect(code).toContain(
      'Box(decoration: BoxDecoration(border: Border.all(color: Color(0xFFFFFFFF), width: 2), gradient: LinearGradient(colors: [Color(0xFF000000), Color(0xFFFFFFFF)], stops: [0, 1], begin: Alignment.topCenter, end: Alignment.bottomCenter), boxShadow: [BoxShadow(color: Color(0x80000000), blurRadius: 12, offset: Offset(0, 4))]))',
    );
  });

  it('rejects a Placeholder outside a master', () => {
    // The validator reports this too; the printer checks it again because it takes any VideoSpec value.
    const unvalidated = { scenes: [{ duration: '1s', children: [{ type: 'Placeholder', slot: 'title' }] }] } as VideoSpec;
    expect(() => printVideoSpecDart(unvalidated)).toThrow(
      'Cannot print scenes[0].children[0] as Dart: a Placeholder is a slot of a master layout and prints only when a scene fills it; use it inside "masters".',
    );
  });
});
