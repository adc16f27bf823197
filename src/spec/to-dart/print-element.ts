/**
 * Dart for elements. The element constructor is wrapped, inside out, the way Fluvie's spec builder
 * mounts it: the `shared` hero anchor, `.effects([...])`, `.animate([...], anchor:, window:)` for
 * animations, an anchor or a `show` window, `Placed(placement:, child:)` for a `transform`, and
 * `ElementId(id:, lane:, child:)` for an `id`.
 */
import type { ElementSpec, GroupElement, ShowWindowSpec, TransformSpec } from '../schema/types.js';
import { call, comment, list, named, positional, raw, type DartExpr } from './dart-expr.js';
import { dartAlignment, dartColor, dartNumber, dartString, dartTime } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';
import { ANNOTATION_PROPS, printAnnotation } from './print-annotations.js';
import { CHART_PROPS, printChart } from './print-chart.js';
import type { PrintContext } from './print-context.js';
import { withEffects } from './print-effects.js';
import { MEDIA_PROPS, printMediaElement } from './print-media.js';
import { printAnimation } from './print-motion.js';
import { printBoxDecoration } from './print-styles.js';
import { printTerminalOrCode, TERMINAL_CODE_PROPS } from './print-terminal-code.js';
import { printTextElement, TEXT_PROPS } from './print-text-elements.js';
import { printWebElement, WEB_PROPS } from './print-web.js';
import { printWrapper, WRAPPER_PROPS } from './print-wrappers.js';

/** Keys every element may carry; the wrappers above print them. */
const BASE_KEYS = new Set(['type', 'id', 'anchor', 'shared', 'visible', 'show', 'animate', 'lane', 'effects', 'transform']);

/** The type-specific keys printed per element type. */
const PRINTED_PROPS: Readonly<Record<string, ReadonlySet<string>>> = {
  ...TEXT_PROPS,
  ...TERMINAL_CODE_PROPS,
  ...WEB_PROPS,
  ...MEDIA_PROPS,
  ...WRAPPER_PROPS,
  ...ANNOTATION_PROPS,
  Box: new Set(['color', 'size', 'decoration']),
  Chart: CHART_PROPS,
  Group: new Set(['children']),
};

/** Element types that have no `shared:` parameter, so a hero anchor wraps them in `SharedElement`. */
const NO_SHARED_PARAMETER = new Set(['Text', 'SplitText', 'Group']);

/**
 * Prints a list of elements (scene children, group children, overlays). A hidden element
 * (`visible: false`) renders nothing, so it is left out and a comment names it.
 */
export function printElementList(elements: readonly ElementSpec[], context: PrintContext, path: string): DartExpr[] {
  return elements.map((element, index) => (element.visible === false ? comment(hiddenLabel(element)) : printElement(element, context, `${path}[${index}]`)));
}

/**
 * Prints the one element a wrapper nests. A hidden child still fills the slot, with an empty box.
 * Dart block comments nest, so every comment opener and closer in the label is broken up with a space.
 */
