import { describe, expect, it } from 'vitest';
import { printChildren, printError } from './print-test-helpers.js';

describe('wrapper elements in Dart', () => {
  it('prints Snapshot and DeviceFrame variants', () => {
    const code = printChildren([
      { type: 'Snapshot', fit: 'cover', child: { type: 'Box', color: '#000000' } },
      { type: 'DeviceFrame', variant: 'phone', notch: false, child: { type: 'Text', text: 'a' } },
      { type: 'DeviceFrame', variant: 'browser', url: 'https://x.dev', child: { type: 'Text', text: 'b' } },
      { type: 'DeviceFrame', variant: 'tablet', child: { type: 'Text', text: 'c' } },
    ]);
    expect(code).toContain('Snapshot(fit: BoxFit.cover, child: Box(color: Color(0xFF000000)))');
    expect(code).toContain("DeviceFrame.phone(notch: false, child: Text('a'))");
    expect(code).toContain("DeviceFrame.browser(url: 'https://x.dev', child: Text('b'))");
    expect(code).toContain("DeviceFrame.tablet(child: Text('c'))");
  });

  it('prints Callout and Spotlight', () => {
    const code = printChildren([
      { type: 'Callout', label: 'Here', target: { x: 10, y: 20 }, labelAt: { x: 1, y: 2 }, color: '#FFCC00', child: { type: 'Box' } },
      { type: 'Spotlight', region: { x: 0, y: 0, w: 50, h: 40 }, reveal: '8f', color: '#80000000', child: { type: 'Box' } },
    ]);
    expect(code).toContain("Callout(label: 'Here', target: Offset(10, 20), labelAt: Offset(1, 2), color: Color(0xFFFFCC00), child: Box())");
    expect(code).toContain('Spotlight.on(region: Rect.fromLTWH(0, 0, 50, 40), reveal: 8.frames, color: Color(0x80000000), child: Box())');
  });

  it('prints a nested child with its own wrappers', () => {
    const code = printChildren([{ type: 'Snapshot', child: { type: 'Text', text: 'x', id: 'inner', animate: [{ preset: 'fadeIn' }] } }]);
    expect(code).toContain("Snapshot(child: ElementId(id: 'inner', child: Text('x').animate([Animation.fadeIn()])))");
  });

  it('prints a hidden child as an empty box', () => {
    const code = printChildren([{ type: 'Snapshot', child: { type: 'Text', text: 'x', id: 'gone', visible: false } }]);
    expect(code).toContain('Snapshot(child: const SizedBox.shrink() /* hidden: Text "gone" is not visible, so it is left out */)');
  });

  it('breaks up comment marks in a hidden id', () => {
    const code = printChildren([{ type: 'Snapshot', child: { type: 'Box', id: 'a /* b */ c', visible: false } }]);
    expect(code).toContain('Snapshot(child: const SizedBox.shrink() /* hidden: Box "a / * b * / c" is not visible, so it is left out */)');
  });

  it('rejects misplaced DeviceFrame options', () => {
    const scene = (element: unknown) => ({ scenes: [{ duration: '1s', children: [element] }] });
    expect(printError(scene({ type: 'DeviceFrame', variant: 'tablet', notch: true, child: { type: 'Box' } }))).toContain('children[0].notch as Dart: only a phone DeviceFrame takes "notch"');
    expect(printError(scene({ type: 'DeviceFrame', variant: 'phone', url: 'https://x.dev', child: { type: 'Box' } }))).toContain('only a browser DeviceFrame takes "url"');
    expect(printError(scene({ type: 'DeviceFrame', child: { type: 'Box' } }))).toContain('children[0].variant as Dart: a DeviceFrame needs "variant"');
    expect(printError(scene({ type: 'Callout', label: 'a', target: { x: 0, y: 0 } }))).toContain('children[0].child as Dart: a Callout needs a "child" element to wrap');
  });
});
