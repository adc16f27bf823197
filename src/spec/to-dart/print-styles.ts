/** Dart for text styles and box decorations, shared by the text elements, Box and rich spans. */
import type { BoxDecorationSpec, TextStyleSpec } from '../schema/types.js';
import { call, list, named, raw, type DartArg, type DartExpr } from './dart-expr.js';
import { dartAlignment, dartColor, dartEnum, dartNumber, dartNumberList, dartOffset, dartString, textOf } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';

const PRINTED_STYLE_KEYS = new Set(['color', 'fontSize', 'fontWeight', 'fontStyle', 'fontFamily', 'letterSpacing', 'height']);

/** `TextStyle(...)` over the fields Fluvie's spec codec reads, in its order. */
export function printTextStyle(style: TextStyleSpec, path: string): DartExpr {
  return call('TextStyle', textStyleArgs(style, path));
}

/**
 * Builds the `TextStyle` arguments of `style`. Theme tokens are resolved before printing, so a
 * `token` left here has no theme to resolve against and is rejected.
 */
export function textStyleArgs(style: TextStyleSpec, path: string): Array<DartArg | null> {
  const extra = Object.keys(style).find((key) => !PRINTED_STYLE_KEYS.has(key));
  if (extra !== undefined) throw new DartPrintError(`${path}.${extra}`, `the text style property "${extra}" has no Dart form`);
  return [
    style.color === undefined ? null : named('color', dartColor(style.color, `${path}.color`)),
    style.fontSize === undefined ? null : named('fontSize', dartNumber(style.fontSize, `${path}.fontSize`)),
    style.fontWeight === undefined ? null : named('fontWeight', raw(`FontWeight.${style.fontWeight}`)),
    style.fontStyle === undefined ? null : named('fontStyle', dartEnum('FontStyle', style.fontStyle)),
    style.fontFamily === undefined ? null : named('fontFamily', dartString(style.fontFamily)),
    style.letterSpacing === undefined ? null : named('letterSpacing', dartNumber(style.letterSpacing, `${path}.letterSpacing`)),
    style.height === undefined ? null : named('height', dartNumber(style.height, `${path}.height`)),
  ];
}

/** `BoxDecoration(...)`: colour, rounded corners, a uniform border, a linear gradient and one shadow. */
export function printBoxDecoration(decoration: BoxDecorationSpec, path: string): DartExpr {
  const { border, gradient, shadow } = decoration;
  return call('BoxDecoration', [
    decoration.color === undefined ? null : named('color', dartColor(decoration.color, `${path}.color`)),
    decoration.cornerRadius === undefined ? null : named('borderRadius', raw(`BorderRadius.circular(${textOf(dartNumber(decoration.cornerRadius, `${path}.cornerRadius`))})`)),
    border === undefined
      ? null
      : named('border', call('Border.all', [named('color', dartColor(border.color, `${path}.border.color`)), named('width', dartNumber(border.width, `${path}.border.width`))])),
    gradient === undefined
      ? null
      : named(
          'gradient',
          call('LinearGradient', [
            named('colors', list(gradient.colors.map((color, index) => dartColor(color, `${path}.gradient.colors[${index}]`)))),
            gradient.stops === undefined ? null : named('stops', dartNumberList(gradient.stops, `${path}.gradient.stops`)),
            gradient.begin === undefined ? null : named('begin', dartAlignment(gradient.begin, `${path}.gradient.begin`)),
            gradient.end === undefined ? null : named('end', dartAlignment(gradient.end, `${path}.gradient.end`)),
          ]),
        ),
    shadow === undefined
      ? null
      : named(
          'boxShadow',
          list([
            call('BoxShadow', [
              shadow.color === undefined ? null : named('color', dartColor(shadow.color, `${path}.shadow.color`)),
              shadow.blur === undefined ? null : named('blurRadius', dartNumber(shadow.blur, `${path}.shadow.blur`)),
              shadow.offset === undefined ? null : named('offset', dartOffset(shadow.offset, `${path}.shadow.offset`)),
            ]),
          ]),
        ),
  ]);
}
