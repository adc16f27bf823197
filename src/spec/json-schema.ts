/** JSON Schema (draft 2020-12) of VideoSpec version 1, generated from the zod model. */
import { z } from 'zod';
import { specRegistry } from './schema/registry.js';
import { VideoSpecSchema } from './schema/video.js';

/** A URN, so the id names the schema without pointing at a host. */
export const VIDEO_SPEC_SCHEMA_ID = 'urn:fluvie-render:schema:video-spec:1';

/**
 * Builds the JSON Schema of a VideoSpec document. It describes the input form (optional fields
 * may be absent) and leaves additional properties open, because unknown properties are warnings.
 */
export function videoSpecJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(VideoSpecSchema, {
    target: 'draft-2020-12',
    io: 'input',
    metadata: specRegistry,
    cycles: 'ref',
    reused: 'inline',
    unrepresentable: 'any',
  }) as Record<string, unknown>;

  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: VIDEO_SPEC_SCHEMA_ID,
    title: 'Fluvie VideoSpec (version 1)',
    ...withoutKeys(generated, ['$schema', 'id', '$id']),
  };
}

function withoutKeys(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}
