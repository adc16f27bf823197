/**
 * Resolves `masters` into the scenes that adopt them, because Fluvie code has no master object: a
 * printed scene lists the master's children with each Placeholder replaced by the scene's fill,
 * then the scene's own children. The rules follow Fluvie's spec builder. The fill's `transform` wins
 * over the placeholder's, and the placeholder `style` is merged under the fill's per field. A slot
 * without a fill is left out, and the master background applies unless the scene sets its own.
 */
import type { ElementSpec, MasterSpec, SceneSpec, TextStyleSpec, VideoSpec } from '../schema/types.js';
import { DartPrintError } from './dart-print-error.js';

/** Element types whose `style` is a text style, so a placeholder style can be merged into them. */
const STYLED_TYPES = new Set(['Text', 'SplitText', 'Typewriter', 'Terminal', 'Code', 'Counter']);

export interface ResolvedMasters {
  /** The document without `masters`, every adopting scene resolved. */
  spec: VideoSpec;
  /** Names of the masters applied, in first-use order. */
  applied: string[];
}

/** Resolves every scene that names a `master`. Pure: the input is not changed. */
export function applyMasters(spec: VideoSpec): ResolvedMasters {
  const masters = spec.masters ?? {};
  const applied: string[] = [];
  const scenes = spec.scenes.map((scene, index) => {
    const path = `scenes[${index}]`;
    if (scene.master === undefined) {
      if (scene.fills !== undefined) throw new DartPrintError(`${path}.fills`, '"fills" need a "master" to fill');
      return scene;
    }
    const master = masters[scene.master];
    if (master === undefined) throw new DartPrintError(`${path}.master`, `the document has no master named ${JSON.stringify(scene.master)}`);
    if (!applied.includes(scene.master)) applied.push(scene.master);
    return resolveScene(scene, scene.master, master, path);
  });

  const { masters: _dropped, ...rest } = spec;
  return { spec: { ...rest, scenes }, applied };
}

function resolveScene(scene: SceneSpec, name: string, master: MasterSpec, path: string): SceneSpec {
  const fills = scene.fills ?? {};
  const slots = new Set<string>();
  const children: ElementSpec[] = [];
  for (const child of master.children ?? []) {
    if (child.type !== 'Placeholder') {
      children.push(child);
      continue;
    }
    slots.add(child.slot);
    const fill = fills[child.slot];
    if (fill !== undefined) children.push(fillPlaceholder(fill, child));
  }
  const unknownSlot = Object.keys(fills).find((slot) => !slots.has(slot));
  if (unknownSlot !== undefined) throw new DartPrintError(`${path}.fills.${unknownSlot}`, `master ${JSON.stringify(name)} has no slot ${JSON.stringify(unknownSlot)}`);

  const { master: _master, fills: _fills, ...rest } = scene;
  const resolved: SceneSpec = { ...rest, children: [...children, ...(scene.children ?? [])] };
  if (resolved.background === undefined && master.background !== undefined) resolved.background = master.background;
  return resolved;
}

function fillPlaceholder(fill: ElementSpec, placeholder: Extract<ElementSpec, { type: 'Placeholder' }>): ElementSpec {
  const merged = { ...fill };
  if (merged.transform === undefined && placeholder.transform !== undefined) merged.transform = placeholder.transform;
  if (placeholder.style !== undefined && STYLED_TYPES.has(fill.type)) {
    const own = (fill as { style?: TextStyleSpec }).style;
    (merged as { style?: TextStyleSpec }).style = { ...placeholder.style, ...own };
  }
  return merged;
}
