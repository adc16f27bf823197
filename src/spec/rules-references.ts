/**
 * Rules about names that point elsewhere in the document: anchors used by triggers, beat tracks,
 * masters and their slots, lanes, element ids and theme tokens.
 */
import { error, formatPath, warning, type Diagnostic, type PathSegment } from './diagnostics.js';
import { collectElements, type ElementVisit } from './element-walk.js';
import type { AudioTrackSpec, TriggerSpec, VideoSpec } from './schema/types.js';

/** Runs every reference rule. */
export function checkReferences(spec: VideoSpec): Diagnostic[] {
  const elements = collectElements(spec);
  return [
    ...checkTriggers(spec, elements),
    ...checkAnchorCycles(elements),
    ...checkMasters(spec, elements),
    ...checkLanes(spec, elements),
    ...checkSceneIds(spec),
  ];
}

interface TriggerUse {
  readonly trigger: TriggerSpec;
  readonly path: readonly PathSegment[];
}

function audioTracks(spec: VideoSpec): { track: AudioTrackSpec; path: PathSegment[] }[] {
  const tracks = (spec.audio ?? []).map((track, index) => ({ track, path: ['audio', index] as PathSegment[] }));
  spec.scenes.forEach((scene, sceneIndex) => {
    scene.audio?.forEach((track, index) => tracks.push({ track, path: ['scenes', sceneIndex, 'audio', index] }));
  });
  return tracks;
}

function checkTriggers(spec: VideoSpec, elements: readonly ElementVisit[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const anchors = new Set(elements.flatMap(({ element }) => (element.anchor === undefined ? [] : [element.anchor])));
  const tracks = audioTracks(spec);
  const trackIds = new Set(tracks.flatMap(({ track }) => (track.kind === 'music' && track.track !== undefined ? [track.track] : [])));

  const uses: TriggerUse[] = [];
  for (const { element, path } of elements) {
    element.animate?.forEach((animation, index) => {
      if (animation.at === undefined) return;
      uses.push({ trigger: animation.at, path: [...path, 'animate', index, 'at'] });
      if (index === 0 && animation.at === 'previous') {
        found.push(error(formatPath([...path, 'animate', 0, 'at']), 'invalid_trigger', 'trigger "previous" cannot be used by the first animation of an element, because there is no earlier animation to follow; use "auto", "sceneStart" or an anchor trigger'));
      }
    });
  }
  for (const { track, path } of tracks) {
    if (track.at !== undefined) uses.push({ trigger: track.at, path: [...path, 'at'] });
  }

  const anchorList = anchors.size === 0 ? 'none is defined; set "anchor" on the element to follow' : `defined anchors: ${[...anchors].join(', ')}`;
  for (const { trigger, path } of uses) {
    if (typeof trigger === 'string') continue;
    if ((trigger.kind === 'whenEnds' || trigger.kind === 'whenStarts') && !anchors.has(trigger.anchor)) {
      found.push(error(formatPath([...path, 'anchor']), 'missing_anchor', `anchor ${JSON.stringify(trigger.anchor)} is not defined (${anchorList})`));
    }
    if (trigger.kind === 'beat' && trigger.track !== undefined && !trackIds.has(trigger.track)) {
      const known = trackIds.size === 0 ? 'no music track sets "track"' : `music tracks: ${[...trackIds].join(', ')}`;
      found.push(error(formatPath([...path, 'track']), 'missing_track', `beat track ${JSON.stringify(trigger.track)} is not defined (${known})`));
    }
  }
  return found;
}

/** Reports anchor trigger cycles: an element that waits, directly or through others, for itself never starts. */
function checkAnchorCycles(elements: readonly ElementVisit[]): Diagnostic[] {
  const edges = new Map<string, Set<string>>();
  const declaredAt = new Map<string, string>();
  for (const { element, path } of elements) {
    if (element.anchor === undefined) continue;
    declaredAt.set(element.anchor, formatPath([...path, 'anchor']));
    const targets = edges.get(element.anchor) ?? new Set<string>();
    for (const animation of element.animate ?? []) {
      const at = animation.at;
      if (at !== undefined && typeof at !== 'string' && (at.kind === 'whenEnds' || at.kind === 'whenStarts')) targets.add(at.anchor);
    }
    edges.set(element.anchor, targets);
  }

  const found: Diagnostic[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (anchor: string, trail: string[]): void => {
    if (state.get(anchor) === 'done') return;
    if (state.get(anchor) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(anchor)), anchor];
      const key = [...cycle].sort().join('|');
      if (!reported.has(key)) {
        reported.add(key);
        found.push(error(declaredAt.get(anchor) ?? '', 'anchor_cycle', `anchor triggers form a cycle (${cycle.join(' -> ')}), so none of them can start; break the cycle with a time or scene trigger`));
      }
      return;
    }
    state.set(anchor, 'visiting');
    for (const target of edges.get(anchor) ?? []) visit(target, [...trail, anchor]);
    state.set(anchor, 'done');
  };
  for (const anchor of edges.keys()) visit(anchor, []);
  return found;
}

