/**
 * Draws whole frames on one reused canvas and reads each back once as premultiplied RGBA, the
 * byte layout Fluvie's capture produces (`toByteData(rawRgba)`). A frame whose drawn state (scene,
 * blend and every element's keyframe) equals the previous frame's is not redrawn: the previous
 * pixels are returned again, which skips both drawing and the read-back.
 */
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import type { ProgressEvaluator } from '../../motion/progress.js';
import type { PlannedScene, RenderPlan } from '../../pipeline/plan-types.js';
import { composeKeyframe, keyframeVisible, pushKeyframeSignature } from './animate.js';
import { drawBackground, type PreparedBackground } from './draw-background.js';
import { drawElement, type PaintContext } from './draw-element.js';
import type { DrawNode } from './nodes.js';
import { drawComposition, pushCompositionSignature } from './draw-transition.js';
import { drawNodesWithBlends, evaluateElementBlends, type PreparedElementBlend } from './element-blends.js';
import { drawMorph, morphAt, pushMorphSignature, type MorphState, type SharedPair } from './shared-morph.js';
import { composeFrame, type FrameComposition, type SceneAtFrame } from './transition.js';

export interface PreparedScene {
  planned: PlannedScene;
  background: PreparedBackground;
  nodes: DrawNode[];
  /** Element transitions between the scene's top-level nodes. */
  elementBlends: PreparedElementBlend[];
}

/** Layers painted above the scenes: shared-element morphs, then the video overlays. */
export interface PreparedVideoLayers {
  sharedPairs: readonly SharedPair[];
  overlays: readonly DrawNode[];
}

export class FrameRenderer {
  private readonly ctx: SKRSContext2D;
  private signature: number[] = [];
  private previousSignature: number[] = [];
  private previousPixels: Uint8Array | null = null;

  constructor(
    private readonly plan: RenderPlan,
    private readonly scenes: readonly PreparedScene[],
    private readonly canvas: Canvas,
    private readonly evaluator: ProgressEvaluator,
    private readonly paint: PaintContext,
    private readonly videoLayers: PreparedVideoLayers = { sharedPairs: [], overlays: [] },
  ) {
    this.ctx = canvas.getContext('2d');
  }

  /** Returns frame `frame`'s premultiplied RGBA pixels; the buffer may be shared with the previous frame. */
  render(frame: number): Uint8Array {
    const composition = composeFrame(this.plan, frame);
    const signature = this.signature;
    signature.length = 0;
    pushCompositionSignature(composition, signature);
    if (composition.outgoing !== null) this.evaluateScene(composition.outgoing, signature);
    this.evaluateScene(composition.incoming, signature);
    const morphs = this.evaluateMorphs(composition, signature);
    evaluateNodes(this.videoLayers.overlays, frame, this.evaluator, signature);

    if (this.previousPixels !== null && sameNumbers(signature, this.previousSignature)) return this.previousPixels;

    const ctx = this.ctx;
    ctx.resetTransform();
    ctx.globalAlpha = 1;
    // An opaque background repaints every pixel; clearing a full frame first costs several ms.
    if (!this.coversCanvas(composition)) ctx.clearRect(0, 0, this.plan.width, this.plan.height);
    // A wipe clips the incoming scene with antialiased edges, where a copied gradient would round differently.
    const copyGradients = composition.blend?.kind !== 'wipe';
    drawComposition(ctx, composition, this.plan.width, this.plan.height, this.paint.layers, (target, at) => this.drawScene(target, at, copyGradients));
    ctx.globalAlpha = 1;
    for (const morph of morphs) drawMorph(ctx, morph, (target, node, alpha) => drawElement(target, node, alpha, this.paint));
    for (const node of this.videoLayers.overlays) drawElement(ctx, node, 1, this.paint);

    const pixels = this.canvas.data();
    this.previousPixels = pixels;
    this.signature = this.previousSignature;
    this.previousSignature = signature;
    return pixels;
  }

