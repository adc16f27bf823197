/**
 * Which scenes a global frame shows, and how they blend. The blend window of a boundary is the
 * incoming scene's first F frames, with progress p = (f − blendStart + 1) / F (never 0, exactly 1 on
 * the last blend frame), eased by the transition's ease. With `overlap: false` the outgoing scene is
 * frozen on its last frame. draw-transition.ts paints each kind.
 */
import { resolveAlignment } from '../../../spec/index.js';
import { easeFor } from '../../motion/ease.js';
import type { PlannedScene, RenderPlan } from '../../pipeline/plan-types.js';

export interface SceneAtFrame {
  scene: PlannedScene;
  /** The frame the scene's elements are evaluated at (differs from the global frame when frozen). */
  frame: number;
}

/** The painting of a blend's two scenes; `e` is the eased progress. */
export type SceneBlend =
  | { kind: 'crossFade'; e: number }
  /** The incoming scene is clipped to a rect that grows toward `direction`. */
  | { kind: 'wipe'; e: number; direction: 'left' | 'right' | 'top' | 'bottom' }
  /** The outgoing scene, on top, scales 1 + e about the alignment point and fades to 1 − e. */
  | { kind: 'zoom'; e: number; intoX: number; intoY: number }
  /** Both scenes move along the `from` edge vector (dx, dy) in canvas fractions. */
  | { kind: 'slide'; e: number; dx: number; dy: number };

export interface FrameComposition {
  /** Null outside a blend. */
  outgoing: SceneAtFrame | null;
  incoming: SceneAtFrame;
  /** Null outside a blend. */
  blend: SceneBlend | null;
}

const EDGE_VECTORS = { left: [-1, 0], right: [1, 0], top: [0, -1], bottom: [0, 1] } as const;

/** Resolves the scenes and blend of global `frame`. */
export function composeFrame(plan: RenderPlan, frame: number): FrameComposition {
  let index = 0;
  for (let i = 1; i < plan.scenes.length; i += 1) {
    if (plan.scenes[i]!.window.start <= frame) index = i;
  }
  const scene = plan.scenes[index]!;
  const enter = scene.enter;
  const incoming = { scene, frame };
  if (enter === null || frame >= enter.blend.end) {
    return { outgoing: null, incoming, blend: null };
  }

  const previous = plan.scenes[index - 1]!;
  const transition = enter.transition;
  const p = (frame - enter.blend.start + 1) / transition.frames;
  const e = easeFor(transition.ease)(p);
  const outgoingFrame = transition.overlap ? frame : previous.window.end - 1;
  return { outgoing: { scene: previous, frame: outgoingFrame }, incoming, blend: blendOf(transition, e) };
}

/** Returns the painting of a resolved transition at eased progress `e`. */
export function blendOf(transition: NonNullable<PlannedScene['enter']>['transition'], e: number): SceneBlend {
  switch (transition.kind) {
    case 'wipe':
      return { kind: 'wipe', e, direction: transition.direction };
    case 'zoom': {
      const into = resolveAlignment(transition.into);
      return { kind: 'zoom', e, intoX: into.x, intoY: into.y };
    }
    case 'slide': {
      const [dx, dy] = EDGE_VECTORS[transition.from];
      return { kind: 'slide', e, dx, dy };
    }
    default:
      return { kind: 'crossFade', e };
  }
}
