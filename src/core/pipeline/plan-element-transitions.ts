/**
 * Element transitions (`scene.transitions`): a chain of Clip elements on one lane, joined by
 * crossFade, wipe, zoom or slide blends, timed like scenes. Following Fluvie's clip transition
 * layout, each chain starts where its first clip's window starts, and clip i + 1 starts
 * `start[i] + length[i] − (overlap ? F[i] : 0)`, so each clip keeps its authored length. The blend is
 * the incoming clip's first F frames. With `overlap: false` the outgoing clip stays on its last frame.
 * Pure: returns the clips' new windows and the blends, by JSON path.
 */
import { FluvieError } from '../errors.js';
import { resolveBlend, type ElementSpec, type ElementTransitionSpec } from '../../spec/index.js';
import type { FrameWindow, PlannedElementBlend } from './plan-types.js';

export interface TransitionEntry {
  element: ElementSpec;
  path: string;
  /** The element's window as authored: its `show` window, else the scene's. */
  window: FrameWindow;
}

export interface ElementTransitionLayout {
  /** New windows of the clips in a chain, by JSON path. */
  windows: Map<string, FrameWindow>;
  blends: PlannedElementBlend[];
  /** Indexes in `transitions` of the transitions laid out here. */
  used: number[];
}

/**
 * Lays out the transitions whose two ids are both in `entries` (one sibling list). Transitions
 * between elements of another list are skipped here.
 *
 * @throws FluvieError `spec_invalid` for a pair that is not two Clips on one lane, a shared clip,
 *   a second transition at one edge, another clip of the lane starting between the two, or windows
 *   that neither abut nor overlap by at most F frames.
 */
export function layoutElementTransitions(
  entries: readonly TransitionEntry[],
  transitions: readonly ElementTransitionSpec[],
  fps: number,
  sceneIndex: number,
): ElementTransitionLayout {
  const byId = new Map<string, TransitionEntry>();
  for (const entry of entries) if (entry.element.id !== undefined) byId.set(entry.element.id, entry);

  const outgoing = new Map<string, { spec: ElementTransitionSpec; frames: number; overlap: boolean; where: string }>();
  const incoming = new Set<string>();
  const used: number[] = [];
  transitions.forEach((spec, index) => {
    const [fromId, toId] = spec.between;
    const a = byId.get(fromId);
    const b = byId.get(toId);
    if (a === undefined || b === undefined) return;
    const where = `scenes[${sceneIndex}].transitions[${index}]`;
    checkPair(a, b, where);
    if (outgoing.has(fromId) || incoming.has(toId)) fail(where, `a clip can have only one transition at each edge, but "${outgoing.has(fromId) ? fromId : toId}" has two; remove one`);
    const blend = resolveBlend(spec, fps, sceneIndex);
    const frames = blend?.frames ?? 0;
    const overlap = a.window.end - b.window.start;
    if (a.window.start >= b.window.start || overlap < 0 || overlap > frames) {
      fail(where, `the windows of "${fromId}" (frames ${a.window.start}-${a.window.end}) and "${toId}" (from frame ${b.window.start}) must abut or overlap by at most the transition's ${frames} frames; move the "show" windows`);
    }
    const between = entries.find((entry) => entry !== a && entry !== b && entry.element.type === 'Clip' && entry.element.lane === a.element.lane && entry.window.start > a.window.start && entry.window.start < b.window.start);
    if (between !== undefined) fail(where, `the two clips must be adjacent on their lane, but ${between.path} starts between them; join it into the chain or move it to another lane`);
    outgoing.set(fromId, { spec, frames, overlap: blend?.overlap ?? true, where });
    incoming.add(toId);
    used.push(index);
  });

  const windows = new Map<string, FrameWindow>();
  const blends: PlannedElementBlend[] = [];
  for (const root of outgoing.keys()) {
    if (incoming.has(root)) continue;
    let id = root;
    let current = byId.get(root)!;
    let start = current.window.start;
    windows.set(current.path, { start, end: start + length(current) });
    for (let edge = outgoing.get(id); edge !== undefined; edge = outgoing.get(id)) {
      const next = byId.get(edge.spec.between[1])!;
      const nextStart = start + length(current) - (edge.overlap ? edge.frames : 0);
      if (edge.frames > length(next)) fail(edge.where, `the ${edge.frames}-frame transition is longer than "${edge.spec.between[1]}" (${length(next)} frames); shorten the transition`);
      windows.set(next.path, { start: nextStart, end: nextStart + length(next) });
      const blend = resolveBlend(edge.spec, fps, sceneIndex);
      if (blend !== null) {
        blends.push({
          outgoing: current.path,
          incoming: next.path,
          blend: { start: nextStart, end: nextStart + blend.frames },
          transition: blend,
          holdFrame: blend.overlap ? null : start + length(current) - 1,
        });
      }
      id = edge.spec.between[1];
      current = next;
      start = nextStart;
    }
  }
  return { windows, blends, used };
}

function checkPair(a: TransitionEntry, b: TransitionEntry, where: string): void {
  if (a.element.type !== 'Clip' || b.element.type !== 'Clip') fail(where, `an element transition pairs two Clip elements, got ${a.element.type} and ${b.element.type}; use animations for other elements`);
  if (a.element.lane !== b.element.lane) fail(where, `the two clips must be on the same lane, got ${JSON.stringify(a.element.lane ?? null)} and ${JSON.stringify(b.element.lane ?? null)}`);
  if (a.element.shared !== undefined || b.element.shared !== undefined) fail(where, 'a shared clip morphs across scenes and cannot also take an element transition; remove "shared" or the transition');
}

function length(entry: TransitionEntry): number {
  return entry.window.end - entry.window.start;
}

function fail(where: string, message: string): never {
  throw new FluvieError('spec_invalid', `${where}: ${message}`);
}
