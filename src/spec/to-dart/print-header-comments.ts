/**
 * The `//` lines printed above the imports. They name what the spec contains that plain Fluvie code
 * expresses differently (resolved theme tokens and masters) or not at all (lanes, build steps and
 * speaker notes), so a reader of the code can see what was changed or left out.
 */
import type { VideoSpec } from '../schema/types.js';

export interface HeaderFacts {
  /** Whether a theme token or the theme motion was resolved. */
  themeResolved: boolean;
  /** Masters applied, in first-use order. */
  masters: readonly string[];
}

/** Returns the comment lines for `spec` (the document after masters and theme are resolved). */
export function headerComments(spec: VideoSpec, facts: HeaderFacts): string[] {
  const lines: string[] = [];
  if (facts.themeResolved) lines.push('// Theme tokens are resolved to literal values in this code.');
  for (const name of facts.masters) lines.push(`// Master ${oneLine(JSON.stringify(name))} is applied to the scenes that use it.`);

  const steps = spec.scenes.reduce((count, scene) => count + (scene.steps?.length ?? 0), 0);
  const notes = spec.scenes.some((scene) => scene.notes !== undefined || (scene.steps ?? []).some((step) => step.notes !== undefined));
  if (steps > 0 || notes) {
    const parts = [steps > 0 ? plural(steps, 'build step') : null, notes ? 'speaker notes' : null].filter((part) => part !== null);
    lines.push(`// The spec has ${parts.join(' and ')}; plain Fluvie code has no form for them, so this video plays straight through.`);
  }

  const lanes = spec.lanes ?? [];
  if (lanes.length > 0) {
    const muted = lanes.filter((lane) => lane.muted === true).map((lane) => oneLine(lane.id)).sort();
    const mutedText = muted.length === 0 ? '' : ` Audio on the muted ${muted.length === 1 ? 'lane' : 'lanes'} ${muted.join(', ')} is left out, as a render leaves it out.`;
    lines.push(`// The spec has ${plural(lanes.length, 'timeline lane')}; they only arrange an editor's timeline, and lane gains are applied to the volumes.${mutedText}`);
  }
  return lines;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Keeps a document value on the comment's line: control characters and line separators become spaces. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}
