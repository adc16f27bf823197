/**
 * Master layouts: a scene that names a `master` gets the master's background unless it sets its
 * own, and the master's children under its own, in the master's order. Each Placeholder is
 * replaced by the scene's fill for its slot (an unfilled slot draws nothing). A fill takes the
 * placeholder's `transform` when it has none, and the placeholder's `style` under its own style,
 * field by field (the fill wins), when the fill's type takes a text style. Used by the planner and
 * by the Dart printer. Pure.
 */
import { FluvieError } from '../core/errors.js';
import { formatPath } from './diagnostics.js';
import type { ElementSpec, PlaceholderElement, SceneSpec, TextStyleSpec, VideoSpec } from './schema/types.js';

/** Element types whose `style` is a text style, so a placeholder's style can be merged into it. */
const STYLED_TYPES = new Set(['Text', 'SplitText', 'Typewriter', 'Terminal', 'Code', 'Counter']);

/** One element of a scene's stack, with the JSON path it was written at. */
export interface SceneEntry {
  element: ElementSpec;
  path: string;
}

export interface AppliedScene {
  /** The scene with the master's background filled in. */
  scene: SceneSpec;
  /** Master children (placeholders filled), then the scene's own children, bottom to top. */
  entries: SceneEntry[];
}

export function applySceneMaster(spec: VideoSpec, sceneIndex: number): AppliedScene {
  const scene = spec.scenes[sceneIndex]!;
  const scenePath = `scenes[${sceneIndex}]`;
  const own = (scene.children ?? []).map((element, index) => ({ element, path: `${scenePath}.children[${index}]` }));
  if (scene.master === undefined) return { scene, entries: own };

  const master = spec.masters?.[scene.master];
  if (master === undefined) {
    const known = Object.keys(spec.masters ?? {});
    const reason = `master ${JSON.stringify(scene.master)} is not defined (${known.length === 0 ? 'the document defines no "masters"' : `defined masters: ${known.join(', ')}`})`;
    throw new FluvieError('spec_invalid', `${scenePath}.master: ${reason}`, { details: { path: `${scenePath}.master`, reason } });
  }

  const entries: SceneEntry[] = [];
  (master.children ?? []).forEach((child, index) => {
    if (child.type !== 'Placeholder') {
      entries.push({ element: child, path: formatPath(['masters', scene.master!, 'children', index]) });
      return;
    }
    const fill = scene.fills?.[child.slot];
    if (fill !== undefined) entries.push({ element: fillPlaceholder(fill, child), path: formatPath(['scenes', sceneIndex, 'fills', child.slot]) });
  });
  entries.push(...own);

  const background = scene.background ?? master.background;
  return { scene: background === undefined ? scene : { ...scene, background }, entries };
}

/**
 * NOTE: Fluvie's fill copy (`MasterSpec.apply` in 0.3.1) rebuilds the element from type, props, id,
 * transform, anchor, shared, visible and animate only. This keeps every other key of the fill
 * too (`show`, `effects`, `lane`), because dropping what the author wrote would draw something else.
 */
function fillPlaceholder(fill: ElementSpec, placeholder: PlaceholderElement): ElementSpec {
  const filled = { ...fill };
  if (filled.transform === undefined && placeholder.transform !== undefined) filled.transform = placeholder.transform;
  if (placeholder.style !== undefined && STYLED_TYPES.has(fill.type)) {
    const own = (fill as { style?: TextStyleSpec }).style;
    (filled as { style?: TextStyleSpec }).style = { ...placeholder.style, ...own };
  }
  return filled;
}
