/**
 * Resolves `masters` into the scenes that adopt them, because Fluvie code has no master object: a
 * printed scene lists the master's children with each Placeholder replaced by the scene's fill,
 * then the scene's own children. The rules follow Fluvie's spec builder. The fill's `transform` wins
 * over the placeholder's, and the placeholder `style` is merged under the fill's per field. A slot
 * without a fill is left out, and the master background applies unless the scene sets its own.
 */
import { FluvieError } from '../../core/errors.js';
import { applySceneMaster } from '../apply-master.js';
import type { SceneSpec, VideoSpec } from '../schema/types.js';
import { DartPrintError } from './dart-print-error.js';

export interface ResolvedMasters {
  /** The document without `masters`, every adopting scene resolved. */
  spec: VideoSpec;
  /** Names of the masters applied, in first-use order. */
  applied: string[];
}

/** Resolves every scene that names a `master`. Pure: the input is not changed. */
export function applyMasters(spec: VideoSpec): ResolvedMasters {
  const applied: string[] = [];
  const scenes = spec.scenes.map((scene, index) => {
    const path = `scenes[${index}]`;
    if (scene.master === undefined) {
      if (scene.fills !== undefined) throw new DartPrintError(`${path}.fills`, '"fills" need a "master" to fill');
      return scene;
    }
    if (!applied.includes(scene.master)) applied.push(scene.master);
    return resolveScene(spec, index);
  });

  const { masters: _dropped, ...rest } = spec;
  return { spec: { ...rest, scenes }, applied };
}

function resolveScene(spec: VideoSpec, index: number): SceneSpec {
  const applied = applyOrExplain(spec, index);
  const name = applied.scene.master!;
  const slots = new Set((spec.masters?.[name]?.children ?? []).flatMap((child) => (child.type === 'Placeholder' ? [child.slot] : [])));
  const unknownSlot = Object.keys(applied.scene.fills ?? {}).find((slot) => !slots.has(slot));
  if (unknownSlot !== undefined) throw new DartPrintError(`scenes[${index}].fills.${unknownSlot}`, `master ${JSON.stringify(name)} has no slot ${JSON.stringify(unknownSlot)}`);

  const { master: _master, fills: _fills, ...rest } = applied.scene;
  return { ...rest, children: applied.entries.map((entry) => entry.element) };
}

/** Runs the shared master step, reporting an undefined master as a printer error at its path. */
function applyOrExplain(spec: VideoSpec, index: number): ReturnType<typeof applySceneMaster> {
  try {
    return applySceneMaster(spec, index);
  } catch (error: unknown) {
    const details = error instanceof FluvieError ? (error.details as { path?: unknown; reason?: unknown } | undefined) : undefined;
    if (typeof details?.path === 'string' && typeof details.reason === 'string') throw new DartPrintError(details.path, details.reason);
    throw error;
  }
}
