/** Lists every element of a document, nested ones included, with its JSON path and owner. */
import type { PathSegment } from './diagnostics.js';
import type { ElementSpec, VideoSpec } from './schema/types.js';

export interface ElementVisit {
  readonly element: ElementSpec;
  readonly path: readonly PathSegment[];
  /** Scene the element belongs to; null for overlays and master layouts. */
  readonly sceneIndex: number | null;
  readonly owner: 'scene' | 'overlay' | 'master';
}

/** Returns scene children and fills, overlays and master layout elements, depth first. */
export function collectElements(spec: VideoSpec): ElementVisit[] {
  const visits: ElementVisit[] = [];
  spec.scenes.forEach((scene, sceneIndex) => {
    scene.children?.forEach((element, index) => visit(element, ['scenes', sceneIndex, 'children', index], sceneIndex, 'scene', visits));
    for (const [slot, element] of Object.entries(scene.fills ?? {})) visit(element, ['scenes', sceneIndex, 'fills', slot], sceneIndex, 'scene', visits);
  });
  spec.overlays?.forEach((element, index) => visit(element, ['overlays', index], null, 'overlay', visits));
  for (const [name, master] of Object.entries(spec.masters ?? {})) {
    master.children?.forEach((element, index) => visit(element, ['masters', name, 'children', index], null, 'master', visits));
  }
  return visits;
}

function visit(element: ElementSpec, path: readonly PathSegment[], sceneIndex: number | null, owner: ElementVisit['owner'], visits: ElementVisit[]): void {
  visits.push({ element, path, sceneIndex, owner });
  if (element.type === 'Group') {
    element.children.forEach((child, index) => visit(child, [...path, 'children', index], sceneIndex, owner, visits));
    return;
  }
  if ('child' in element && element.child !== undefined) {
    visit(element.child, [...path, 'child'], sceneIndex, owner, visits);
  }
}
