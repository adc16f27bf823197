/**
 * Shared-element rules, as Fluvie's shared-element registry enforces them when a render starts: a
 * `shared` name morphs across one scene boundary, so it must appear in exactly two adjacent scenes.
 * Overlays and master layouts carry no `shared` name, because they are not tied to one scene.
 */
import { error, formatPath, type Diagnostic } from './diagnostics.js';
import { collectElements } from './element-walk.js';
import type { VideoSpec } from './schema/types.js';

export function checkSharedElements(spec: VideoSpec): Diagnostic[] {
  const found: Diagnostic[] = [];
  const scenesByName = new Map<string, { scenes: Set<number>; firstPath: string }>();
  for (const { element, path, sceneIndex, owner } of collectElements(spec)) {
    if (element.shared === undefined) continue;
    const at = formatPath([...path, 'shared']);
    if (owner !== 'scene' || sceneIndex === null) {
      found.push(error(at, 'invalid_shared', `${owner === 'overlay' ? 'an overlay' : 'a master layout element'} cannot be shared, because it is not part of one scene; remove "shared"`));
      continue;
    }
    const entry = scenesByName.get(element.shared) ?? { scenes: new Set<number>(), firstPath: at };
    entry.scenes.add(sceneIndex);
    scenesByName.set(element.shared, entry);
  }

  for (const [name, { scenes, firstPath }] of scenesByName) {
    const sorted = [...scenes].sort((a, b) => a - b);
    const where = sorted.map((index) => `scenes[${index}]`).join(', ');
    if (sorted.length === 1) {
      found.push(error(firstPath, 'invalid_shared', `shared element ${JSON.stringify(name)} appears only in ${where}; a shared element morphs between two adjacent scenes, so add it to the next or previous scene or remove "shared"`));
    } else if (sorted.length > 2) {
      found.push(error(firstPath, 'invalid_shared', `shared element ${JSON.stringify(name)} appears in ${where}; it may belong to at most two adjacent scenes, so rename it in the others`));
    } else if (sorted[1]! - sorted[0]! !== 1) {
      found.push(error(firstPath, 'invalid_shared', `shared element ${JSON.stringify(name)} appears in ${where}, which are not adjacent; put the pair in neighbouring scenes`));
    }
  }
  return found;
}
