/**
 * Dart variable names for anchor ids. Fluvie compares anchors by identity, so the printed code
 * declares one `final x = Anchor('id');` per id and reuses that variable everywhere.
 */
import type { AnimationSpec, AudioTrackSpec, ElementSpec, TriggerSpec, VideoSpec } from '../schema/types.js';
import { raw, type DartExpr } from './dart-expr.js';
import { dartString } from './dart-literals.js';

const DART_RESERVED = new Set([
  'assert', 'break', 'case', 'catch', 'class', 'const', 'continue', 'default', 'do', 'else', 'enum', 'extends', 'false',
  'final', 'finally', 'for', 'if', 'in', 'is', 'new', 'null', 'rethrow', 'return', 'super', 'switch', 'this', 'throw',
  'true', 'try', 'var', 'void', 'while', 'with', 'build', 'Video',
]);

export class AnchorNames {
  private readonly variables = new Map<string, string>();
  private readonly used = new Set<string>();
  /** The `final <name> = Anchor('<id>');` lines in first-seen order. */
  readonly declarations: string[] = [];

  /**
   * Declares every anchor the spec names or references, in the order the printed `Video` lists
   * them (video audio, overlays, then each scene's audio and children), so each declaration comes
   * before its first use. Hidden elements count too, because a trigger may still name them.
   */
  collect(spec: VideoSpec): this {
    for (const track of spec.audio ?? []) this.collectTrack(track);
    for (const element of spec.overlays ?? []) this.collectElement(element);
    for (const scene of spec.scenes) {
      for (const track of scene.audio ?? []) this.collectTrack(track);
      for (const element of scene.children ?? []) this.collectElement(element);
    }
    return this;
  }

  /** Returns the variable for `id`, declaring it on first use. */
  variableFor(id: string): DartExpr {
    let name = this.variables.get(id);
    if (name === undefined) {
      name = this.uniqueName(identifierFor(id));
      this.variables.set(id, name);
      this.used.add(name);
      this.declarations.push(`final ${name} = Anchor(${(dartString(id) as { text: string }).text});`);
    }
    return raw(name);
  }

  private collectElement(element: ElementSpec): void {
    if (element.anchor !== undefined) this.variableFor(element.anchor);
    if (element.shared !== undefined) this.variableFor(element.shared);
    if (element.type === 'Bars' && element.track !== undefined) this.variableFor(element.track);
    for (const animation of element.animate ?? []) {
      this.collectTrigger(animation);
      const reactive = 'preset' in animation && (animation.preset === 'scaleY' || animation.preset === 'pulse');
      if (reactive && animation.track !== undefined) this.variableFor(animation.track);
    }
    if (element.type === 'Group') for (const child of element.children) this.collectElement(child);
    if ('child' in element && element.child !== undefined) this.collectElement(element.child);
  }

  private collectTrack(track: AudioTrackSpec): void {
    if (track.kind === 'music' && track.track !== undefined) this.variableFor(track.track);
    this.collectTrigger(track);
  }

  private collectTrigger(timed: AnimationSpec | AudioTrackSpec): void {
    const at: TriggerSpec | undefined = timed.at;
    if (at === undefined || typeof at === 'string') return;
    if (at.kind === 'whenEnds' || at.kind === 'whenStarts') this.variableFor(at.anchor);
    if (at.kind === 'beat' && at.track !== undefined) this.variableFor(at.track);
  }

  private uniqueName(base: string): string {
    if (!this.used.has(base) && !DART_RESERVED.has(base)) return base;
    let index = 1;
    while (this.used.has(`${base}${index}`)) index += 1;
    return `${base}${index}`;
  }
}

/** Turns an id such as `hero-title` into a lower-camel identifier (`heroTitle`). */
export function identifierFor(id: string): string {
  const parts = id.split(/[^A-Za-z0-9]+/).filter((part) => part !== '');
  if (parts.length === 0) return 'anchor';
  const [head = '', ...tail] = parts;
  const name = head.toLowerCase() + tail.map((part) => part[0]!.toUpperCase() + part.slice(1)).join('');
  return /^[0-9]/.test(name) ? `a${name}` : name;
}
