/** Dart for the rasterized surfaces: `Mermaid`, `WebView.url` and `Html`. */
import type { ElementSpec, HtmlElement, MermaidElement, WebViewElement } from '../schema/types.js';
import { call, named, positional, raw, type DartExpr } from './dart-expr.js';
import { dartEnum, dartNumber, dartOffset, dartRect, dartString, dartTime } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';

/** The type-specific keys these printers read, per element type. */
export const WEB_PROPS: Readonly<Record<string, ReadonlySet<string>>> = {
  Mermaid: new Set(['source', 'theme', 'reveal', 'fit']),
  WebView: new Set(['uri', 'viewport', 'scroll', 'clip', 'fit']),
  Html: new Set(['source', 'viewport', 'fit']),
};

/** Prints one of the element types above, or returns null for any other type. */
export function printWebElement(element: ElementSpec, path: string): DartExpr | null {
  switch (element.type) {
    case 'Mermaid':
      return printMermaid(element, path);
    case 'WebView':
      return call('WebView.url', [
        positional(dartString(element.uri)),
        named('viewport', printViewport(element.viewport, `${path}.viewport`, 'WebView')),
        element.scroll === undefined ? null : named('scroll', dartOffset(element.scroll, `${path}.scroll`)),
        element.clip === undefined ? null : named('clip', dartRect(element.clip, `${path}.clip`)),
        element.fit === undefined ? null : named('fit', dartEnum('BoxFit', element.fit)),
      ]);
    case 'Html':
      return call('Html', [
        positional(dartString(element.source)),
        named('viewport', printViewport(element.viewport, `${path}.viewport`, 'Html')),
        element.fit === undefined ? null : named('fit', dartEnum('BoxFit', element.fit)),
      ]);
    default:
      return null;
  }
}

const MERMAID_THEMES = new Set(['dark', 'light']);

/** `Mermaid(source, theme: MermaidTheme.<name>(), reveal: MermaidReveal..., fit: ...)`. */
function printMermaid(element: MermaidElement, path: string): DartExpr {
  const { theme, reveal } = element;
  if (theme !== undefined && !MERMAID_THEMES.has(theme)) {
    throw new DartPrintError(`${path}.theme`, `Mermaid has no theme ${JSON.stringify(theme)}; use "dark" or "light"`);
  }
  return call('Mermaid', [
    positional(dartString(element.source)),
    theme === undefined ? null : named('theme', raw(`MermaidTheme.${theme}()`)),
    reveal === undefined ? null : named('reveal', printMermaidReveal(reveal, `${path}.reveal`)),
    element.fit === undefined ? null : named('fit', dartEnum('BoxFit', element.fit)),
  ]);
}

function printMermaidReveal(reveal: NonNullable<MermaidElement['reveal']>, path: string): DartExpr {
  if (reveal.kind === 'none') return raw('MermaidReveal.none');
  if (reveal.kind !== 'fadeNodes' && reveal.kind !== 'drawEdges') {
    throw new DartPrintError(`${path}.kind`, `Mermaid has no reveal ${JSON.stringify(reveal.kind)}; use "none", "fadeNodes" or "drawEdges"`);
  }
  const window = reveal.window;
  if (typeof window !== 'string') throw new DartPrintError(`${path}.window`, `a ${reveal.kind} reveal needs "window", the time it takes`);
  return call(`MermaidReveal.${reveal.kind}`, [positional(dartTime(window, `${path}.window`))]);
}

/** `SnapshotViewport(...)`; Fluvie's web surfaces need a viewport with whole-pixel sides. */
function printViewport(viewport: WebViewElement['viewport'] | HtmlElement['viewport'], path: string, type: string): DartExpr {
  if (viewport === undefined) throw new DartPrintError(path, `a ${type} needs "viewport" {width, height} to print`);
  if (!Number.isInteger(viewport.width) || !Number.isInteger(viewport.height)) {
    throw new DartPrintError(path, 'viewport "width" and "height" must be whole logical pixels');
  }
  return call('SnapshotViewport', [
    named('width', dartNumber(viewport.width, `${path}.width`)),
    named('height', dartNumber(viewport.height, `${path}.height`)),
    viewport.deviceScale === undefined ? null : named('deviceScale', dartNumber(viewport.deviceScale, `${path}.deviceScale`)),
  ]);
}
