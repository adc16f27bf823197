/**
 * Paints a frame's scenes as its blend describes (bottom to top):
 * - crossFade: outgoing, then incoming at opacity e (a dissolve with no dip);
 * - wipe: outgoing, then incoming clipped to a rect growing toward the direction (right: [0, W·e]);
 * - zoom: incoming, then outgoing on top scaled 1 + e about the `into` point at opacity 1 − e;
 * - slide: outgoing moved by −v·e, then incoming moved by v·(1 − e), v the `from` edge in canvas sizes.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { LayerPool } from './layers.js';
import type { FrameComposition, SceneAtFrame, SceneBlend } from './transition.js';

export type DrawScene<Layer = SceneAtFrame> = (ctx: SKRSContext2D, at: Layer) => void;

/** Two layers and their blend. Element transitions blend two elements the way scenes blend. */
export interface BlendPair<Layer> {
  outgoing: Layer | null;
  incoming: Layer;
  blend: SceneBlend | null;
}

export function drawComposition<Layer = SceneAtFrame>(ctx: SKRSContext2D, composition: BlendPair<Layer>, width: number, height: number, layers: LayerPool, drawScene: DrawScene<Layer>): void {
  const { outgoing, incoming, blend } = composition;
  if (outgoing === null || blend === null) {
    drawScene(ctx, incoming);
    return;
  }
  const e = blend.e;
  switch (blend.kind) {
    case 'crossFade':
      drawScene(ctx, outgoing);
      drawFaded(ctx, incoming, e, layers, drawScene);
      return;
    case 'wipe': {
      drawScene(ctx, outgoing);
      ctx.save();
      ctx.beginPath();
      if (blend.direction === 'right') ctx.rect(0, 0, width * e, height);
      else if (blend.direction === 'left') ctx.rect(width * (1 - e), 0, width * e, height);
      else if (blend.direction === 'bottom') ctx.rect(0, 0, width, height * e);
      else ctx.rect(0, height * (1 - e), width, height * e);
      ctx.clip();
      drawScene(ctx, incoming);
      ctx.restore();
      return;
    }
    case 'zoom': {
      drawScene(ctx, incoming);
      const px = ((blend.intoX + 1) / 2) * width;
      const py = ((blend.intoY + 1) / 2) * height;
      ctx.save();
      ctx.translate(px, py);
      ctx.scale(1 + e, 1 + e);
      ctx.translate(-px, -py);
      drawFaded(ctx, outgoing, 1 - e, layers, drawScene);
      ctx.restore();
      return;
    }
    case 'slide':
      ctx.save();
      ctx.translate(-blend.dx * e * width, -blend.dy * e * height);
      drawScene(ctx, outgoing);
      ctx.restore();
      ctx.save();
      ctx.translate(blend.dx * (1 - e) * width, blend.dy * (1 - e) * height);
      drawScene(ctx, incoming);
      ctx.restore();
      return;
  }
}

function drawFaded<Layer>(ctx: SKRSContext2D, at: Layer, opacity: number, layers: LayerPool, drawScene: DrawScene<Layer>): void {
  if (opacity >= 1) drawScene(ctx, at);
  else if (opacity > 0) layers.composite(ctx, opacity, (layer) => drawScene(layer, at));
}

/** Appends the blend's drawn state to a frame signature. */
export function pushCompositionSignature(composition: FrameComposition, signature: number[]): void {
  const blend = composition.blend;
  if (blend === null) signature.push(-1);
  else signature.push(['crossFade', 'wipe', 'zoom', 'slide'].indexOf(blend.kind), blend.e);
}
