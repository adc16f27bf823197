/**
 * Names and descriptions of the schemas that become `$defs` in the generated JSON Schema. A private
 * registry (not zod's global one) keeps the ids free of clashes with other zod users in the process.
 */
import { z } from 'zod';

export interface SpecSchemaMeta {
  readonly id: string;
  readonly description?: string;
}

export const specRegistry = z.registry<SpecSchemaMeta>();

/** Registers `schema` under `id` and returns it unchanged. */
export function named<T extends z.ZodType>(schema: T, id: string, description?: string): T {
  specRegistry.add(schema, description === undefined ? { id } : { id, description });
  return schema;
}
