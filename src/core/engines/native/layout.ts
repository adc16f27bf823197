/**
 * Scene layout as Fluvie's widget tree produces it. The scene is a Stack centred on the canvas with
 * loose constraints for each child. An element with a `transform` is placed by it: its anchor point
 * sits at (x·W, y·H) of the parent, with a tight box only when both `w` and `h` are given. A Group
 * fills its box and lays its children out in a Stack aligned top-left. Layout does not change from
 * frame to frame (animations transform after layout), so it runs once when a scene is prepared.
 */
import type { DrawNode } from './nodes.js';
import { measureContent } from './measure.js';

export interface Size {
  width: number;
  height: number;
}

export interface BoxConstraints {
  minWidth: number;
  maxWidth: number;
  minHeight: number;
  maxHeight: number;
}

export type StackAlignment = 'center' | 'topStart';

export function looseConstraints(width: number, height: number): BoxConstraints {
  return { minWidth: 0, maxWidth: width, minHeight: 0, maxHeight: height };
}

export function tightConstraints(width: number, height: number): BoxConstraints {
  return { minWidth: width, maxWidth: width, minHeight: height, maxHeight: height };
}

export function constrainSize(constraints: BoxConstraints, width: number, height: number): Size {
  return {
    width: clamp(width, constraints.minWidth, constraints.maxWidth),
    height: clamp(height, constraints.minHeight, constraints.maxHeight),
  };
}

/** Lays out sibling nodes inside a parent box of `width × height`, writing each node's `box`. */
export function layoutChildren(nodes: readonly DrawNode[], width: number, height: number, alignment: StackAlignment): void {
  for (const node of nodes) layoutNode(node, width, height, alignment);
}

function layoutNode(node: DrawNode, parentWidth: number, parentHeight: number, alignment: StackAlignment): void {
  const placement = node.placement;
  const sized = placement !== null && placement.width !== null && placement.height !== null;
  const constraints = sized
    ? tightConstraints(placement.width! * parentWidth, placement.height! * parentHeight)
    : looseConstraints(parentWidth, parentHeight);
  const size = measureContent(node.content, constraints);

  if (placement !== null) {
    node.box = {
      x: placement.x * parentWidth - ((placement.anchorX + 1) / 2) * size.width,
      y: placement.y * parentHeight - ((placement.anchorY + 1) / 2) * size.height,
      width: size.width,
      height: size.height,
    };
  } else if (alignment === 'center') {
    node.box = { x: (parentWidth - size.width) / 2, y: (parentHeight - size.height) / 2, width: size.width, height: size.height };
  } else {
    node.box = { x: 0, y: 0, width: size.width, height: size.height };
  }

  if (node.content.kind === 'group') layoutChildren(node.content.children, size.width, size.height, 'topStart');
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
