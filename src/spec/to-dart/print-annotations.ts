/**
 * Dart for the drawing and annotation elements: `Shape.<kind>`, `Arrow.to`, `Connector`, `Bars`,
 * `LowerThird` and `TitleCard`, in the argument shapes of Fluvie's element constructors.
 */
import type { ElementSpec } from '../schema/types.js';
import type { AnchorNames } from './anchor-names.js';
import { call, named, raw, type DartArg, type DartExpr } from './dart-expr.js';
import { dartAudioBand, dartColor, dartNumber, dartString, dartTime } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';

type PrintChild = (child: ElementSpec, path: string) => DartExpr;

/** The type-specific keys these printers read, per element type. */
export const ANNOTATION_PROPS: Readonly<Record<string, ReadonlySet<string>>> = {
  Shape: new Set(['kind', 'from', 'to', 'rect', 'center', 'radius', 'path', 'color', 'strokeWidth', 'reveal']),
  Arrow: new Set(['from', 'to', 'color', 'strokeWidth', 'headLength', 'reveal']),
  Connector: new Set(['from', 'to', 'elbow', 'color', 'strokeWidth', 'reveal']),
  Bars: new Set(['count', 'band', 'gain', 'track']),
  LowerThird: new Set(['name', 'title', 'reveal', 'color', 'child']),
  TitleCard: new Set(['title', 'subtitle', 'reveal', 'color', 'child']),
};

/** Prints one of the element types above, or returns null for any other type. */
export function printAnnotation(element: ElementSpec, anchors: AnchorNames, printChild: PrintChild, path: string): DartExpr | null {
  switch (element.type) {
    case 'Shape':
      return printShape(element, path);
    case 'Arrow':
      return call('Arrow.to', [
        named('from', offset(element.from, `${path}.from`)),
        named('to', offset(element.to, `${path}.to`)),
        ...stroke(element, path),
        element.headLength === undefined ? null : named('headLength', dartNumber(element.headLength, `${path}.headLength`)),
        element.reveal === undefined ? null : named('reveal', dartTime(element.reveal, `${path}.reveal`)),
      ]);
    case 'Connector':
      return call('Connector', [
        named('from', offset(element.from, `${path}.from`)),
        named('to', offset(element.to, `${path}.to`)),
        element.elbow === true ? named('elbow', raw('true')) : null,
        ...stroke(element, path),
        element.reveal === undefined ? null : named('reveal', dartTime(element.reveal, `${path}.reveal`)),
      ]);
    case 'Bars':
      return call('Bars', [
        element.count === undefined ? null : named('count', dartNumber(element.count, `${path}.count`)),
        element.band === undefined ? null : named('band', dartAudioBand(element.band, `${path}.band`)),
        element.track === undefined ? null : named('track', anchors.variableFor(element.track)),
        element.gain === undefined ? null : named('gain', dartNumber(element.gain, `${path}.gain`)),
      ]);
    case 'LowerThird':
      return call('LowerThird', [
        named('name', dartString(element.name)),
        element.title === undefined ? null : named('title', dartString(element.title)),
        ...revealAndColor(element, path),
        element.child === undefined ? null : named('child', printChild(element.child, `${path}.child`)),
      ]);
    case 'TitleCard':
      return call('TitleCard', [
        named('title', dartString(element.title)),
        element.subtitle === undefined ? null : named('subtitle', dartString(element.subtitle)),
        ...revealAndColor(element, path),
        element.child === undefined ? null : named('child', printChild(element.child, `${path}.child`)),
      ]);
    default:
      return null;
  }
}

function printShape(shape: Extract<ElementSpec, { type: 'Shape' }>, path: string): DartExpr {
  const shared = [...stroke(shape, path), shape.reveal === undefined ? null : named('reveal', dartTime(shape.reveal, `${path}.reveal`))];
  const missing = (key: string): never => {
    throw new DartPrintError(`${path}.${key}`, `a "${shape.kind}" Shape needs "${key}"`);
  };
  switch (shape.kind) {
    case 'line':
      return call('Shape.line', [named('from', offset(shape.from ?? missing('from'), `${path}.from`)), named('to', offset(shape.to ?? missing('to'), `${path}.to`)), ...shared]);
    case 'rect': {
      const rect = shape.rect ?? missing('rect');
      const numbers = [rect.x, rect.y, rect.w, rect.h].map((value) => (dartNumber(value, `${path}.rect`) as { text: string }).text);
      return call('Shape.rect', [named('rect', raw(`Rect.fromLTWH(${numbers.join(', ')})`)), ...shared]);
    }
    case 'circle':
      return call('Shape.circle', [
        named('center', offset(shape.center ?? missing('center'), `${path}.center`)),
        shape.radius === undefined ? null : named('radius', dartNumber(shape.radius, `${path}.radius`)),
        ...shared,
      ]);
    case 'path':
      return call('Shape.path', [named('path', call('pathFromSvg', [{ name: null, value: dartString(shape.path ?? missing('path')) }])), ...shared]);
  }
}

function stroke(element: { color?: Parameters<typeof dartColor>[0] | undefined; strokeWidth?: number | undefined }, path: string): Array<DartArg | null> {
  return [
    element.color === undefined ? null : named('color', dartColor(element.color, `${path}.color`)),
    element.strokeWidth === undefined ? null : named('strokeWidth', dartNumber(element.strokeWidth, `${path}.strokeWidth`)),
  ];
}

function revealAndColor(element: { reveal?: string | undefined; color?: Parameters<typeof dartColor>[0] | undefined }, path: string): Array<DartArg | null> {
  return [
    element.reveal === undefined ? null : named('reveal', dartTime(element.reveal, `${path}.reveal`)),
    element.color === undefined ? null : named('color', dartColor(element.color, `${path}.color`)),
  ];
}

/** `Offset(x, y)` from a `{x, y}` point. */
function offset(point: { x: number; y: number }, path: string): DartExpr {
  return raw(`Offset(${(dartNumber(point.x, `${path}.x`) as { text: string }).text}, ${(dartNumber(point.y, `${path}.y`) as { text: string }).text})`);
}
