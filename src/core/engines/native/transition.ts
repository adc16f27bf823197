/**
 * Which scenes a global frame shows, and how they blend. The blend window of a boundary is the
 * incoming scene's first F frames, with progress p = (f − blendStart + 1) / F (never 0, exactly 1 on
 * the last blend frame), eased by the transition's ease. With `overlap: false` the outgoing scene is
 * frozen on its last frame. The engine draws `crossFade` (incoming on top at opacity e) and `cut`.
 * Other kinds keep their timing but switch hard, and findUnsupportedFeatures reports them.
 */
import { easeFor } from '../../motion/ease.js';
import type { PlannedScene, RenderPlan } from '../../pipeline/plan-types.js';

export interface SceneAtFrame {
  scene: PlannedScene;
  /** The frame the scene's elements are evaluated at (differs from the global frame when frozen). */
  frame: number;
}

export interface FrameComposition {
  /** Painted first; null outside a blend. */
  outgoing: SceneAtFrame | null;
  incoming: SceneAtFrame;
  /** Opacity of the incoming scene, 1 outside a blend. */
  incomingOpacity: number;
}

/** Resolves the scenes and blend of global `frame`. */
export function composeFrame(plan: RenderPlan, frame: number): FrameComposition {
  let index = 0;
  for (let i = 1; i < plan.scenes.length; i += 1) {
    if (plan.scenes[i]!.window.start <= frame) index = i;
  }
  const scene = plan.scenes[index]!;
  const enter = scene.enter;
  const incoming = { scene, frame };
  if (enter === null || enter.transition.kind !== 'crossFade' || frame >= enter.blend.end) {
    return { outgoing: null, incoming, incomingOpacity: 1 };
  }

  const previous = plan.scenes[index - 1]!;
  const p = (frame - enter.blend.start + 1) / enter.transition.frames;
  const e = easeFor(enter.transition.ease)(p);
  const outgoingFrame = enter.transition.overlap ? frame : previous.window.end - 1;
  return { outgoing: { scene: previous, frame: outgoingFrame }, incoming, incomingOpacity: e };
}
