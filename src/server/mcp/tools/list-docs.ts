/** `list_docs`: every docs page as `[{path, title}]`. */
import { z } from 'zod';
import { defineTool, type DefinedTool } from '../tool-definition.js';
import type { DocsToolContext } from '../tool-context.js';

export function listDocsTool(context: DocsToolContext): DefinedTool {
  return defineTool({
    name: 'list_docs',
    description: 'List the fluvie-render documentation pages as a JSON array of {path, title}. Read one with get_doc.',
    inputSchema: z.object({}),
    run: async () => JSON.stringify((await context.docs).list(), null, 2),
  });
}
