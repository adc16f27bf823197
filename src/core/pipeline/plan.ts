/**
 * The pure planner: a validated VideoSpec plus render options become a {@link RenderPlan} with the
 * canvas size, fps, frame count, each scene's window and blend, each element's `show` window and
 * each animation's span in global frames. Theme tokens are resolved and master layouts applied
 * here, so the engine draws plain colours, styles and element lists.
 */
import { FluvieError } from '../errors.js';
import {
  parseTime,
  resolveSceneTimeline,
  resolveThemeTokens,
  resolveTimeFrames,
  resolveVideoSize,
  type ElementSpec,
  type ElementTransitionSpec,
  type MotionDefaultsSpec,
  type SceneWindow,
  type ShowWindowSpec,
  type VideoSpec,
} from '../../spec/index.js';
import { selectTrack, type AudioAnalysis } from '../audio/audio-analysis.js';
import { AnimationPlanner } from './plan-anchors.js';
import type { AnimationScope } from './plan-animation.js';
import { layoutElementTransitions } from './plan-element-transitions.js';
import { applySceneMaster, type SceneEntry } from '../../spec/apply-master.js';
import { canvasSizeFor } from './plan-size.js';
import type { FrameWindow, PlannedElement, PlannedElementBlend, PlannedScene, RenderPlan } from './plan-types.js';
import type { Aspect } from './render-request.js';

export type { RenderPlan } from './plan-types.js';

export interface PlanOptions {
  aspect: Aspect | null;
  /** Render only the first N frames, or null for all. */
  maxFrames: number | null;
  /** Poster time in the VideoSpec time grammar; null falls back to the spec's `poster`, if any. */
  posterTime: string | null;
  /** The analysed music tracks; beat triggers are planned only with it. Default null. */
  audio?: AudioAnalysis | null;
}

export function planRender(input: VideoSpec, options: PlanOptions): RenderPlan {
  const spec = resolveThemeTokens(input);
  const timeline = resolveSceneTimeline(spec);
  const fps = timeline.fps;
  const specSize = resolveVideoSize(spec.size);
  const size = canvasSizeFor(specSize, options.aspect);
  const totalFrames = capFrames(timeline.totalFrames, options.maxFrames);
  // Animations are planned after every element exists, so anchor triggers can follow any element.
  const animations = new AnimationPlanner();
  const audio = options.audio ?? null;
  const beatFrames = audio === null ? undefined : (track: string | undefined, path: string) => selectTrack(audio, track, path).beats;
  const scenes = timeline.scenes.map((window) => planScene(spec, window, fps, animations, beatFrames));
  const overlays = planOverlays(spec, fps, timeline.totalFrames, animations, beatFrames);
  animations.planAll();

  return {
    width: size.width,
    height: size.height,
    specWidth: specSize.width,
    specHeight: specSize.height,
    fps,
    totalFrames,
    specTotalFrames: timeline.totalFrames,
    posterFrame: posterFrameOf(options.posterTime ?? spec.poster ?? null, fps, timeline.totalFrames, totalFrames),
    scenes,
    overlays,
    audio,
  };
}

function capFrames(total: number, maxFrames: number | null): number {
  if (maxFrames === null) return total;
  if (!Number.isInteger(maxFrames) || maxFrames < 1) {
    throw new FluvieError('usage', `--frames must be a whole number of at least 1, got ${maxFrames}`);
  }
  return Math.min(total, maxFrames);
}

/** Poster frame at the render fps; relative times measure the whole video. Clamped to the rendered frames. */
function posterFrameOf(time: string | null, fps: number, specTotal: number, rendered: number): number | null {
  if (time === null) return null;
  const frame = resolveTimeFrames(parseTime(time), fps, specTotal);
  return Math.min(Math.max(frame, 0), rendered - 1);
}

function planScene(spec: VideoSpec, window: SceneWindow, fps: number, animations: AnimationPlanner, beatFrames: AnimationScope['beatFrames']): PlannedScene {
  const applied = applySceneMaster(spec, window.index);
  const path = `scenes[${window.index}]`;
  const sceneWindow = { start: window.start, end: window.start + window.duration };
  const transition = window.transitionIn;
  const context: ElementContext = {
    fps,
    scene: sceneWindow,
    motionDefaults: [applied.scene.motionDefaults, ...videoMotionDefaults(spec)],
    animations,
    ...(beatFrames === undefined ? {} : { beatFrames }),
    transitions: applied.scene.transitions ?? [],
    sceneIndex: window.index,
    usedTransitions: new Set(),
  };
  const siblings = planSiblings(applied.entries, context, sceneWindow);
  context.transitions.forEach((transition, index) => {
    if (!context.usedTransitions.has(index)) {
      throw new FluvieError('spec_invalid', `${path}.transitions[${index}]: "${transition.between[0]}" and "${transition.between[1]}" are not siblings; an element transition joins two elements of the scene or of one Group`);
    }
  });
  return {
    index: window.index,
    path,
    scene: applied.scene,
    window: sceneWindow,
    enter: transition === null ? null : { transition, blend: { start: window.start, end: window.start + transition.frames } },
    children: siblings.children,
    elementBlends: siblings.blends,
  };
}

