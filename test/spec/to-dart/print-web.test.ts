import { describe, expect, it } from 'vitest';
import { printChildren, printError } from './print-test-helpers.js';

const scene = (children: unknown[]) => ({ scenes: [{ duration: '1s', children }] });

describe('web surfaces in Dart', () => {
  it('prints Mermaid themes and reveals', () => {
    const code = printChildren([
      { type: 'Mermaid', source: 'graph LR; a-->b', theme: 'light', reveal: { kind: 'drawEdges', window: '20f' }, fit: 'cover' },
      { type: 'Mermaid', source: 'graph LR; c', reveal: { kind: 'none' } },
    ]);
    expect(code).toContain("Mermaid('graph LR; a-->b', theme: MermaidTheme.light(), reveal: MermaidReveal.drawEdges(20.frames), fit: BoxFit.cover)");
    expect(code).toContain("Mermaid('graph LR; c', reveal: MermaidReveal.none)");
  });

  it('rejects an unknown Mermaid theme', () => {
    expect(printError(scene([{ type: 'Mermaid', source: 'x', theme: 'forest' }]))).toBe(
      'Cannot print scenes[0].children[0].theme as Dart: Mermaid has no theme "forest"; use "dark" or "light".',
    );
  });

  it('rejects a reveal without a window', () => {
    expect(printError(scene([{ type: 'Mermaid', source: 'x', reveal: { kind: 'fadeNodes' } }]))).toContain('reveal.window as Dart: a fadeNodes reveal needs "window"');
  });

  it('prints Html with a viewport', () => {
    const code = printChildren([{ type: 'Html', source: "<p class='a'>$5</p>", viewport: { width: 400, height: 300, deviceScale: 1.5 }, fit: 'fill' }]);
    expect(code).toContain("Html('<p class=\\'a\\'>\\$5</p>', viewport: SnapshotViewport(width: 400, height: 300, deviceScale: 1.5), fit: BoxFit.fill)");
  });

  it('rejects a WebView without a viewport', () => {
    expect(printError(scene([{ type: 'WebView', uri: 'https://example.com' }]))).toBe(
      'Cannot print scenes[0].children[0].viewport as Dart: a WebView needs "viewport" {width, height} to print.',
    );
  });

  it('rejects fractional viewport sides', () => {
    expect(printError(scene([{ type: 'Html', source: 'x', viewport: { width: 100.5, height: 10 } }]))).toContain('must be whole logical pixels');
  });
});
