/**
 * Paints one prepared element with the wrappers Fluvie puts around it, from the outside in: the
 * placement (translation to its box, rotation about the box centre, transform opacity), then the
 * animation keyframe, wrappers and effects (effects/draw-motion.ts), then the content. Opacity on a
 * Group goes through a layer; on a single primitive it is the paint alpha, which gives the same pixels.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { DrawNode, NodeContent } from './nodes.js';
import type { LayerPool } from './layers.js';
import { applyFont, fillTextLine } from './text-layout.js';
import { drawImage } from './draw-image.js';
import { drawMotion } from './effects/draw-motion.js';
import { drawNodesWithBlends } from './element-blends.js';
import { drawComposition } from './draw-transition.js';

export interface PaintContext {
  layers: LayerPool;
}

/** Paints `node` (whose `keyframe` and `painted` were set for this frame) in parent coordinates. */
export function drawElement(ctx: SKRSContext2D, node: DrawNode, alpha: number, paint: PaintContext): void {
  if (!node.painted) return;
  const { box, keyframe, placement } = node;

  ctx.save();
  ctx.translate(box.x, box.y);
  if (placement !== null && placement.rotation !== 0) {
    ctx.translate(box.width / 2, box.height / 2);
    ctx.rotate(placement.rotation);
    ctx.translate(-box.width / 2, -box.height / 2);
  }

  const content = node.content;
  // Groups and drawn elements paint overlapping primitives, which group opacity must not let show through each other.
  const opacityNeedsLayer = (content.kind === 'group' && content.children.length > 1) || content.kind === 'drawn';
  const target = { width: box.width, height: box.height, keyframe, opacityNeedsLayer };
  drawMotion(ctx, target, alpha * (placement?.opacity ?? 1), paint.layers, (layer, layerAlpha) => drawContent(layer, content, node, layerAlpha, paint));
  ctx.restore();
}

function drawContent(ctx: SKRSContext2D, content: NodeContent, node: DrawNode, alpha: number, paint: PaintContext): void {
  ctx.globalAlpha = alpha;
  switch (content.kind) {
    case 'text': {
      const layout = content.layout;
      if (layout === null) return;
      applyFont(ctx, content.style);
      ctx.fillStyle = content.style.color;
      for (const line of layout.lines) fillTextLine(ctx, line, 0, 0);
      return;
    }
    case 'box':
      if (content.color === null) return;
      ctx.fillStyle = content.color;
      ctx.fillRect(content.inner.x, content.inner.y, content.inner.width, content.inner.height);
      return;
    case 'image':
      drawImage(ctx, content.image, content.fit, { x: 0, y: 0, width: node.box.width, height: node.box.height }, content.cornerRadius);
      return;
    case 'shape':
      ctx.strokeStyle = content.color;
      ctx.lineWidth = content.strokeWidth;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'miter';
      ctx.stroke(content.path);
      return;
    case 'group':
      // A Stack clips its children to its own box (Flutter's default hardEdge clip).
      ctx.save();
      ctx.beginPath();
      ctx.rect(0, 0, node.box.width, node.box.height);
      ctx.clip();
      if (content.blends.length === 0) {
        for (const child of content.children) drawElement(ctx, child, alpha, paint);
      } else {
        drawNodesWithBlends(
          ctx,
          content.children,
          content.blends,
          (target, child) => drawElement(target, child, alpha, paint),
          (target, pair) => drawComposition(target, pair, node.box.width, node.box.height, paint.layers, (layer, child) => drawElement(layer, child, alpha, paint)),
        );
      }
      ctx.restore();
      return;
    case 'drawn':
      content.drawer.paint(ctx, node.box, alpha, (target, child, childAlpha) => drawElement(target, child, childAlpha, paint));
      return;
    case 'empty':
      return;
  }
}
