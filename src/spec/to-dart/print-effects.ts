/**
 * Dart for element `effects`: one `.effects([...])` call between the element and its `.animate(...)`,
 * the slot where Fluvie's spec builder applies the stack. An effect prints as its named factory
 * (`Effect.grain(amount: 0.2)`) when the factory takes every value the document sets. A disabled
 * effect, a keyframed parameter, and the object-valued `particles` and `curves` kinds print in the
 * spec form `Effect.spec(EffectSpec(EffectSpecKind.<kind>, enabled: ..., params: {...}))`.
 */
import type { EffectSpec } from '../schema/types.js';
import { call, flat, list, named, positional, raw, type DartExpr } from './dart-expr.js';
import { dartNumber, dartString, textOf } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';
import { printKeyframedNumber } from './print-audio.js';

/** Keys of object-valued parameters, which are never keyframed numbers. */
const OBJECT_PARAMS = new Set(['particles', 'uniforms', 'curves']);

/** Wraps `base` in `.effects([...])`, or returns it unchanged when there are no effects. */
export function withEffects(base: DartExpr, effects: readonly EffectSpec[] | undefined, path: string): DartExpr {
  if (effects === undefined || effects.length === 0) return base;
  return call('effects', [positional(list(effects.map((effect, index) => printEffect(effect, `${path}[${index}]`))))], base);
}

function printEffect(effect: EffectSpec, path: string): DartExpr {
  const { kind, enabled, ...rest } = effect;
  const params = Object.entries(rest as Record<string, unknown>).filter(([, value]) => value !== undefined);
  const keyframed = params.some(([key, value]) => isKeyframed(key, value));
  const simple = enabled !== false && kind !== 'particles' && kind !== 'curves' && !keyframed;

  if (simple) {
    // The validator drops unknown keys, but a key becomes a parameter name here, so check it anyway.
    const badKey = params.find(([key]) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key));
    if (badKey !== undefined) throw new DartPrintError(path, `${JSON.stringify(badKey[0])} is not a ${kind} parameter`);
    return call(`Effect.${kind}`, params.map(([key, value]) => named(key, jsonValue(value, `${path}.${key}`))));
  }

  const entries = params.map(([key, value]) => {
    const printed = isKeyframed(key, value) ? printKeyframedNumber(value as { values: number[]; positions: string[] }, `${path}.${key}`) : jsonValue(value, `${path}.${key}`);
    return `${textOf(dartString(key))}: ${flat(printed)}`;
  });
  const spec = call('EffectSpec', [
    positional(raw(`EffectSpecKind.${kind}`)),
    enabled === false ? named('enabled', raw('false')) : null,
    entries.length === 0 ? null : named('params', raw(`{${entries.join(', ')}}`)),
  ]);
  return call('Effect.spec', [positional(spec)]);
}

function isKeyframed(key: string, value: unknown): boolean {
  if (OBJECT_PARAMS.has(key) || typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return 'values' in value && 'positions' in value;
}

/** Prints a JSON value as a Dart literal: strings, numbers, booleans, lists and string-keyed maps. */
function jsonValue(value: unknown, path: string): DartExpr {
  if (typeof value === 'string') return dartString(value);
  if (typeof value === 'number') return dartNumber(value, path);
  if (typeof value === 'boolean') return raw(String(value));
  if (value === null) return raw('null');
  if (Array.isArray(value)) return raw(`[${value.map((item, index) => textOf(jsonValue(item, `${path}[${index}]`))).join(', ')}]`);
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${textOf(dartString(key))}: ${textOf(jsonValue(item, `${path}.${key}`))}`);
    return raw(entries.length === 0 ? '<String, Object?>{}' : `{${entries.join(', ')}}`);
  }
  throw new DartPrintError(path, `the value ${String(value)} has no Dart literal`);
}
