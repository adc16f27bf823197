/**
 * Shared-element morphs: an element with the same `shared` name in two adjacent scenes travels
 * from its rect in the outgoing scene to its rect in the incoming scene during the boundary's
 * blend, as Fluvie's hero overlay does. On each blend frame, with e the blend's eased progress:
 * - both slots are hidden in their scenes;
 * - a standalone copy of the incoming element (no placement, animations or window), laid out at
 *   its natural size under the canvas's loose constraints, is painted above both scenes, scaled
 *   onto lerp(sourceRect, targetRect, e);
 * - its opacity is lerp(source opacity, target opacity, e), each slot's composed keyframe opacity.
 * A cut boundary has no blend frames, so nothing morphs.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { PlannedElement } from '../../pipeline/plan-types.js';
import { layoutChildren } from './layout.js';
import type { DrawNode, Rect } from './nodes.js';

/** One shared name across one boundary. */
export interface SharedPair {
  name: string;
  /** Index of the incoming scene; the boundary joins it to the scene before. */
  incomingScene: number;
  source: SlotRef;
  target: SlotRef;
  /** The standalone copy of the target element that is painted during the morph. */
  clone: DrawNode;
}

/** A shared node and the canvas offset of the group boxes around it. */
export interface SlotRef {
  node: DrawNode;
  offsetX: number;
  offsetY: number;
}

/** The morph of one pair on one frame. */
export interface MorphState {
  pair: SharedPair;
  rect: Rect;
  opacity: number;
}

interface SharedSlot extends SlotRef {
  planned: PlannedElement;
}

/**
 * Pairs the shared names of each scene with the scene before it. `buildClone` prepares a planned
 * element as a node; the clone is laid out here.
 *
 * NOTE: Fluvie 0.3.1's registry returns only the first complete pair of a boundary
 * (`pairAtBoundary`), although its overlay documents one morph per pair. Every pair morphs here.
 */
export function pairSharedElements(
  scenes: readonly { planned: readonly PlannedElement[]; nodes: readonly DrawNode[] }[],
  canvas: { width: number; height: number },
  buildClone: (planned: PlannedElement) => DrawNode,
): SharedPair[] {
  const slots = scenes.map((scene) => collectSharedSlots(scene.planned, scene.nodes, 0, 0, new Map()));
  const pairs: SharedPair[] = [];
  for (let index = 1; index < scenes.length; index += 1) {
    for (const [name, target] of slots[index]!) {
      const source = slots[index - 1]!.get(name);
      if (source === undefined) continue;
      const clone = buildClone({ ...target.planned, window: null, animations: [] });
      clone.placement = null;
      layoutChildren([clone], canvas.width, canvas.height, 'center');
      pairs.push({ name, incomingScene: index, source, target, clone });
    }
  }
  return pairs;
}

/** Walks a scene's planned elements and their nodes in step, into Groups; the first slot of a name wins. */
function collectSharedSlots(planned: readonly PlannedElement[], nodes: readonly DrawNode[], offsetX: number, offsetY: number, found: Map<string, SharedSlot>): Map<string, SharedSlot> {
  planned.forEach((element, index) => {
    const node = nodes[index];
    if (node === undefined) return;
    const name = element.element.shared;
    if (name !== undefined && !found.has(name)) found.set(name, { node, planned: element, offsetX, offsetY });
    if (node.content.kind === 'group') collectSharedSlots(element.children, node.content.children, offsetX + node.box.x, offsetY + node.box.y, found);
  });
  return found;
}

/**
 * Computes the morph of `pair` at eased progress `e`, from the slots' keyframes of this frame.
 *
 * NOTE: a slot's rect follows its box, its keyframe translation and its keyframe scale. It does not
 * follow the rotation or skew of its keyframe, or any animation of an enclosing Group.
 */
export function morphAt(pair: SharedPair, e: number): MorphState {
  const from = slotRect(pair.source);
  const to = slotRect(pair.target);
  const lerp = (a: number, b: number): number => a + (b - a) * e;
  return {
    pair,
    rect: { x: lerp(from.x, to.x), y: lerp(from.y, to.y), width: lerp(from.width, to.width), height: lerp(from.height, to.height) },
    opacity: Math.min(Math.max(lerp(slotOpacity(pair.source.node), slotOpacity(pair.target.node)), 0), 1),
  };
}

function slotRect(slot: SlotRef): Rect {
  const { box, keyframe: k } = slot.node;
  const scaleX = k.scale * k.scaleX;
  const scaleY = k.scale * k.scaleY;
  const ox = ((k.originX + 1) / 2) * box.width;
  const oy = ((k.originY + 1) / 2) * box.height;
  return {
    x: slot.offsetX + box.x + k.x * box.width + ox - ox * scaleX,
    y: slot.offsetY + box.y + k.y * box.height + oy - oy * scaleY,
    width: box.width * scaleX,
    height: box.height * scaleY,
  };
}

/** Returns the slot's keyframe opacity, or 0 when the slot is outside its window or hidden. */
function slotOpacity(node: DrawNode): number {
  return node.painted ? node.keyframe.opacity : 0;
}

/** Appends the morph's drawn state to a frame signature. */
export function pushMorphSignature(state: MorphState, signature: number[]): void {
  signature.push(state.rect.x, state.rect.y, state.rect.width, state.rect.height, state.opacity);
}

/** Paints the clone onto the morph rect; `drawNode` paints a node at the given alpha. */
export function drawMorph(ctx: SKRSContext2D, state: MorphState, drawNode: (ctx: SKRSContext2D, node: DrawNode, alpha: number) => void): void {
  const clone = state.pair.clone;
  const natural = clone.box;
  if (natural.width <= 0 || natural.height <= 0 || state.rect.width <= 0 || state.rect.height <= 0 || state.opacity <= 0) return;
  ctx.save();
  ctx.translate(state.rect.x, state.rect.y);
  ctx.scale(state.rect.width / natural.width, state.rect.height / natural.height);
  // The clone is drawn at the origin of the rect, whatever box the layout gave it.
  ctx.translate(-natural.x, -natural.y);
  drawNode(ctx, clone, state.opacity);
  ctx.restore();
}