export function printChildElement(element: ElementSpec, context: PrintContext, path: string): DartExpr {
  if (element.visible === false) {
    const label = hiddenLabel(element).replace(/\/\*/g, '/ *').replace(/\*\//g, '* /');
    return raw(`const SizedBox.shrink() /* ${label} */`);
  }
  return printElement(element, context, path);
}

export function printElement(element: ElementSpec, context: PrintContext, path: string): DartExpr {
  checkPrintable(element, path);
  let code = withShared(element, printConstructor(element, context, path), context);
  code = withEffects(code, element.effects, `${path}.effects`);

  const animations = (element.animate ?? []).map((animation, index) => printAnimation(animation, context.anchors, `${path}.animate[${index}]`));
  const anchor = element.anchor === undefined ? undefined : context.anchors.variableFor(element.anchor);
  const window = element.show === undefined ? undefined : printShowWindow(element.show, `${path}.show`);
  if (animations.length > 0 || anchor !== undefined || window !== undefined) {
    code = call('animate', [positional(list(animations)), named('anchor', anchor), named('window', window)], code);
  }

  if (element.transform !== undefined) {
    code = call('Placed', [named('placement', printPlacement(element.transform, `${path}.transform`)), named('child', code)]);
  }
  if (element.id === undefined) return code;
  return call('ElementId', [named('id', dartString(element.id)), element.lane === undefined ? null : named('lane', dartString(element.lane)), named('child', code)]);
}

/** Builds the comment text for a hidden element, kept on one line whatever its id contains. */
function hiddenLabel(element: ElementSpec): string {
  const name = element.id === undefined ? element.type : `${element.type} ${JSON.stringify(element.id)}`;
  return `hidden: ${name} is not visible, so it is left out`.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}

function checkPrintable(element: ElementSpec, path: string): void {
  if (element.type === 'Placeholder') throw new DartPrintError(path, 'a Placeholder is a slot of a master layout and prints only when a scene fills it; use it inside "masters"');
  const props = PRINTED_PROPS[element.type];
  if (props === undefined) throw new DartPrintError(path, `${element.type} elements have no Dart form`);
  const extra = Object.keys(element).find((key) => !BASE_KEYS.has(key) && !props.has(key));
  if (extra !== undefined) throw new DartPrintError(`${path}.${extra}`, `the ${element.type} property "${extra}" has no Dart form`);
}

function printConstructor(element: ElementSpec, context: PrintContext, path: string): DartExpr {
  const printChild = (child: ElementSpec, childPath: string): DartExpr => printChildElement(child, context, childPath);
  switch (element.type) {
    case 'Box':
      return call('Box', [
        element.color === undefined ? null : named('color', dartColor(element.color, `${path}.color`)),
        element.size === undefined ? null : named('size', raw(`Size(${element.size.width}, ${element.size.height})`)),
        element.decoration === undefined ? null : named('decoration', printBoxDecoration(element.decoration, `${path}.decoration`)),
      ]);
    case 'Chart':
      return printChart(element, path);
    case 'Group':
      return printGroup(element, context, path);
    default: {
      const laneGain = element.lane === undefined ? 1 : (context.clipLaneGains.get(element.lane) ?? 1);
      const printed =
        printTextElement(element, path) ??
        printTerminalOrCode(element, path) ??
        printWebElement(element, path) ??
        printMediaElement(element, laneGain, path) ??
        printWrapper(element, printChild, path) ??
        printAnnotation(element, context.anchors, printChild, path);
      if (printed === null) throw new DartPrintError(path, `${element.type} elements have no Dart form`);
      return printed;
    }
  }
}

/**
 * Prints a `Group` as the widgets Fluvie's builder mounts for it: `SizedBox.expand` over a `Stack`,
 * so each child's `Placed` resolves its fractions against the group's box.
 */
function printGroup(group: GroupElement, context: PrintContext, path: string): DartExpr {
  const stack = call('Stack', [named('children', list(printElementList(group.children, context, `${path}.children`)))]);
  return call('SizedBox.expand', [named('child', stack)]);
}

/**
 * Adds the `shared` hero anchor: as the constructor's last `shared:` argument, or, for widgets
 * without that parameter (Flutter's `Text`, and the boxes a framed text or a group prints as), as a
 * `SharedElement(anchor:, child:)` wrapper.
 */
function withShared(element: ElementSpec, constructor: DartExpr, context: PrintContext): DartExpr {
  if (element.shared === undefined) return constructor;
  const anchor = context.anchors.variableFor(element.shared);
  if (NO_SHARED_PARAMETER.has(element.type) || constructor.kind !== 'call') {
    return call('SharedElement', [named('anchor', anchor), named('child', constructor)]);
  }
  return { ...constructor, args: [...constructor.args, { name: 'shared', value: anchor }] };
}

/** Prints the `window:` of a `show` object. A missing `from` is `Time.zero` and a missing `to` is `1.relative`. */
function printShowWindow(show: ShowWindowSpec, path: string): DartExpr {
  const from = show.from === undefined ? raw('Time.zero') : dartTime(show.from, `${path}.from`);
  const to = show.to === undefined ? raw('1.relative') : dartTime(show.to, `${path}.to`);
  return call('TimeRange', [positional(from), positional(to)]);
}

function printPlacement(transform: TransformSpec, path: string): DartExpr {
  return call('Placement', [
    named('x', dartNumber(transform.x, `${path}.x`)),
    named('y', dartNumber(transform.y, `${path}.y`)),
    transform.w === undefined ? null : named('width', dartNumber(transform.w, `${path}.w`)),
    transform.h === undefined ? null : named('height', dartNumber(transform.h, `${path}.h`)),
    transform.rotation === undefined ? null : named('rotation', dartNumber(transform.rotation, `${path}.rotation`)),
    transform.opacity === undefined ? null : named('opacity', dartNumber(transform.opacity, `${path}.opacity`)),
    transform.anchor === undefined ? null : named('anchor', dartAlignment(transform.anchor, `${path}.anchor`)),
  ]);
}
