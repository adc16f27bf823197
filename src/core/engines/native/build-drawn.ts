/**
 * Prepares the element kinds that have their own drawer (see element-drawer.ts), by `type`. Kinds
 * without a drawer return null and paint nothing; unsupported.ts reports them before a render.
 */
import type { ElementSpec } from '../../../spec/index.js';
import type { PlannedAnimation, PlannedElement } from '../../pipeline/plan-types.js';
import type { ElementClock, ElementDrawer } from './element-drawer.js';
import type { DrawNode, NodeContent, NodeContext } from './nodes.js';
import { createCounterDrawer, createTypewriterDrawer } from './draw-ticking-text.js';
import { createSplitTextDrawer } from './draw-split-text.js';
import { createLowerThirdDrawer, createTitleCardDrawer } from './draw-title.js';
import { createCalloutDrawer, createSpotlightDrawer } from './draw-annotation.js';
import { createChartDrawer } from './draw-chart.js';
import { createCodeDrawer } from './draw-code.js';
import { createTerminalDrawer } from './draw-terminal.js';
import { createMarkdownDrawer } from './draw-markdown.js';
import { createArrowDrawer, createConnectorDrawer, createRevealShapeDrawer } from './draw-stroke.js';
import { createFramedImageDrawer } from './draw-image-frame.js';
import { createDeviceFrameDrawer, createSnapshotDrawer } from './draw-device-frame.js';
import { createRichTextDrawer } from './draw-rich-text.js';
import { createDecoratedBoxDrawer } from './draw-decorated-box.js';
import { createClipDrawer } from './draw-clip.js';
import { createBarsDrawer } from './draw-bars.js';

/** What a drawer factory receives: the planned element, the node context and its clock. */
export interface DrawnEnv {
  planned: PlannedElement;
  context: NodeContext;
  clock: ElementClock;
  /**
   * Prepares a nested element as a node. It is either the element's `child` prop (path
   * `<element>.child`), with the `show` window and animations the planner gave it, or a part the
   * drawer makes itself under `path`, such as a SplitText part with its own (staggered)
   * `animations`. A part without `animations` is drawn static.
   */
  buildChild(child: ElementSpec, path?: string, animations?: PlannedAnimation[]): DrawNode;
}

export interface DrawnParts {
  drawer: ElementDrawer;
  children: DrawNode[];
}

type Factory = (env: DrawnEnv) => DrawnParts | null;

const FACTORIES: Partial<Record<ElementSpec['type'], Factory>> = {
  Text: createRichTextDrawer,
  Box: createDecoratedBoxDrawer,
  Counter: createCounterDrawer,
  Typewriter: createTypewriterDrawer,
  SplitText: createSplitTextDrawer,
  TitleCard: createTitleCardDrawer,
  LowerThird: createLowerThirdDrawer,
  Callout: createCalloutDrawer,
  Spotlight: createSpotlightDrawer,
  Chart: createChartDrawer,
  Code: createCodeDrawer,
  Terminal: createTerminalDrawer,
  Markdown: createMarkdownDrawer,
  Arrow: createArrowDrawer,
  Connector: createConnectorDrawer,
  Shape: createRevealShapeDrawer,
  Image: createFramedImageDrawer,
  DeviceFrame: createDeviceFrameDrawer,
  Snapshot: createSnapshotDrawer,
  Clip: createClipDrawer,
  Bars: createBarsDrawer,
};

/** Element types with a drawer; unsupported.ts treats them as drawn. */
export const DRAWN_ELEMENT_TYPES: readonly string[] = Object.keys(FACTORIES);

export function buildDrawnContent(
  planned: PlannedElement,
  context: NodeContext,
  buildNodes: (elements: readonly PlannedElement[]) => DrawNode[],
): NodeContent | null {
  const factory = FACTORIES[planned.element.type];
  if (factory === undefined) return null;
  const env: DrawnEnv = {
    planned,
    context,
    clock: { fps: context.fps, scope: planned.scope },
    buildChild: (child, path = `${planned.path}.child`, animations) => {
      // The element's own `child` prop was planned with its `show` window and animations.
      const own = animations === undefined && planned.child?.element === child ? planned.child : undefined;
      return buildNodes([own ?? { ...plannedChild(child, path, planned), animations: animations ?? [] }])[0]!;
    },
  };
  const parts = factory(env);
  return parts === null ? null : { kind: 'drawn', drawer: parts.drawer, children: parts.children };
}

/** A part a drawer makes itself, as a planned element in its parent's scope with no window. */
function plannedChild(element: ElementSpec, path: string, parent: PlannedElement): PlannedElement {
  return {
    path,
    element,
    window: null,
    scope: parent.scope,
    animations: [],
    children: element.type === 'Group' ? element.children.map((child, index) => plannedChild(child, `${path}.children[${index}]`, parent)) : [],
  };
}
