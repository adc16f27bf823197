/**
 * Names that Fluvie 0.2.0 renamed. A document that still uses one fails with a hint naming the
 * new spelling, instead of a generic "unknown preset" or "unknown property" message.
 */
import { error, formatPath, type Diagnostic, type PathSegment } from './diagnostics.js';

const RENAMED_PRESETS: Readonly<Record<string, string>> = {
  slideFade: 'slideFadeIn',
  maskWipe: 'maskWipeIn',
};

/** Preset arguments renamed per preset: old key -> new key. */
const RENAMED_ARGUMENTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  spin: { per: 'period' },
  float: { frequency: 'period' },
};

const RENAMED_TRIGGER_KINDS: Readonly<Record<string, string>> = {
  after: 'whenEnds',
};

/** Reports every renamed preset, preset argument and trigger kind in a raw JSON document. */
export function findRenamedNames(document: unknown): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(document, [], found);
  return found;
}

function visit(value: unknown, path: PathSegment[], found: Diagnostic[]): void {
  if (Array.isArray(value)) {
    const inAnimateList = path[path.length - 1] === 'animate';
    value.forEach((item, index) => {
      if (inAnimateList) checkAnimation(item, [...path, index], found);
      visit(item, [...path, index], found);
    });
    return;
  }
  if (typeof value !== 'object' || value === null) return;

  for (const [key, item] of Object.entries(value)) {
    if (key === 'at') checkTrigger(item, [...path, key], found);
    if (key === 'editor' && path.length === 0) continue;
    visit(item, [...path, key], found);
  }
}

function checkAnimation(animation: unknown, path: PathSegment[], found: Diagnostic[]): void {
  if (!isRecord(animation) || typeof animation['preset'] !== 'string') return;

  const preset = animation['preset'];
  const renamedPreset = RENAMED_PRESETS[preset];
  if (renamedPreset !== undefined) {
    found.push(error(formatPath([...path, 'preset']), 'renamed', `preset "${preset}" was renamed to "${renamedPreset}"; write "preset": "${renamedPreset}"`));
  }
  const renamedArguments = RENAMED_ARGUMENTS[preset] ?? {};
  for (const [oldKey, newKey] of Object.entries(renamedArguments)) {
    if (oldKey in animation) {
      found.push(error(formatPath([...path, oldKey]), 'renamed', `"${oldKey}" of preset "${preset}" was renamed to "${newKey}"; write "${newKey}": <time>`));
    }
  }
}

function checkTrigger(trigger: unknown, path: PathSegment[], found: Diagnostic[]): void {
  const kind = typeof trigger === 'string' ? trigger : isRecord(trigger) && typeof trigger['kind'] === 'string' ? trigger['kind'] : undefined;
  if (kind === undefined) return;

  const renamed = RENAMED_TRIGGER_KINDS[kind];
  if (renamed === undefined) return;
  const kindPath = typeof trigger === 'string' ? path : [...path, 'kind'];
  found.push(error(formatPath(kindPath), 'renamed', `trigger kind "${kind}" was renamed to "${renamed}"; write {"kind": "${renamed}", "anchor": "<anchor id>"}`));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
