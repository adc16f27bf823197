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

/** Walks a scene's planned elements and their nodes in step, into Groups and `child` props; the first slot of a name wins. */
function collectSharedSlots(planned: readonly PlannedElement[], nodes: readonly DrawNode[], offsetX: number, offsetY: number, found: Map<string, SharedSlot>): Map<string, SharedSlot> {
  planned.forEach((element, index) => {
    const node = nodes[index];
    if (node === undefined) return;
    const name = element.element.shared;
    if (name !== undefined && !found.has(name)) found.set(name, { node, planned: element, offsetX, offsetY });
    if (node.content.kind === 'group') collectSharedSlots(element.children, node.content.children, offsetX + node.box.x, offsetY + node.box.y, found);
    // A wrapper's `child` prop is one of its drawer's child nodes, laid out in the wrapper's box.
    const child = element.child;
    if (child !== undefined && node.content.kind === 'drawn') {
      const childNode = node.content.children.find((candidate) => candidate.path === child.path);
      if (childNode !== undefined) collectSharedSlots([child], [childNode], offsetX + node.box.x, offsetY + node.box.y, found);
    }
  });
  return found;
}

/**
 * Computes the morph of `pair` at eased progress `e`, from the slots' keyframes of this frame. A
 * slot's rect is the axis-aligned bounds of its box after the keyframe and placement transforms,
 * as Flutter's `MatrixUtils.transformRect` gives it.
 *
 * NOTE: the transforms of an enclosing Group (its placement rotation and animations) are not
 * followed; only the Group boxes' offsets are.
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

/**
 * Returns the canvas bounds of the slot box's corners, mapped the way drawElement paints them. The
 * keyframe matrix (rotateZ · skewX · skewY · scale about the origin) applies first. Then come the
 * keyframe translation in box sizes, the placement rotation about the box centre and the box position.
 */
function slotRect(slot: SlotRef): Rect {
  const { box, keyframe: k, placement } = slot.node;
  const { width, height } = box;
  const angle = k.rotation * 2 * Math.PI;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const tx = Math.tan(k.skewX * 2 * Math.PI);
  const ty = Math.tan(k.skewY * 2 * Math.PI);
  const sx = k.scale * k.scaleX;
  const sy = k.scale * k.scaleY;
  // The same matrix as draw-motion.ts: rotation · (skewX · skewY) · scale.
  const a00 = (cos * (1 + tx * ty) - sin * ty) * sx;
  const a01 = (cos * tx - sin) * sy;
  const a10 = (sin * (1 + tx * ty) + cos * ty) * sx;
  const a11 = (sin * tx + cos) * sy;
  const ox = ((k.originX + 1) / 2) * width;
  const oy = ((k.originY + 1) / 2) * height;
  const turn = placement?.rotation ?? 0;
  const turnCos = Math.cos(turn);
  const turnSin = Math.sin(turn);
  const cx = width / 2;
  const cy = height / 2;

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [px, py] of [[0, 0], [width, 0], [0, height], [width, height]] as const) {
    const kx = ox + a00 * (px - ox) + a01 * (py - oy) + k.x * width;
    const ky = oy + a10 * (px - ox) + a11 * (py - oy) + k.y * height;
    const x = slot.offsetX + box.x + cx + turnCos * (kx - cx) - turnSin * (ky - cy);
    const y = slot.offsetY + box.y + cy + turnSin * (kx - cx) + turnCos * (ky - cy);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
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
