/** `get_video_spec_schema`: the VideoSpec JSON Schema. */
import { z } from 'zod';
import type { SpecTools } from '../../spec-tools.js';
import { defineTool, type DefinedTool } from '../tool-definition.js';

export function getVideoSpecSchemaTool(specTools: SpecTools): DefinedTool {
  return defineTool({
    name: 'get_video_spec_schema',
    description: 'Return the JSON Schema (draft 2020-12) of a VideoSpec document, the JSON format render_video and validate_spec take.',
    inputSchema: z.object({}),
    run: async () => JSON.stringify(specTools.jsonSchema(), null, 2),
  });
}
