/** Dart for the media elements: `Image.<kind>(...)` and `Clip.<kind>(...)`. */
import type { ClipElement, ElementSpec, ImageElement, KeyframedNumberSpec, MediaSource } from '../schema/types.js';
import { call, named, positional, raw, type DartArg, type DartExpr } from './dart-expr.js';
import { dartEnum, dartNumber, dartRect, dartString, dartTime, dartTimeRange, textOf } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';
import { printAutomation, printKeyframedNumber } from './print-audio.js';

/** The type-specific keys these printers read, per element type. */
export const MEDIA_PROPS: Readonly<Record<string, ReadonlySet<string>>> = {
  Image: new Set(['source', 'fit', 'cornerRadius', 'crop', 'frame']),
  Clip: new Set(['source', 'trim', 'fit', 'volume', 'automation', 'fadeIn', 'fadeOut', 'poster', 'speed']),
};

/**
 * Prints one of the element types above, or returns null for any other type. A `bundle` source
 * prints as an asset, because the printed program runs with the bundle's media folder shipped as
 * project assets.
 */
export function printMediaElement(element: ElementSpec, laneGain: number, path: string): DartExpr | null {
  if (element.type === 'Image') return printImage(element, path);
  if (element.type === 'Clip') return printClip(element, laneGain, path);
  return null;
}

function constructorKind(source: MediaSource): 'asset' | 'network' | 'file' {
  return source.kind === 'bundle' ? 'asset' : source.kind;
}

function printImage(element: ImageElement, path: string): DartExpr {
  return call(`Image.${constructorKind(element.source)}`, [
    positional(dartString(element.source.value)),
    element.fit === undefined ? null : named('fit', dartEnum('BoxFit', element.fit)),
    element.cornerRadius === undefined ? null : named('cornerRadius', dartNumber(element.cornerRadius, `${path}.cornerRadius`)),
    element.crop === undefined ? null : named('crop', dartRect(element.crop, `${path}.crop`)),
    element.frame === undefined ? null : named('frame', printPhotoFrame(element.frame, `${path}.frame`)),
  ]);
}

function printPhotoFrame(frame: NonNullable<ImageElement['frame']>, path: string): DartExpr {
  const radius = frame.radius === undefined ? null : named('radius', dartNumber(frame.radius, `${path}.radius`));
  switch (frame.style) {
    case 'none':
      return call('PhotoFrame.none', []);
    case 'rounded':
      return call('PhotoFrame.rounded', [radius]);
    case 'card':
      return call('PhotoFrame.card', [radius, frame.elevation === undefined ? null : named('elevation', dartNumber(frame.elevation, `${path}.elevation`))]);
    case 'polaroid':
      return call('PhotoFrame.polaroid', [frame.caption === undefined ? null : named('caption', dartString(frame.caption))]);
  }
}

/** `Clip.<kind>(source, trim:, fit:, audio:, poster:, speed: | speedRamp:)`; a network source is a `Uri`. */
function printClip(element: ClipElement, laneGain: number, path: string): DartExpr {
  const { source, trim, speed } = element;
  const value = dartString(source.value);
  if (trim !== undefined && (trim.from === undefined || trim.to === undefined)) {
    throw new DartPrintError(`${path}.trim`, 'a clip trim prints as TimeRange(from, to), so it needs both "from" and "to"');
  }
  return call(`Clip.${constructorKind(source)}`, [
    positional(source.kind === 'network' ? raw(`Uri.parse(${textOf(value)})`) : value),
    trim?.from === undefined || trim.to === undefined ? null : named('trim', dartTimeRange(trim.from, trim.to, `${path}.trim`)),
    element.fit === undefined ? null : named('fit', dartEnum('BoxFit', element.fit)),
    named('audio', printClipAudio(element, laneGain, path)),
    element.poster === undefined ? null : named('poster', printMediaSource(element.poster)),
    speedArg(speed, `${path}.speed`),
  ]);
}

function speedArg(speed: KeyframedNumberSpec | undefined, path: string): DartArg | null {
  if (speed === undefined) return null;
  if (typeof speed === 'number') return named('speed', dartNumber(speed, path));
  return named('speedRamp', printKeyframedNumber(speed, path));
}

/**
 * Prints the clip's `ClipAudio`, or returns undefined for the default (source audio at full volume).
 * Volume 0 or a muted lane is `ClipAudio.muted()`, and a lane gain other than 1 scales the whole policy.
 */
function printClipAudio(element: ClipElement, laneGain: number, path: string): DartExpr | undefined {
  const { volume, automation, fadeIn, fadeOut } = element;
  if (volume === 0 || laneGain === 0) return call('ClipAudio.muted', []);
  if (volume === undefined && automation?.volume === undefined && fadeIn === undefined && fadeOut === undefined && laneGain === 1) return undefined;
  const included = call('ClipAudio.included', [
    volume === undefined ? null : named('volume', dartNumber(volume, `${path}.volume`)),
    automation?.volume === undefined ? null : named('automation', printAutomation(automation.volume, `${path}.automation.volume`)),
    fadeIn === undefined ? null : named('fadeIn', dartTime(fadeIn, `${path}.fadeIn`)),
    fadeOut === undefined ? null : named('fadeOut', dartTime(fadeOut, `${path}.fadeOut`)),
  ]);
  return laneGain === 1 ? included : call('scaledBy', [positional(dartNumber(laneGain, `${path}.lane`))], included);
}

function printMediaSource(source: MediaSource): DartExpr {
  const value = dartString(source.value);
  if (source.kind === 'network') return call('MediaSource.network', [positional(raw(`Uri.parse(${textOf(value)})`))]);
  return call(`MediaSource.${constructorKind(source)}`, [positional(value)]);
}
