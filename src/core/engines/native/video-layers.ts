/** Prepares what is painted above the scenes: the shared-element morph pairs and the video overlays. */
import type { RenderPlan } from '../../pipeline/plan-types.js';
import type { PreparedScene, PreparedVideoLayers } from './frame-renderer.js';
import { layoutChildren } from './layout.js';
import { buildNodes, type NodeContext } from './nodes.js';
import { pairSharedElements } from './shared-morph.js';

/** Builds and lays out the overlay nodes (centred on the canvas like a scene's) and pairs shared elements. */
export function prepareVideoLayers(plan: RenderPlan, scenes: readonly PreparedScene[], context: NodeContext): PreparedVideoLayers {
  const overlays = buildNodes(plan.overlays, context);
  layoutChildren(overlays, plan.width, plan.height, 'center');
  const sharedPairs = pairSharedElements(
    scenes.map((scene) => ({ planned: scene.planned.children, nodes: scene.nodes })),
    plan,
    (planned) => buildNodes([planned], context)[0]!,
  );
  return { overlays, sharedPairs };
}
