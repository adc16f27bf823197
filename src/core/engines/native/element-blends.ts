/**
 * Element transitions between siblings, which are a scene's top-level elements or a Group's
 * children. During a blend the two clips are painted as a pair the way scenes blend
 * (draw-transition.ts). The blend works in the coordinates of the parent box, because each
 * element's placement fills its parent. The progress is p = (f − start + 1) / F, eased like a scene
 * blend. With `overlap: false` the outgoing clip is evaluated at its held last frame.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { easeFor } from '../../motion/ease.js';
import type { PlannedElementBlend } from '../../pipeline/plan-types.js';
import type { DrawNode } from './nodes.js';
import { blendOf, type SceneBlend } from './transition.js';

export interface PreparedElementBlend {
  planned: PlannedElementBlend;
  /** Indexes of the two clips among their sibling nodes. */
  outgoing: number;
  incoming: number;
  /** Per-frame scratch: the blend on the frame being drawn, or null outside its window. */
  active: SceneBlend | null;
}

/** Matches each planned blend to the sibling nodes by JSON path. */
export function prepareElementBlends(blends: readonly PlannedElementBlend[], nodes: readonly DrawNode[]): PreparedElementBlend[] {
  const prepared: PreparedElementBlend[] = [];
  for (const planned of blends) {
    const outgoing = nodes.findIndex((node) => node.path === planned.outgoing);
    const incoming = nodes.findIndex((node) => node.path === planned.incoming);
    if (outgoing >= 0 && incoming >= 0) prepared.push({ planned, outgoing, incoming, active: null });
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

/**
 * Sets each blend's state for `frame` and appends it to the frame signature. An active blend
 * without overlap evaluates its outgoing clip again at the held frame, through `evaluate`.
 */
export function evaluateElementBlends(
  blends: readonly PreparedElementBlend[],
  nodes: readonly DrawNode[],
  frame: number,
  signature: number[],
  evaluate: (node: DrawNode, frame: number) => void,
): void {
  for (const blend of blends) {
    const active = elementBlendAt(blend, frame);
    blend.active = active;
    signature.push(active === null ? -1 : active.e);
    if (active !== null && blend.planned.holdFrame !== null) evaluate(nodes[blend.outgoing]!, blend.planned.holdFrame);
  }
}

export type DrawPair = (ctx: SKRSContext2D, pair: { outgoing: DrawNode; incoming: DrawNode; blend: SceneBlend }) => void;

/**
 * Paints sibling `nodes` bottom to top. A clip pair whose blend is active on this frame is painted
 * as one blend, in the slot of the upper clip.
 *
 * NOTE: Fluvie puts the blend's lower layer in the lower clip's slot and the upper layer in the
 * upper clip's slot, so a sibling between two clips would sit between the two layers. Here it sits
 * under both; the clips of a transition are usually adjacent, where the two orders agree.
 */
export function drawNodesWithBlends(
  ctx: SKRSContext2D,
  nodes: readonly DrawNode[],
  blends: readonly PreparedElementBlend[],
  drawNode: (ctx: SKRSContext2D, node: DrawNode) => void,
  drawPair: DrawPair,
): void {
  if (!blends.some((blend) => blend.active !== null)) {
    for (const node of nodes) drawNode(ctx, node);
    return;
  }
  const upper = new Map<number, PreparedElementBlend>();
  const lower = new Set<number>();
  for (const blend of blends) {
    if (blend.active === null) continue;
    upper.set(Math.max(blend.outgoing, blend.incoming), blend);
    lower.add(Math.min(blend.outgoing, blend.incoming));
  }
  nodes.forEach((node, index) => {
    const blend = upper.get(index);
    if (blend !== undefined && blend.active !== null) {
      drawPair(ctx, { outgoing: nodes[blend.outgoing]!, incoming: nodes[blend.incoming]!, blend: blend.active });
      return;
    }
    if (!lower.has(index)) drawNode(ctx, node);
  });
}
