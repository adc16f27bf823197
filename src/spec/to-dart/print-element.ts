/**
 * Dart for elements: the element constructor, `.animate([...], anchor: x)` when it animates or
 * names an anchor, and `Placed(placement: ..., child: ...)` when it has a `transform`.
 */
import type { ElementSpec, TextSpanSpec, TextStyleSpec, TransformSpec } from '../schema/types.js';
import type { AnchorNames } from './anchor-names.js';
import { call, list, named, positional, raw, type DartArg, type DartExpr } from './dart-expr.js';
import { dartColor, dartEnum, dartNumber, dartString, dartTime } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';
import { ANNOTATION_PROPS, printAnnotation } from './print-annotations.js';
import { printAnimation } from './print-motion.js';

/** Keys every element may carry that this printer turns into Dart; `id` has no Dart form and is dropped. */
const PRINTED_BASE_KEYS = new Set(['type', 'id', 'anchor', 'animate', 'transform']);

/** The type-specific keys printed per element type; other types are not printed. */
const PRINTED_PROPS: Readonly<Record<string, ReadonlySet<string>>> = {
  Text: new Set(['text', 'spans', 'style', 'textAlign', 'maxLines']),
  Box: new Set(['color', 'size']),
  Image: new Set(['source', 'fit']),
  Counter: new Set(['to', 'from', 'reveal', 'style']),
  Group: new Set(['children']),
  ...ANNOTATION_PROPS,
};

export function printElement(element: ElementSpec, anchors: AnchorNames, path: string): DartExpr {
  checkPrintable(element, path);
  let code = printConstructor(element, anchors, path);

  const animations = (element.animate ?? []).map((animation, index) => printAnimation(animation, anchors, `${path}.animate[${index}]`));
  const anchor = element.anchor === undefined ? undefined : anchors.variableFor(element.anchor);
  if (animations.length > 0 || anchor !== undefined) {
    code = call('animate', [positional(list(animations)), named('anchor', anchor)], code);
  }

  if (element.transform === undefined) return code;
  return call('Placed', [named('placement', printPlacement(element.transform, `${path}.transform`)), named('child', code)]);
}

function checkPrintable(element: ElementSpec, path: string): void {
  const props = PRINTED_PROPS[element.type];
  if (props === undefined) throw new DartPrintError(path, `${element.type} elements are not printed yet`);
  const extra = Object.keys(element).find((key) => !PRINTED_BASE_KEYS.has(key) && !props.has(key));
  if (extra !== undefined) throw new DartPrintError(`${path}.${extra}`, `the ${element.type} property "${extra}" is not printed yet`);
}

function printConstructor(element: ElementSpec, anchors: AnchorNames, path: string): DartExpr {
  switch (element.type) {
    case 'Text':
      return call(element.text === undefined ? 'Text.rich' : 'Text', [
        positional(element.text === undefined ? printSpans(element.spans ?? [], `${path}.spans`) : dartString(element.text)),
        element.style === undefined ? null : named('style', printTextStyle(element.style, `${path}.style`)),
        element.textAlign === undefined ? null : named('textAlign', dartEnum('TextAlign', element.textAlign)),
        element.maxLines === undefined ? null : named('maxLines', dartNumber(element.maxLines, `${path}.maxLines`)),
      ]);
    case 'Box':
      return call('Box', [
        element.color === undefined ? null : named('color', dartColor(element.color, `${path}.color`)),
        element.size === undefined ? null : named('size', raw(`Size(${element.size.width}, ${element.size.height})`)),
      ]);
    case 'Image':
      return printImage(element, path);
    case 'Counter':
      return call('Counter', [
        named('to', dartNumber(element.to, `${path}.to`)),
        element.from === undefined ? null : named('from', dartNumber(element.from, `${path}.from`)),
        element.reveal === undefined ? null : named('reveal', dartTime(element.reveal, `${path}.reveal`)),
        element.style === undefined ? null : named('style', printTextStyle(element.style, `${path}.style`)),
      ]);
    case 'Group':
      return call('Group', [named('children', list(element.children.map((child, index) => printElement(child, anchors, `${path}.children[${index}]`))))]);
    default: {
      const printed = printAnnotation(element, anchors, (child, childPath) => printElement(child, anchors, childPath), path);
      if (printed === null) throw new DartPrintError(path, `${element.type} elements are not printed yet`);
      return printed;
    }
  }
}

