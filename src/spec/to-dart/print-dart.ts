/**
 * Prints a VideoSpec as the Dart source of a Fluvie `Video build()` function, the `code` a prompt or
 * edit render shows. The output has the two imports, one `final x = Anchor('id');` per anchor id,
 * and a `return Video(...)` that builds the same composition. Pure: no I/O.
 */
import type { SceneSpec, VideoSpec } from '../schema/types.js';
import { AnchorNames } from './anchor-names.js';
import { call, layout, list, named, positional, raw, type DartArg, type DartExpr } from './dart-expr.js';
import { dartNumber, dartTime } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';
import { laneMixOf, printAudioTracks, type LaneMix } from './print-audio.js';
import { printElement } from './print-element.js';
import { printMotionDefaults } from './print-motion.js';
import { printBackground, printExport, printTransition } from './print-scene.js';

const IMPORTS = ["import 'package:flutter/material.dart' hide Animation, Clip, Image, Tween;", "import 'package:fluvie/fluvie.dart';"];

/** Top-level keys with a Dart form; `fluvieSpec` is the schema version and `editor` is tool data. */
const PRINTED_VIDEO_KEYS = new Set(['fluvieSpec', 'size', 'fps', 'poster', 'export', 'motionDefaults', 'transition', 'scenes', 'audio', 'lanes', 'editor']);
const PRINTED_SCENE_KEYS = new Set(['duration', 'background', 'enter', 'exit', 'motionDefaults', 'children', 'audio', 'layout']);

/**
 * Returns the Dart source for `spec`, ending in a newline.
 * @throws FluvieError `unsupported_feature` (a DartPrintError) naming the JSON path of the first
 * value the printer has no Dart form for.
 */
export function printVideoSpecDart(spec: VideoSpec): string {
  const anchors = new AnchorNames().collect(spec);
  const video = printVideo(spec, anchors);
  const body = `  return ${layout(video, 2, 9, ';')};`;
  const declarations = anchors.declarations.map((line) => `  ${line}`);
  return [...IMPORTS, '', 'Video build() {', ...declarations, body, '}', ''].join('\n');
}

function printVideo(spec: VideoSpec, anchors: AnchorNames): DartExpr {
  const extra = Object.keys(spec).find((key) => !PRINTED_VIDEO_KEYS.has(key));
  if (extra !== undefined) throw new DartPrintError(extra, `the top-level "${extra}" is not printed yet`);
  // Lanes have no Dart form of their own; they only mute tracks or scale their volume.
  const mix = laneMixOf(spec.lanes);

  return call('Video', [
    spec.size === undefined ? null : named('size', printSize(spec.size)),
    // Fluvie's default is 30 fps, so only other rates are printed.
    spec.fps === undefined || spec.fps === 30 ? null : named('fps', dartNumber(spec.fps, 'fps')),
    spec.poster === undefined || spec.poster === null ? null : named('poster', dartTime(spec.poster, 'poster')),
    spec.export === undefined ? null : named('export', printExport(spec.export, 'export')),
    spec.motionDefaults === undefined ? null : named('motionDefaults', printMotionDefaults(spec.motionDefaults, 'motionDefaults')),
    spec.transition === undefined || spec.transition === null ? null : named('transition', printTransition(spec.transition, 'transition')),
    named('scenes', list(spec.scenes.map((scene, index) => printScene(scene, anchors, mix, `scenes[${index}]`)))),
    named('audio', printAudioTracks(spec.audio, anchors, mix, 'audio')),
  ]);
}

function printSize(size: NonNullable<VideoSpec['size']>): DartExpr {
  if (typeof size === 'string') return raw(`VideoSize.${size}`);
  return call('VideoSize', [positional(raw(String(size.width))), positional(raw(String(size.height)))]);
}

function printScene(scene: SceneSpec, anchors: AnchorNames, mix: LaneMix, path: string): DartExpr {
  const extra = Object.keys(scene).find((key) => !PRINTED_SCENE_KEYS.has(key));
  if (extra !== undefined) throw new DartPrintError(`${path}.${extra}`, `the scene property "${extra}" is not printed yet`);

  const children = scene.children ?? [];
  const args: Array<DartArg | null> = [
    named('duration', dartTime(scene.duration, `${path}.duration`)),
    scene.background === undefined ? null : named('background', printBackground(scene.background, `${path}.background`)),
    scene.enter === undefined || scene.enter === null ? null : named('enter', printTransition(scene.enter, `${path}.enter`)),
    scene.exit === undefined || scene.exit === null ? null : named('exit', printTransition(scene.exit, `${path}.exit`)),
    scene.motionDefaults === undefined ? null : named('motionDefaults', printMotionDefaults(scene.motionDefaults, `${path}.motionDefaults`)),
    children.length === 0 ? null : named('children', list(children.map((child, index) => printElement(child, anchors, `${path}.children[${index}]`)))),
    named('audio', printAudioTracks(scene.audio, anchors, mix, `${path}.audio`)),
  ];
  return call('Scene', args);
}