/** Overlays run on the video clock: their scope and `show` windows measure the whole video. */
function planOverlays(spec: VideoSpec, fps: number, totalFrames: number, animations: AnimationPlanner, beatFrames: AnimationScope['beatFrames']): PlannedElement[] {
  const video = { start: 0, end: totalFrames };
  const context: ElementContext = {
    fps,
    scene: video,
    motionDefaults: videoMotionDefaults(spec),
    animations,
    ...(beatFrames === undefined ? {} : { beatFrames }),
    transitions: [],
    sceneIndex: -1,
    usedTransitions: new Set(),
  };
  return planElements(spec.overlays ?? [], 'overlays', context, video);
}

/** Returns the video's cascade layers under a scene's: its `motionDefaults`, then the theme's `motion`. */
function videoMotionDefaults(spec: VideoSpec): (MotionDefaultsSpec | undefined)[] {
  return [spec.motionDefaults, spec.theme?.motion];
}

type ElementContext = Omit<AnimationScope, 'window' | 'anchorTimeline'> & {
  animations: AnimationPlanner;
  /** The scene's element transitions, each laid out over the list of siblings that contains both ids. */
  transitions: readonly ElementTransitionSpec[];
  sceneIndex: number;
  /** Indexes of the transitions already laid out. A transition that no sibling list contains is an error. */
  usedTransitions: Set<number>;
};

function planElements(elements: readonly ElementSpec[], path: string, context: ElementContext, parentScope: FrameWindow): PlannedElement[] {
  return elements.map((element, index) => planElement(element, `${path}[${index}]`, context, parentScope));
}

/** Plans a list of siblings, laying out the element transitions between them first, because they move the clips' windows. */
function planSiblings(entries: readonly SceneEntry[], context: ElementContext, parentScope: FrameWindow): { children: PlannedElement[]; blends: PlannedElementBlend[] } {
  const authored = entries.map((entry) => ({ ...entry, window: elementWindow(entry, context) ?? parentScope }));
  const layout = layoutElementTransitions(authored, context.transitions, context.fps, context.sceneIndex);
  for (const index of layout.used) context.usedTransitions.add(index);
  const children = entries.map((entry) => planElement(entry.element, entry.path, context, parentScope, layout.windows.get(entry.path)));
  return { children, blends: layout.blends };
}

function elementWindow(entry: SceneEntry, context: ElementContext): FrameWindow | null {
  return entry.element.show === undefined ? null : showWindow(entry.element.show, `${entry.path}.show`, context);
}

/** `windowOverride` is the window an element transition gives a clip, which replaces its `show` window. */
function planElement(element: ElementSpec, path: string, context: ElementContext, parentScope: FrameWindow, windowOverride?: FrameWindow): PlannedElement {
  const window = windowOverride ?? elementWindow({ element, path }, context);
  const scope = window ?? parentScope;
  const child = 'child' in element && element.child !== undefined ? planElement(element.child, `${path}.child`, context, scope) : undefined;
  const planned: PlannedElement = {
    path,
    element,
    window,
    scope,
    animations: [],
    children: [],
    child,
  };
  if (element.type === 'Group') {
    const siblings = planSiblings(element.children.map((item, index) => ({ element: item, path: `${path}.children[${index}]` })), context, scope);
    planned.children = siblings.children;
    planned.elementBlends = siblings.blends;
  }
  const { animations, transitions: _transitions, sceneIndex: _sceneIndex, usedTransitions: _used, ...animationContext } = context;
  animations.add(planned, element.animate ?? [], { ...animationContext, window: scope });
  return planned;
}

/** `show.from` / `show.to` resolve against the scene (missing: its start / end), clamped into it. */
function showWindow(show: ShowWindowSpec, path: string, context: ElementContext): FrameWindow {
  const length = context.scene.end - context.scene.start;
  const resolve = (text: string | undefined, fallback: number): number =>
    text === undefined ? fallback : Math.min(Math.max(resolveTimeFrames(parseTime(text), context.fps, length), 0), length);
  const from = resolve(show.from, 0);
  const to = resolve(show.to, length);
  if (to < from) {
    throw new FluvieError('spec_invalid', `${path} ends before it starts (from frame ${from}, to frame ${to} of the scene); swap "from" and "to"`);
  }
  return { start: context.scene.start + from, end: context.scene.start + to };
}