/** Prints `TextSpan(children: [...])`. A link span is underlined and labelled as Fluvie's builder does it. */
function printSpans(spans: readonly TextSpanSpec[], path: string): DartExpr {
  const children = spans.map((span, index) => {
    const style = span.style === undefined ? null : printTextStyle(span.style, `${path}[${index}].style`);
    const styleArgs = style !== null && style.kind === 'call' ? style.args : [];
    const underline = span.link === undefined ? [] : [{ name: 'decoration', value: raw('TextDecoration.underline') }];
    const allStyle = [...styleArgs, ...underline];
    return call('TextSpan', [
      named('text', dartString(span.text)),
      allStyle.length === 0 ? null : named('style', call('TextStyle', allStyle)),
      span.link === undefined ? null : named('semanticsLabel', dartString(`${span.text}, link to ${span.link}`)),
    ]);
  });
  return call('TextSpan', [named('children', list(children))]);
}

function printImage(element: Extract<ElementSpec, { type: 'Image' }>, path: string): DartExpr {
  const { source } = element;
  if (source.kind === 'bundle') throw new DartPrintError(`${path}.source`, 'bundle image sources are not printed');
  const args: Array<DartArg | null> = [positional(dartString(source.value)), element.fit === undefined ? null : named('fit', dartEnum('BoxFit', element.fit))];
  return call(`Image.${source.kind}`, args);
}

function printPlacement(transform: TransformSpec, path: string): DartExpr {
  if (transform.opacity !== undefined) throw new DartPrintError(`${path}.opacity`, 'placement opacity is not printed yet');
  const anchor = transform.anchor;
  if (anchor !== undefined && typeof anchor !== 'string') throw new DartPrintError(`${path}.anchor`, 'point anchors are not printed');
  return call('Placement', [
    named('x', dartNumber(transform.x, `${path}.x`)),
    named('y', dartNumber(transform.y, `${path}.y`)),
    transform.w === undefined ? null : named('width', dartNumber(transform.w, `${path}.w`)),
    transform.h === undefined ? null : named('height', dartNumber(transform.h, `${path}.h`)),
    transform.rotation === undefined ? null : named('rotation', dartNumber(transform.rotation, `${path}.rotation`)),
    anchor === undefined ? null : named('anchor', raw(`Alignment.${anchor}`)),
  ]);
}

const PRINTED_STYLE_KEYS = new Set(['color', 'fontSize', 'fontWeight', 'fontStyle', 'fontFamily', 'letterSpacing', 'height']);

/** `TextStyle(...)` over the fields Fluvie's spec codec reads, in its order. */
export function printTextStyle(style: TextStyleSpec, path: string): DartExpr {
  const extra = Object.keys(style).find((key) => !PRINTED_STYLE_KEYS.has(key));
  if (extra !== undefined) throw new DartPrintError(`${path}.${extra}`, `the text style property "${extra}" is not printed yet`);
  return call('TextStyle', [
    style.color === undefined ? null : named('color', dartColor(style.color, `${path}.color`)),
    style.fontSize === undefined ? null : named('fontSize', dartNumber(style.fontSize, `${path}.fontSize`)),
    style.fontWeight === undefined ? null : named('fontWeight', raw(`FontWeight.${style.fontWeight}`)),
    style.fontStyle === undefined ? null : named('fontStyle', dartEnum('FontStyle', style.fontStyle)),
    style.fontFamily === undefined ? null : named('fontFamily', dartString(style.fontFamily)),
    style.letterSpacing === undefined ? null : named('letterSpacing', dartNumber(style.letterSpacing, `${path}.letterSpacing`)),
    style.height === undefined ? null : named('height', dartNumber(style.height, `${path}.height`)),
  ]);
}