  /** Sets every node's keyframe for the frame and appends the drawn state to `signature`. */
  private evaluateScene(at: SceneAtFrame, signature: number[]): void {
    signature.push(at.scene.index);
    const scene = this.prepared(at);
    // A video background changes on its own clock, so its state is part of the frame's state.
    if (scene.background.kind === 'clip') signature.push(scene.background.player.update(at.frame));
    evaluateNodes(scene.nodes, at.frame, this.evaluator, signature);
    evaluateElementBlends(scene.elementBlends, scene.nodes, at.frame, signature, (node, held) => evaluateNodes([node], held, this.evaluator, signature));
  }

  /**
   * Computes the shared-element morphs of a blend frame from both scenes' evaluated slots, hides
   * the slots in their scenes and evaluates each clone on the incoming scene's clock.
   */
  private evaluateMorphs(composition: FrameComposition, signature: number[]): MorphState[] {
    const blend = composition.blend;
    if (blend === null || composition.outgoing === null) return [];
    const morphs: MorphState[] = [];
    for (const pair of this.videoLayers.sharedPairs) {
      if (pair.incomingScene !== composition.incoming.scene.index) continue;
      const morph = morphAt(pair, blend.e);
      pair.source.node.painted = false;
      pair.target.node.painted = false;
      evaluateNodes([pair.clone], composition.incoming.frame, this.evaluator, signature);
      pushMorphSignature(morph, signature);
      morphs.push(morph);
    }
    return morphs;
  }

  private drawScene(ctx: SKRSContext2D, at: SceneAtFrame, copyGradients: boolean): void {
    const scene = this.prepared(at);
    ctx.globalAlpha = 1;
    drawBackground(ctx, scene.background, this.plan.width, this.plan.height, copyGradients);
    if (scene.elementBlends.length === 0) {
      for (const node of scene.nodes) drawElement(ctx, node, 1, this.paint);
      return;
    }
    const drawNode = (target: SKRSContext2D, node: DrawNode): void => drawElement(target, node, 1, this.paint);
    drawNodesWithBlends(ctx, scene.nodes, scene.elementBlends, drawNode, (target, pair) =>
      drawComposition(target, pair, this.plan.width, this.plan.height, this.paint.layers, drawNode),
    );
  }

  /** True when the frame's bottom layer repaints every pixel opaquely (a slide moves both scenes, a zoom paints incoming first). */
  private coversCanvas(composition: FrameComposition): boolean {
    const opaque = (at: SceneAtFrame): boolean => {
      const background = this.prepared(at).background;
      return background.kind === 'fill' && background.opaque;
    };
    const blend = composition.blend;
    if (composition.outgoing === null || blend === null) return opaque(composition.incoming);
    if (blend.kind === 'slide') return opaque(composition.outgoing) && opaque(composition.incoming);
    return opaque(blend.kind === 'zoom' ? composition.incoming : composition.outgoing);
  }

  private prepared(at: SceneAtFrame): PreparedScene {
    return this.scenes[at.scene.index]!;
  }
}

function evaluateNodes(nodes: readonly DrawNode[], frame: number, evaluator: ProgressEvaluator, signature: number[]): void {
  for (const node of nodes) {
    const window = node.window;
    // Outside its `show` window an element is forced to opacity 0.
    const shown = window === null || (frame >= window.start && frame < window.end);
    composeKeyframe(node.animations, frame, evaluator, node.keyframe);
    const keyframe = node.keyframe;
    node.painted = shown && node.content.kind !== 'empty' && keyframeVisible(keyframe);
    if (!node.painted) {
      signature.push(0);
      continue;
    }
    signature.push(1);
    pushKeyframeSignature(keyframe, signature);
    if (node.content.kind === 'drawn') signature.push(node.content.drawer.update(frame));
    if (node.content.kind === 'group' || node.content.kind === 'drawn') evaluateNodes(node.content.children, frame, evaluator, signature);
    if (node.content.kind === 'group' && node.content.blends.length > 0) {
      evaluateElementBlends(node.content.blends, node.content.children, frame, signature, (child, held) => evaluateNodes([child], held, evaluator, signature));
    }
  }
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
