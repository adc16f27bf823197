/** Dart for scene backgrounds, transitions and the export mode. */
import type { BackgroundSpec, ExportSpec, TransitionSpec } from '../schema/types.js';
import { call, list, named, positional, raw, type DartArg, type DartExpr } from './dart-expr.js';
import { dartAlignment, dartColor, dartEase, dartEnum, dartNumber, dartNumberList, dartString, dartTime } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';

/** `Background.<kind>(...)`. */
export function printBackground(background: BackgroundSpec, path: string): DartExpr {
  switch (background.kind) {
    case 'color':
      return call('Background.color', [positional(dartColor(background.color, `${path}.color`))]);
    case 'gradient':
      return call('Background.gradient', [
        positional(colors(background.colors, `${path}.colors`)),
        background.stops === undefined ? null : named('stops', dartNumberList(background.stops, `${path}.stops`)),
        background.begin === undefined ? null : named('begin', dartAlignment(background.begin, `${path}.begin`)),
        background.end === undefined ? null : named('end', dartAlignment(background.end, `${path}.end`)),
      ]);
    case 'radial':
      return call('Background.radial', [
        positional(colors(background.colors, `${path}.colors`)),
        background.stops === undefined ? null : named('stops', dartNumberList(background.stops, `${path}.stops`)),
      ]);
    case 'image':
      return call('Background.image', [
        positional(dartString(background.source)),
        background.fit === undefined ? null : named('fit', dartEnum('BoxFit', background.fit)),
      ]);
    case 'video':
      return call('Background.video', [positional(dartString(background.source))]);
    case 'noise':
      return call('Background.noise', [background.scale === undefined ? null : named('scale', dartNumber(background.scale, `${path}.scale`))]);
    case 'vhs':
      return call('Background.vhs', []);
  }
}

function colors(values: readonly BackgroundSpecColor[], path: string): DartExpr {
  return list(values.map((color, index) => dartColor(color, `${path}[${index}]`)));
}

type BackgroundSpecColor = Extract<BackgroundSpec, { kind: 'gradient' }>['colors'][number];

/** `Transition.<kind>(duration, ...)`; the duration is positional. */
export function printTransition(transition: TransitionSpec, path: string): DartExpr {
  if (transition.kind === 'cut') return call('Transition.cut', []);
  const tail: Array<DartArg | null> = [
    transition.overlap === undefined ? null : named('overlap', raw(String(transition.overlap))),
    transition.ease === undefined ? null : named('ease', dartEase(transition.ease, `${path}.ease`)),
  ];
  const duration = positional(dartTime(transition.duration, `${path}.duration`));
  switch (transition.kind) {
    case 'crossFade':
      return call('Transition.crossFade', [duration, ...tail]);
    case 'wipe':
      return call('Transition.wipe', [duration, transition.direction === undefined ? null : named('direction', dartEnum('Edge', transition.direction)), ...tail]);
    case 'zoom':
      return call('Transition.zoom', [duration, transition.into === undefined ? null : named('into', dartAlignment(transition.into, `${path}.into`)), ...tail]);
    case 'slide':
      return call('Transition.slide', [duration, transition.from === undefined ? null : named('from', dartEnum('Edge', transition.from)), ...tail]);
  }
}

/** Fluvie's closed mp4 encoder choices: the Dart enum and its values, per export key. */
const ENCODER_ENUMS = {
  codec: { type: 'ExportCodec', values: new Set(['h264', 'h265']) },
  preset: { type: 'EncoderPreset', values: new Set(['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow', 'slower', 'veryslow']) },
  pixelFormat: { type: 'ExportPixelFormat', values: new Set(['yuv420p', 'yuv420p10le', 'yuv444p']) },
} as const;

/** `Export.<mode>(...)`. */
export function printExport(exportSpec: ExportSpec, path: string): DartExpr {
  switch (exportSpec.mode) {
    case 'mp4': {
      const encoder = (key: keyof typeof ENCODER_ENUMS): DartArg | null => {
        const value = exportSpec[key];
        if (value === undefined) return null;
        const { type, values } = ENCODER_ENUMS[key];
        if (!values.has(value)) throw new DartPrintError(`${path}.${key}`, `Fluvie has no ${type} ${JSON.stringify(value)}; use one of ${[...values].join(', ')}`);
        return named(key, dartEnum(type, value));
      };
      return call('Export.mp4', [
        exportSpec.quality === undefined ? null : named('quality', dartEnum('Quality', exportSpec.quality)),
        encoder('codec'),
        exportSpec.crf === undefined ? null : named('crf', dartNumber(exportSpec.crf, `${path}.crf`)),
        encoder('preset'),
        encoder('pixelFormat'),
      ]);
    }
    case 'gif':
      return call('Export.gif', [exportSpec.fps === undefined ? null : named('fps', dartNumber(exportSpec.fps, `${path}.fps`))]);
    case 'imageSequence':
      return call('Export.imageSequence', [exportSpec.format === undefined ? null : named('format', dartEnum('ImageFormat', exportSpec.format))]);
    case 'transparent':
      return call('Export.transparent', []);
  }
}