function checkMasters(spec: VideoSpec, elements: readonly ElementVisit[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const masters = spec.masters ?? {};
  const masterNames = Object.keys(masters);

  spec.scenes.forEach((scene, index) => {
    if (scene.master === undefined) {
      if (scene.fills !== undefined) found.push(error(formatPath(['scenes', index, 'fills']), 'missing_master', 'scene has "fills" but no "master" whose placeholders they fill; add "master": "<name>"'));
      return;
    }
    const master = masters[scene.master];
    if (master === undefined) {
      const known = masterNames.length === 0 ? 'the document defines no "masters"' : `defined masters: ${masterNames.join(', ')}`;
      found.push(error(formatPath(['scenes', index, 'master']), 'missing_master', `master ${JSON.stringify(scene.master)} is not defined (${known})`));
      return;
    }
    const slots = (master.children ?? []).flatMap((child) => (child.type === 'Placeholder' ? [child.slot] : []));
    for (const slot of Object.keys(scene.fills ?? {})) {
      if (!slots.includes(slot)) {
        found.push(error(formatPath(['scenes', index, 'fills', slot]), 'missing_slot', `master ${JSON.stringify(scene.master)} has no placeholder slot ${JSON.stringify(slot)} (slots: ${slots.join(', ') || 'none'})`));
      }
    }
  });

  for (const { element, path, owner } of elements) {
    if (element.type === 'Placeholder' && (owner !== 'master' || path.length !== 4)) {
      found.push(error(formatPath([...path, 'type']), 'misplaced_placeholder', 'a Placeholder may only be a direct child of a master layout (masters.<name>.children)'));
    }
  }
  return found;
}

function checkLanes(spec: VideoSpec, elements: readonly ElementVisit[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const laneIds = new Set<string>();
  spec.lanes?.forEach((lane, index) => {
    if (laneIds.has(lane.id)) found.push(error(formatPath(['lanes', index, 'id']), 'duplicate_id', `lane id ${JSON.stringify(lane.id)} is used twice; lane ids must be unique`));
    laneIds.add(lane.id);
  });

  const uses = [
    ...elements.map(({ element, path }) => ({ lane: element.lane, path })),
    ...audioTracks(spec).map(({ track, path }) => ({ lane: track.lane, path })),
  ];
  for (const { lane, path } of uses) {
    if (lane !== undefined && !laneIds.has(lane)) {
      found.push(warning(formatPath([...path, 'lane']), 'missing_lane', `lane ${JSON.stringify(lane)} is not declared in "lanes"`));
    }
  }
  return found;
}

/** Element transitions and steps name element ids of their own scene. */
function checkSceneIds(spec: VideoSpec): Diagnostic[] {
  const found: Diagnostic[] = [];
  const byScene = new Map<number, Set<string>>();
  for (const { element, sceneIndex } of collectElements(spec)) {
    if (sceneIndex === null || element.id === undefined) continue;
    const ids = byScene.get(sceneIndex) ?? new Set<string>();
    ids.add(element.id);
    byScene.set(sceneIndex, ids);
  }

  spec.scenes.forEach((scene, sceneIndex) => {
    const ids = byScene.get(sceneIndex) ?? new Set<string>();
    scene.transitions?.forEach((transition, index) => {
      transition.between.forEach((id, side) => {
        if (!ids.has(id)) found.push(error(formatPath(['scenes', sceneIndex, 'transitions', index, 'between', side]), 'missing_element', `no element with id ${JSON.stringify(id)} in this scene`));
      });
    });
    scene.steps?.forEach((step, index) => {
      step.elements?.forEach((id, position) => {
        if (!ids.has(id)) found.push(warning(formatPath(['scenes', sceneIndex, 'steps', index, 'elements', position]), 'missing_element', `no element with id ${JSON.stringify(id)} in this scene`));
      });
    });
  });
  return found;
}
