/**
 * Dart for the text elements: `Text` (plain, rich spans, or framed by a decoration, padding or
 * max width), `SplitText`, `Typewriter`, `Markdown` and `Counter`.
 */
import type { CounterElement, ElementSpec, MarkdownElement, SplitTextElement, TextElement, TextSpanSpec, TypewriterElement } from '../schema/types.js';
import { call, list, named, positional, raw, type DartArg, type DartExpr } from './dart-expr.js';
import { dartEase, dartEnum, dartNumber, dartString, dartTime } from './dart-literals.js';
import { printBoxDecoration, printTextStyle, textStyleArgs } from './print-styles.js';

/** The type-specific keys these printers read, per element type. */
export const TEXT_PROPS: Readonly<Record<string, ReadonlySet<string>>> = {
  Text: new Set(['text', 'spans', 'style', 'textAlign', 'maxLines', 'decoration', 'padding', 'maxWidth']),
  SplitText: new Set(['text', 'by', 'style', 'textAlign', 'maxLines']),
  Typewriter: new Set(['text', 'speed', 'caret', 'style']),
  Markdown: new Set(['source', 'reveal']),
  Counter: new Set(['to', 'from', 'reveal', 'ease', 'variant', 'symbol', 'style']),
};

/** Prints one of the element types above, or returns null for any other type. */
export function printTextElement(element: ElementSpec, path: string): DartExpr | null {
  switch (element.type) {
    case 'Text':
      return printText(element, path);
    case 'SplitText':
      return printSplitText(element, path);
    case 'Typewriter':
      return printTypewriter(element, path);
    case 'Markdown':
      return printMarkdown(element, path);
    case 'Counter':
      return printCounter(element, path);
    default:
      return null;
  }
}

/**
 * Prints a `Text` or `Text.rich`. A decoration, padding or max width has no `Text` parameter, so
 * the text is framed the way Fluvie's spec builder frames it: a `ConstrainedBox` with the max width,
 * an `Align` that shrinks to the text, a `DecoratedBox` and a `Padding`.
 */
function printText(element: TextElement, path: string): DartExpr {
  const framed = element.decoration !== undefined || element.padding !== undefined || element.maxWidth !== undefined;
  const content = element.text === undefined ? printSpans(element.spans ?? [], `${path}.spans`) : dartString(element.text);
  const label = call(element.text === undefined ? 'Text.rich' : 'Text', [
    positional(content),
    element.style === undefined ? null : named('style', printTextStyle(element.style, `${path}.style`)),
    element.textAlign === undefined ? null : named('textAlign', dartEnum('TextAlign', element.textAlign)),
    element.maxLines === undefined ? null : named('maxLines', dartNumber(element.maxLines, `${path}.maxLines`)),
    framed ? named('textWidthBasis', raw('TextWidthBasis.longestLine')) : null,
  ]);
  if (!framed) return label;

  const padding = element.padding ?? {};
  const maxWidth = element.maxWidth === undefined ? raw('double.infinity') : dartNumber(element.maxWidth, `${path}.maxWidth`);
  const decoration = element.decoration === undefined ? raw('const BoxDecoration()') : printBoxDecoration(element.decoration, `${path}.decoration`);
  const insets = call('EdgeInsets.symmetric', [
    named('horizontal', dartNumber(padding.horizontal ?? 0, `${path}.padding.horizontal`)),
    named('vertical', dartNumber(padding.vertical ?? 0, `${path}.padding.vertical`)),
  ]);
  const padded = call('Padding', [named('padding', insets), named('child', label)]);
  const decorated = call('DecoratedBox', [named('decoration', decoration), named('child', padded)]);
  const aligned = call('Align', [named('widthFactor', raw('1')), named('heightFactor', raw('1')), named('child', decorated)]);
  return call('ConstrainedBox', [named('constraints', call('BoxConstraints', [named('maxWidth', maxWidth)])), named('child', aligned)]);
}

/** Prints `TextSpan(children: [...])`. A link span is underlined and labelled as Fluvie's builder does it. */
function printSpans(spans: readonly TextSpanSpec[], path: string): DartExpr {
  const children = spans.map((span, index) => {
    const styleArgs = span.style === undefined ? [] : textStyleArgs(span.style, `${path}[${index}].style`);
    const underline = span.link === undefined ? null : named('decoration', raw('TextDecoration.underline'));
    const allStyle = [...styleArgs, underline].filter((arg): arg is DartArg => arg !== null);
    return call('TextSpan', [
      named('text', dartString(span.text)),
      allStyle.length === 0 ? null : named('style', call('TextStyle', allStyle)),
      span.link === undefined ? null : named('semanticsLabel', dartString(`${span.text}, link to ${span.link}`)),
    ]);
  });
  return call('TextSpan', [named('children', list(children))]);
}

function printSplitText(element: SplitTextElement, path: string): DartExpr {
  return call('SplitText', [
    positional(dartString(element.text)),
    element.by === undefined ? null : named('by', dartEnum('TextSplit', element.by)),
    element.style === undefined ? null : named('style', printTextStyle(element.style, `${path}.style`)),
    element.textAlign === undefined ? null : named('textAlign', dartEnum('TextAlign', element.textAlign)),
    element.maxLines === undefined ? null : named('maxLines', dartNumber(element.maxLines, `${path}.maxLines`)),
  ]);
}

function printTypewriter(element: TypewriterElement, path: string): DartExpr {
  return call('Typewriter', [
    positional(dartString(element.text)),
    element.speed === undefined ? null : named('speed', dartTime(element.speed, `${path}.speed`)),
    element.caret === true ? named('caret', raw('true')) : null,
    element.style === undefined ? null : named('style', printTextStyle(element.style, `${path}.style`)),
  ]);
}

function printMarkdown(element: MarkdownElement, path: string): DartExpr {
  return call('Markdown', [
    positional(dartString(element.source)),
    element.reveal === undefined ? null : named('reveal', dartTime(element.reveal, `${path}.reveal`)),
  ]);
}

/** `Counter`, `Counter.currency` or `Counter.percent`; only the currency form takes a `symbol`. */
function printCounter(element: CounterElement, path: string): DartExpr {
  const name = element.variant === undefined ? 'Counter' : `Counter.${element.variant}`;
  return call(name, [
    named('to', dartNumber(element.to, `${path}.to`)),
    element.variant === 'currency' && element.symbol !== undefined ? named('symbol', dartString(element.symbol)) : null,
    element.from === undefined ? null : named('from', dartNumber(element.from, `${path}.from`)),
    element.reveal === undefined ? null : named('reveal', dartTime(element.reveal, `${path}.reveal`)),
    element.ease === undefined ? null : named('ease', dartEase(element.ease, `${path}.ease`)),
    element.style === undefined ? null : named('style', printTextStyle(element.style, `${path}.style`)),
  ]);
}
