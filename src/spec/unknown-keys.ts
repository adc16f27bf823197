/**
 * Finds properties the VideoSpec model does not define. The schemas strip unknown keys when they
 * parse, so this walk compares the input with the schema tree instead and reports each key with
 * its path, even when other parts of the document are invalid.
 */
import { z } from 'zod';
import { formatPath, type PathSegment } from './diagnostics.js';

type Core = z.core.$ZodType;

export interface UnknownProperty {
  readonly path: string;
  readonly key: string;
  /** Keys the enclosing object does accept, for the message. */
  readonly allowed: readonly string[];
}

/** Lists every property of `value` that `schema` does not define. */
export function findUnknownProperties(schema: Core, value: unknown): UnknownProperty[] {
  const found: UnknownProperty[] = [];
  walk(schema, value, [], found);
  return found;
}

function walk(schema: Core, value: unknown, path: PathSegment[], found: UnknownProperty[]): void {
  const def = schema._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      walk((def as z.core.$ZodOptionalDef).innerType, value, path, found);
      return;
    case 'lazy':
      walk((def as z.core.$ZodLazyDef).getter(), value, path, found);
      return;
    case 'pipe':
      walk((def as z.core.$ZodPipeDef).in, value, path, found);
      return;
    case 'object':
      walkObject(def as z.core.$ZodObjectDef, value, path, found);
      return;
    case 'array':
      if (Array.isArray(value)) value.forEach((item, index) => walk((def as z.core.$ZodArrayDef).element, item, [...path, index], found));
      return;
    case 'tuple':
      if (Array.isArray(value)) walkTuple(def as z.core.$ZodTupleDef, value, path, found);
      return;
    case 'record':
      if (isPlainObject(value)) {
        for (const [key, item] of Object.entries(value)) walk((def as z.core.$ZodRecordDef).valueType, item, [...path, key], found);
      }
      return;
    case 'union':
      walkUnion(def as z.core.$ZodUnionDef | z.core.$ZodDiscriminatedUnionDef, value, path, found);
      return;
    default:
      return;
  }
}

function walkObject(def: z.core.$ZodObjectDef, value: unknown, path: PathSegment[], found: UnknownProperty[]): void {
  if (!isPlainObject(value)) return;

  const shape = def.shape;
  // A catchall (loose object) accepts any extra key by design.
  const acceptsAnyKey = def.catchall !== undefined && def.catchall._zod.def.type !== 'never';
  for (const [key, item] of Object.entries(value)) {
    const property = shape[key];
    if (property !== undefined) {
      walk(property, item, [...path, key], found);
    } else if (!acceptsAnyKey) {
      found.push({ path: formatPath([...path, key]), key, allowed: Object.keys(shape) });
    }
  }
}

function walkTuple(def: z.core.$ZodTupleDef, value: unknown[], path: PathSegment[], found: UnknownProperty[]): void {
  value.forEach((item, index) => {
    const itemSchema = def.items[index] ?? def.rest;
    if (itemSchema !== null && itemSchema !== undefined) walk(itemSchema, item, [...path, index], found);
  });
}

/**
 * Walks the member the value was meant for: the one that accepts it, else the one whose
 * discriminator matches. When neither exists the parse errors already explain the value.
 */
function walkUnion(def: z.core.$ZodUnionDef | z.core.$ZodDiscriminatedUnionDef, value: unknown, path: PathSegment[], found: UnknownProperty[]): void {
  const accepting = def.options.find((option) => z.safeParse(option, value).success);
  const member = accepting ?? discriminatedMember(def, value);
  if (member !== undefined) walk(member, value, path, found);
}

function discriminatedMember(def: z.core.$ZodUnionDef | z.core.$ZodDiscriminatedUnionDef, value: unknown): Core | undefined {
  if (!('discriminator' in def) || !isPlainObject(value)) return undefined;

  const discriminatorValue = value[def.discriminator];
  return def.options.find((option) => {
    const optionDef = option._zod.def;
    if (optionDef.type !== 'object') return false;
    const property = (optionDef as z.core.$ZodObjectDef).shape[def.discriminator];
    return property !== undefined && z.safeParse(property, discriminatorValue).success;
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
