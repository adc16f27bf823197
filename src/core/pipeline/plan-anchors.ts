/**
 * Resolves `whenEnds` / `whenStarts` anchor triggers across the document. Elements are planned
 * depth first: an element that waits for an anchor is planned after the element that declares it,
 * which gives a topological order, and an element reached again while it is being planned closes
 * a cycle, which is an error (such an element would never start).
 */
import { FluvieError } from '../errors.js';
import type { AnimationSpec } from '../../spec/index.js';
import { planAnimations, type AnimationScope } from './plan-animation.js';
import type { FrameWindow, PlannedElement } from './plan-types.js';

interface PendingElement {
  planned: PlannedElement;
  specs: readonly AnimationSpec[];
  scope: AnimationScope;
  state: 'pending' | 'planning' | 'done';
}

export class AnimationPlanner {
  private readonly entries: PendingElement[] = [];
  private readonly byAnchor = new Map<string, PendingElement>();
  /** Anchor names of the elements being planned, outermost first, to name a cycle. */
  private readonly chain: string[] = [];

  /** Queues `planned` (whose `animations` are filled in by {@link planAll}). */
  add(planned: PlannedElement, specs: readonly AnimationSpec[], scope: Omit<AnimationScope, 'anchorTimeline'>): void {
    const entry: PendingElement = { planned, specs, scope: { ...scope, anchorTimeline: (anchor, path) => this.timelineOf(anchor, path) }, state: 'pending' };
    this.entries.push(entry);
    const anchor = planned.element.anchor;
    if (anchor !== undefined && !this.byAnchor.has(anchor)) this.byAnchor.set(anchor, entry);
  }

  planAll(): void {
    for (const entry of this.entries) this.plan(entry);
  }

  private plan(entry: PendingElement): void {
    if (entry.state === 'done') return;
    const anchor = entry.planned.element.anchor ?? entry.planned.path;
    if (entry.state === 'planning') {
      const cycle = [...this.chain.slice(this.chain.indexOf(anchor)), anchor].join(' -> ');
      throw new FluvieError('spec_invalid', `anchor triggers form a cycle (${cycle}), so none of these elements can start; make one of them start on "auto" or a time`);
    }
    entry.state = 'planning';
    this.chain.push(anchor);
    try {
      entry.planned.animations = planAnimations(entry.specs, entry.planned.path, entry.scope);
    } finally {
      this.chain.pop();
    }
    entry.state = 'done';
  }

  /**
   * The anchor element's timeline: the union of its animation spans (a `during` span already runs
   * to its window end), or its window when it has no planned animations.
   */
  private timelineOf(anchor: string, path: string): FrameWindow {
    const entry = this.byAnchor.get(anchor);
    if (entry === undefined) {
      throw new FluvieError('spec_invalid', `${path} waits for anchor "${anchor}", which no element declares; set "anchor": "${anchor}" on the element to follow`);
    }
    this.plan(entry);
    const animations = entry.planned.animations;
    if (animations.length === 0) return entry.planned.scope;
    return {
      start: Math.min(...animations.map((animation) => animation.timing.start)),
      end: Math.max(...animations.map((animation) => animation.timing.end)),
    };
  }
}
