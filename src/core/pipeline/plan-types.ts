/**
 * The frame plan: everything the native engine needs to draw a VideoSpec frame by frame, with every
 * time string already resolved to global frame numbers. Built by `planRender` (plan.ts), pure data.
 */
import type { AudioAnalysis } from '../audio/audio-analysis.js';
import type { MotionTiming } from '../motion/progress.js';
import type { AnimationSpec, ElementSpec, SceneSpec, SceneTransitionIn } from '../../spec/index.js';

/** A half-open range of global frames `[start, end)`. */
export interface FrameWindow {
  start: number;
  end: number;
}

export interface RenderPlan {
  /** Output canvas size in pixels (the spec size, or the `--aspect` override). */
  width: number;
  height: number;
  /** The size the spec declares; differs from width × height only under an aspect override. */
  specWidth: number;
  specHeight: number;
  fps: number;
  /** Frames to render: the spec's total, capped by `maxFrames`. */
  totalFrames: number;
  /** The spec's own total length in frames, before any cap. */
  specTotalFrames: number;
  /** Frame index of the poster still, or null when no poster was requested. */
  posterFrame: number | null;
  scenes: PlannedScene[];
  /** The video `overlays`: drawn above every scene on the video clock, `show` windows measured on the whole video. */
  overlays: PlannedElement[];
  /** The analysed music tracks that beat triggers, audio-reactive animations and Bars read; null without. */
  audio: AudioAnalysis | null;
}

export interface PlannedScene {
  index: number;
  /** JSON path of the scene, such as `scenes[1]`. */
  path: string;
  scene: SceneSpec;
  /** The scene's own window `[start, start + duration)`; overlapping transitions make neighbours share frames. */
  window: FrameWindow;
  /** The blend from the previous scene into this one; null for a cut and for the first scene. */
  enter: PlannedTransition | null;
  /** The master's children (placeholders filled), then the scene's own, bottom to top. */
  children: PlannedElement[];
  /** Blends of the scene's element `transitions` between its top-level children (a Group's are on the Group). */
  elementBlends: PlannedElementBlend[];
}

/** One element transition: the incoming clip's first F frames, joined to the outgoing clip. */
export interface PlannedElementBlend {
  /** JSON paths of the two elements, siblings in the scene's stack or in one Group. */
  outgoing: string;
  incoming: string;
  blend: FrameWindow;
  transition: SceneTransitionIn;
  /** With `overlap: false`, the frame the outgoing clip is held at; null while it plays on. */
  holdFrame: number | null;
}

export interface PlannedTransition {
  /** The blend with its defaults resolved (kind, frames F > 0, overlap, ease). */
  transition: SceneTransitionIn;
  /** Frames of the blend `[start, start + F)`: the incoming scene's first F frames. */
  blend: FrameWindow;
}

export interface PlannedElement {
  /** JSON path, such as `scenes[0].children[2]`. */
  path: string;
  element: ElementSpec;
  /** The `show` window in global frames, or null when the element has no `show` (visible with its scene). */
  window: FrameWindow | null;
  /** The element scope: its `show` window, else the parent scope (the scene). */
  scope: FrameWindow;
  animations: PlannedAnimation[];
  /** Group children; empty for other types. */
  children: PlannedElement[];
  /** Blends of the scene's element `transitions` between this Group's children; absent for other types. */
  elementBlends?: PlannedElementBlend[] | undefined;
  /** The planned `child` prop of a wrapper element (TitleCard, DeviceFrame, ...), with its own window and animations. */
  child?: PlannedElement | undefined;
}

export type AnimationPhase = 'enter' | 'exit' | 'during';

export interface PlannedAnimation {
  /** JSON path, such as `scenes[0].children[2].animate[1]`. */
  path: string;
  animation: AnimationSpec;
  phase: AnimationPhase;
  timing: MotionTiming;
  /** The stagger (own or cascaded from motionDefaults) in frames; null when there is none. */
  stagger: PlannedStagger | null;
  /** Raw `keyframes` stop positions as fractions 0..1 of the span; null spaces the stops evenly. */
  stopPositions: number[] | null;
  /** The element scope (its `show` window, else the scene's), which parallax measures progress in. */
  scope: FrameWindow;
  /** The scene's window; effects that read the frame clock (seeded float) count from its start. */
  scene: FrameWindow;
}

/** A resolved stagger: `each` and `wave` carry the per-step gap, `evenly` the total spread, all in frames. */
export type PlannedStagger =
  | { kind: 'each'; frames: number }
  | { kind: 'evenly'; frames: number }
  | { kind: 'wave'; origin: 'start' | 'end' | 'center' | 'edges'; frames: number };
