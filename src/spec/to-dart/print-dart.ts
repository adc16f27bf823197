/**
 * Prints a VideoSpec as the Dart source of a Fluvie `Video build()` function, the `code` a prompt or
 * edit render shows. The output has comment lines for what plain Fluvie code expresses differently,
 * the two imports, one `final x = Anchor('id');` per anchor id, and a `return Video(...)` that builds
 * the same composition. Masters and theme tokens are resolved first, because Fluvie code has no
 * master or theme object. Pure: no I/O.
 */
import type { ElementTransitionSpec, SceneSpec, VideoSpec } from '../schema/types.js';
import { AnchorNames } from './anchor-names.js';
import { call, layout, list, named, positional, raw, type DartArg, type DartExpr } from './dart-expr.js';
import { dartNumber, dartString, dartTime } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';
import { laneMixOf, printAudioTracks, type LaneMix } from './print-audio.js';
import { clipLaneGainsOf, type PrintContext } from './print-context.js';
import { printElementList } from './print-element.js';
import { headerComments } from './print-header-comments.js';
import { printMotionDefaults } from './print-motion.js';
import { printBackground, printExport, printTransition } from './print-scene.js';
import { applyMasters } from './resolve-masters.js';
import { applyTheme } from './resolve-theme.js';

const IMPORTS = ["import 'package:flutter/material.dart' hide Animation, Clip, Image, Tween;", "import 'package:fluvie/fluvie.dart';"];

/**
 * Top-level keys with a Dart form. `fluvieSpec` is the schema version, `editor` is tool data and
 * `lanes` only mute or scale audio; `theme` and `masters` are gone after resolving.
 */
const PRINTED_VIDEO_KEYS = new Set(['fluvieSpec', 'size', 'fps', 'poster', 'export', 'motionDefaults', 'transition', 'scenes', 'audio', 'lanes', 'overlays', 'editor']);
/** Scene keys with a Dart form. `layout` places elements the same either way; `steps` and `notes` get a header comment. */
const PRINTED_SCENE_KEYS = new Set(['duration', 'background', 'enter', 'exit', 'motionDefaults', 'children', 'audio', 'layout', 'transitions', 'steps', 'notes']);

/**
 * Returns the Dart source for `spec`, ending in a newline. The same spec always prints the same bytes.
 * @throws FluvieError `unsupported_feature` (a DartPrintError) naming the JSON path of the first
 * value that has no Dart form.
 */
export function printVideoSpecDart(spec: VideoSpec): string {
  const masters = applyMasters(spec);
  const theme = applyTheme(masters.spec);
  const resolved = theme.spec;

  const anchors = new AnchorNames().collect(resolved);
  const context: PrintContext = { anchors, clipLaneGains: clipLaneGainsOf(resolved.lanes) };
  const video = printVideo(resolved, context);
  const body = `  return ${layout(video, 2, 9, ';')};`;
  const declarations = anchors.declarations.map((line) => `  ${line}`);
  const comments = headerComments(resolved, { themeResolved: theme.resolved, masters: masters.applied });
  return [...comments, ...IMPORTS, '', 'Video build() {', ...declarations, body, '}', ''].join('\n');
}

function printVideo(spec: VideoSpec, context: PrintContext): DartExpr {
  const extra = Object.keys(spec).find((key) => !PRINTED_VIDEO_KEYS.has(key));
  if (extra !== undefined) throw new DartPrintError(extra, `the top-level "${extra}" has no Dart form`);
  const mix = laneMixOf(spec.lanes);
  const overlays = spec.overlays ?? [];

  return call('Video', [
    spec.size === undefined ? null : named('size', printSize(spec.size)),
    // Fluvie's default is 30 fps, so only other rates are printed.
    spec.fps === undefined || spec.fps === 30 ? null : named('fps', dartNumber(spec.fps, 'fps')),
    spec.poster === undefined || spec.poster === null ? null : named('poster', dartTime(spec.poster, 'poster')),
    spec.export === undefined ? null : named('export', printExport(spec.export, 'export')),
    spec.motionDefaults === undefined ? null : named('motionDefaults', printMotionDefaults(spec.motionDefaults, 'motionDefaults')),
    spec.transition === undefined || spec.transition === null ? null : named('transition', printTransition(spec.transition, 'transition')),
    named('audio', printAudioTracks(spec.audio, context.anchors, mix, 'audio')),
    overlays.length === 0 ? null : named('overlays', list(printElementList(overlays, context, 'overlays'))),
    named('scenes', list(spec.scenes.map((scene, index) => printScene(scene, context, mix, `scenes[${index}]`)))),
  ]);
}

function printSize(size: NonNullable<VideoSpec['size']>): DartExpr {
  if (typeof size === 'string') return raw(`VideoSize.${size}`);
  return call('VideoSize', [positional(raw(String(size.width))), positional(raw(String(size.height)))]);
}

function printScene(scene: SceneSpec, context: PrintContext, mix: LaneMix, path: string): DartExpr {
  const extra = Object.keys(scene).find((key) => !PRINTED_SCENE_KEYS.has(key));
  if (extra !== undefined) throw new DartPrintError(`${path}.${extra}`, `the scene property "${extra}" has no Dart form`);

  const args: Array<DartArg | null> = [
    named('duration', dartTime(scene.duration, `${path}.duration`)),
    scene.background === undefined ? null : named('background', printBackground(scene.background, `${path}.background`)),
    scene.enter === undefined || scene.enter === null ? null : named('enter', printTransition(scene.enter, `${path}.enter`)),
    scene.exit === undefined || scene.exit === null ? null : named('exit', printTransition(scene.exit, `${path}.exit`)),
    scene.motionDefaults === undefined ? null : named('motionDefaults', printMotionDefaults(scene.motionDefaults, `${path}.motionDefaults`)),
    named('audio', printAudioTracks(scene.audio, context.anchors, mix, `${path}.audio`)),
    named('children', printSceneChildren(scene, context, path)),
  ];
  return call('Scene', args);
}

/**
 * Prints the scene's `children:` list, or returns undefined when it has none. Element transitions
 * wrap the children in one `ClipTransitionGroup`, which blends each named pair the way scene
 * transitions blend scenes. It finds the pair's elements by their `ElementId`.
 */
function printSceneChildren(scene: SceneSpec, context: PrintContext, path: string): DartExpr | undefined {
  const children = printElementList(scene.children ?? [], context, `${path}.children`);
  const transitions = scene.transitions ?? [];
  if (transitions.length === 0) return children.length === 0 ? undefined : list(children);

  const edges = transitions.map((transition, index) => printElementTransition(transition, `${path}.transitions[${index}]`));
  return list([call('ClipTransitionGroup', [named('children', list(children)), named('transitions', list(edges))])]);
}

function printElementTransition(transition: ElementTransitionSpec, path: string): DartExpr {
  const [outgoing, incoming] = transition.between;
  return call('ClipTransition', [
    named('outgoing', dartString(outgoing)),
    named('incoming', dartString(incoming)),
    named('transition', printTransition(transition, path)),
  ]);
}
