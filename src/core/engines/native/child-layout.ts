/** Layout of a drawer's child nodes: a full-size child, or a child fitted into a rectangle. */
import { tightConstraints } from './layout.js';
import { measureContent } from './measure.js';
import type { DrawNode, Rect } from './nodes.js';
import { layoutChildren } from './layout.js';

/** Lays `child` out to fill `rect` exactly (Flutter `Positioned.fill`). */
export function layoutChildFill(child: DrawNode, rect: Rect): void {
  const size = measureContent(child.content, tightConstraints(rect.width, rect.height));
  child.box = { x: rect.x, y: rect.y, width: size.width, height: size.height };
  if (child.content.kind === 'group') layoutChildren(child.content.children, size.width, size.height, 'topStart');
}
