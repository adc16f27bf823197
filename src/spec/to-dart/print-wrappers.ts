/** Dart for the elements that wrap one child element: `Snapshot`, `DeviceFrame`, `Callout` and `Spotlight.on`. */
import type { CalloutElement, DeviceFrameElement, ElementSpec, SpotlightElement } from '../schema/types.js';
import { call, named, raw, type DartArg, type DartExpr } from './dart-expr.js';
import { dartColor, dartEnum, dartOffset, dartRect, dartString, dartTime } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';

/** Prints a nested element; the element printer passes itself in, which keeps the modules acyclic. */
export type PrintChild = (child: ElementSpec, path: string) => DartExpr;

/** The type-specific keys these printers read, per element type. */
export const WRAPPER_PROPS: Readonly<Record<string, ReadonlySet<string>>> = {
  Snapshot: new Set(['child', 'fit']),
  DeviceFrame: new Set(['variant', 'child', 'notch', 'url']),
  Callout: new Set(['label', 'target', 'child', 'labelAt', 'color']),
  Spotlight: new Set(['region', 'child', 'reveal', 'color']),
};

/** Prints one of the element types above, or returns null for any other type. */
export function printWrapper(element: ElementSpec, printChild: PrintChild, path: string): DartExpr | null {
  switch (element.type) {
    case 'Snapshot':
      return call('Snapshot', [element.fit === undefined ? null : named('fit', dartEnum('BoxFit', element.fit)), named('child', printChild(element.child, `${path}.child`))]);
    case 'DeviceFrame':
      return printDeviceFrame(element, printChild, path);
    case 'Callout':
      return printCallout(element, printChild, path);
    case 'Spotlight':
      return printSpotlight(element, printChild, path);
    default:
      return null;
  }
}

/** `DeviceFrame.<variant>(...)`; only a phone takes `notch` and only a browser takes `url`, as in Fluvie's builder. */
function printDeviceFrame(element: DeviceFrameElement, printChild: PrintChild, path: string): DartExpr {
  const variant = element.variant;
  if (variant === undefined) throw new DartPrintError(`${path}.variant`, 'a DeviceFrame needs "variant" (phone, browser or tablet)');
  if (variant !== 'phone' && element.notch !== undefined) throw new DartPrintError(`${path}.notch`, 'only a phone DeviceFrame takes "notch"');
  if (variant !== 'browser' && element.url !== undefined) throw new DartPrintError(`${path}.url`, 'only a browser DeviceFrame takes "url"');
  const child = requiredChild(element.child, printChild, path, 'DeviceFrame');
  switch (variant) {
    case 'phone':
      return call('DeviceFrame.phone', [element.notch === false ? named('notch', raw('false')) : null, child]);
    case 'browser':
      return call('DeviceFrame.browser', [element.url === undefined ? null : named('url', dartString(element.url)), child]);
    case 'tablet':
      return call('DeviceFrame.tablet', [child]);
  }
}

function printCallout(element: CalloutElement, printChild: PrintChild, path: string): DartExpr {
  return call('Callout', [
    named('label', dartString(element.label)),
    named('target', dartOffset(element.target, `${path}.target`)),
    element.labelAt === undefined ? null : named('labelAt', dartOffset(element.labelAt, `${path}.labelAt`)),
    element.color === undefined ? null : named('color', dartColor(element.color, `${path}.color`)),
    requiredChild(element.child, printChild, path, 'Callout'),
  ]);
}

function printSpotlight(element: SpotlightElement, printChild: PrintChild, path: string): DartExpr {
  return call('Spotlight.on', [
    named('region', dartRect(element.region, `${path}.region`)),
    element.reveal === undefined ? null : named('reveal', dartTime(element.reveal, `${path}.reveal`)),
    element.color === undefined ? null : named('color', dartColor(element.color, `${path}.color`)),
    requiredChild(element.child, printChild, path, 'Spotlight'),
  ]);
}

/** The `child:` argument; Fluvie's wrapper widgets need a child, so a missing one has no Dart form. */
function requiredChild(child: ElementSpec | undefined, printChild: PrintChild, path: string, type: string): DartArg {
  if (child === undefined) throw new DartPrintError(`${path}.child`, `a ${type} needs a "child" element to wrap`);
  return { name: 'child', value: printChild(child, `${path}.child`) };
}
