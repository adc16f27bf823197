/**
 * Helpers that follow a JSON document through the zod schema tree: unwrapping wrappers, picking
 * the union member a value was meant for, and finding the schema of the value at a path.
 */
import { z } from 'zod';
import type { PathSegment } from './diagnostics.js';

export type CoreSchema = z.core.$ZodType;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

/** Strips optional, nullable, default, lazy and pipe wrappers. */
export function unwrapSchema(schema: CoreSchema): CoreSchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def;
    if (WRAPPERS.has(def.type)) current = (def as z.core.$ZodOptionalDef).innerType;
    else if (def.type === 'lazy') current = (def as z.core.$ZodLazyDef).getter();
    else if (def.type === 'pipe') current = (def as z.core.$ZodPipeDef).in;
    else return current;
  }
}

/**
 * Picks the member of a union that `value` was meant for: the first one that accepts it, else the
 * one whose discriminator matches (or the only object member). Returns undefined when none fits.
 */
export function chooseUnionMember(def: z.core.$ZodUnionDef | z.core.$ZodDiscriminatedUnionDef, value: unknown): CoreSchema | undefined {
  const accepting = def.options.find((option) => z.safeParse(option, value).success);
  if (accepting !== undefined) return accepting;
  if (!isPlainObject(value)) return undefined;
  if (!('discriminator' in def)) return closestObjectMember(def.options, value);

  const discriminatorValue = value[def.discriminator];
  return def.options.find((option) => {
    const optionDef = unwrapSchema(option)._zod.def;
    if (optionDef.type !== 'object') return false;
    const property = (optionDef as z.core.$ZodObjectDef).shape[def.discriminator];
    return property !== undefined && z.safeParse(property, discriminatorValue).success;
  });
}

/**
 * Picks the object form an object value was meant for among a plain union's members, skipping
 * names and other non-object members. A member is ruled out when one of its literal keys (such as
 * `kind`) has a different value, and among the rest the one that declares most of the value's keys
 * wins, the first on a tie. A nested union member counts when it has a member for the value.
 */
function closestObjectMember(options: readonly CoreSchema[], value: Record<string, unknown>): CoreSchema | undefined {
  let best: CoreSchema | undefined;
  let bestKnownKeys = -1;
  for (const option of options) {
    const knownKeys = countKnownKeys(unwrapSchema(option), value);
    if (knownKeys > bestKnownKeys) {
      best = option;
      bestKnownKeys = knownKeys;
    }
  }
  return best;
}

/** Counts the keys of `value` that `schema` declares, or returns -1 when the schema cannot take it. */
function countKnownKeys(schema: CoreSchema, value: Record<string, unknown>): number {
  const def = schema._zod.def;
  if (def.type === 'union') {
    const member = chooseUnionMember(def as z.core.$ZodUnionDef, value);
    return member === undefined ? -1 : countKnownKeys(unwrapSchema(member), value);
  }
  if (def.type !== 'object') return -1;

  const shape = (def as z.core.$ZodObjectDef).shape;
  let known = 0;
  for (const [key, item] of Object.entries(value)) {
    const property = shape[key];
    if (property === undefined) continue;
    const propertyType = unwrapSchema(property)._zod.def.type;
    if (propertyType === 'literal' && !z.safeParse(property, item).success) return -1;
    known += 1;
  }
  return known;
}

/**
 * Returns the schema that describes the value at `segments` inside `document`, if it can be found.
 * With `resolveLast` false, a union at the end of the path is returned as the union itself.
 */
export function schemaAtPath(root: CoreSchema, document: unknown, segments: readonly PathSegment[], resolveLast = true): CoreSchema | undefined {
  let schema: CoreSchema | undefined = unwrapSchema(root);
  let value = document;
  for (const segment of segments) {
    schema = schema === undefined ? undefined : resolveUnion(schema, value);
    if (schema === undefined) return undefined;

    const def = schema._zod.def;
    const child = childSchema(def, segment);
    if (child === undefined) return undefined;
    schema = unwrapSchema(child);
    value = isPlainObject(value) || Array.isArray(value) ? (value as Record<PathSegment, unknown>)[segment] : undefined;
  }
  if (schema === undefined || !resolveLast) return schema;
  return resolveUnion(schema, value);
}

/** Follows unions, nested ones included, down to the member `value` was meant for. */
function resolveUnion(schema: CoreSchema, value: unknown): CoreSchema | undefined {
  let current = schema;
  while (current._zod.def.type === 'union') {
    const member = chooseUnionMember(current._zod.def as z.core.$ZodUnionDef, value);
    if (member === undefined) return undefined;
    current = unwrapSchema(member);
  }
  return current;
}

function childSchema(def: z.core.$ZodTypeDef, segment: PathSegment): CoreSchema | undefined {
  switch (def.type) {
    case 'object':
      return (def as z.core.$ZodObjectDef).shape[String(segment)];
    case 'array':
      return (def as z.core.$ZodArrayDef).element;
    case 'record':
      return (def as z.core.$ZodRecordDef).valueType;
    case 'tuple':
      return typeof segment === 'number' ? ((def as z.core.$ZodTupleDef).items[segment] ?? undefined) : undefined;
    default:
      return undefined;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
