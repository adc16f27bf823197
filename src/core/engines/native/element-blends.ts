/**
 * Element transitions inside a scene: during a blend, the two clips are painted as a pair the way
 * scenes blend (draw-transition.ts), in canvas coordinates because each element's box is placed in
 * the full canvas. The progress is p = (f − start + 1) / F, eased like a scene blend. With
 * `overlap: false` the outgoing clip is evaluated at its held last frame.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { easeFor } from '../../motion/ease.js';
import type { PlannedElementBlend } from '../../pipeline/plan-types.js';
import type { DrawNode } from './nodes.js';
import { blendOf, type SceneBlend } from './transition.js';

export interface PreparedElementBlend {
  planned: PlannedElementBlend;
  /** Indexes of the two clips in the scene's top-level nodes. */
  outgoing: number;
  incoming: number;
}

/** Matches each planned blend to the scene's top-level nodes by JSON path. */
export function prepareElementBlends(blends: readonly PlannedElementBlend[], nodes: readonly DrawNode[]): PreparedElementBlend[] {
  const prepared: PreparedElementBlend[] = [];
  for (const planned of blends) {
    const outgoing = nodes.findIndex((node) => node.path === planned.outgoing);
    const incoming = nodes.findIndex((node) => node.path === planned.incoming);
    if (outgoing >= 0 && incoming >= 0) prepared.push({ planned, outgoing, incoming });
  }
  return prepared;
}

/** Returns the eased blend of `blend` on `frame`, or null outside its window. */
export function elementBlendAt(blend: PreparedElementBlend, frame: number): SceneBlend | null {
  const { start, end } = blend.planned.blend;
  if (frame < start || frame >= end) return null;
  const transition = blend.planned.transition;
  const p = Math.min(Math.max((frame - start + 1) / (end - start), 0), 1);
  return blendOf(transition, easeFor(transition.ease)(p));
}

/** Returns the frame to evaluate the outgoing clip at while `blend` runs: its held frame, or null when it plays on. */
export function heldFrameAt(blend: PreparedElementBlend, frame: number): number | null {
  if (blend.planned.holdFrame === null) return null;
  return elementBlendAt(blend, frame) === null ? null : blend.planned.holdFrame;
}

export type DrawPair = (ctx: SKRSContext2D, pair: { outgoing: DrawNode; incoming: DrawNode; blend: SceneBlend }) => void;

/**
 * Paints `nodes` bottom to top; a clip pair in an active blend is painted as one blend in the slot
 * of the upper clip.
 *
 * NOTE: Fluvie puts the blend's lower layer in the lower clip's slot and the upper layer in the
 * upper clip's slot, so a sibling between two clips would sit between the two layers. Here it sits
 * under both; the clips of a transition are usually adjacent, where the two orders agree.
 */
export function drawNodesWithBlends(
  ctx: SKRSContext2D,
  nodes: readonly DrawNode[],
  blends: readonly PreparedElementBlend[],
  frame: number,
  drawNode: (ctx: SKRSContext2D, node: DrawNode) => void,
  drawPair: DrawPair,
): void {
  if (blends.length === 0) {
    for (const node of nodes) drawNode(ctx, node);
    return;
  }
  const upper = new Map<number, { blend: PreparedElementBlend; state: SceneBlend }>();
  const lower = new Set<number>();
  for (const blend of blends) {
    const state = elementBlendAt(blend, frame);
    if (state === null) continue;
    upper.set(Math.max(blend.outgoing, blend.incoming), { blend, state });
    lower.add(Math.min(blend.outgoing, blend.incoming));
  }
  nodes.forEach((node, index) => {
    const active = upper.get(index);
    if (active !== undefined) {
      drawPair(ctx, { outgoing: nodes[active.blend.outgoing]!, incoming: nodes[active.blend.incoming]!, blend: active.state });
      return;
    }
    if (!lower.has(index)) drawNode(ctx, node);
  });
}
