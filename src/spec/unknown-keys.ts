/**
 * Finds properties the VideoSpec model does not define. The schemas strip unknown keys when they
 * parse, so this walk compares the input with the schema tree instead and reports each key with
 * its path, even when other parts of the document are invalid.
 */
import type { z } from 'zod';
import { formatPath, type PathSegment } from './diagnostics.js';
import { chooseUnionMember, isPlainObject, unwrapSchema, type CoreSchema } from './schema-walk.js';

export interface UnknownProperty {
  readonly path: string;
  readonly key: string;
  /** Keys the enclosing object does accept, for the message. */
  readonly allowed: readonly string[];
}

/** Lists every property of `value` that `schema` does not define. */
export function findUnknownProperties(schema: CoreSchema, value: unknown): UnknownProperty[] {
  const found: UnknownProperty[] = [];
  walk(schema, value, [], found);
  return found;
}

function walk(schema: CoreSchema, value: unknown, path: PathSegment[], found: UnknownProperty[]): void {
  const def = unwrapSchema(schema)._zod.def;
  switch (def.type) {
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
    case 'union': {
      // When no member fits the value, the parse errors already explain it.
      const member = chooseUnionMember(def as z.core.$ZodUnionDef, value);
      if (member !== undefined) walk(member, value, path, found);
      return;
    }
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
