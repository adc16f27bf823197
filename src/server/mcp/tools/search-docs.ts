/** `search_docs`: BM25-ranked docs pages with snippets. */
import { z } from 'zod';
import { parseLimit } from '../../docs/docs-routes.js';
import { defineTool, type DefinedTool } from '../tool-definition.js';
import type { DocsToolContext } from '../tool-context.js';

export function searchDocsTool(context: DocsToolContext): DefinedTool {
  return defineTool({
    name: 'search_docs',
    description: 'Full-text search of the fluvie-render documentation. Returns a JSON array of {path, title, snippet}, best match first. Read a page with get_doc.',
    inputSchema: z.object({
      query: z.string().min(1).describe('Words to search for, such as "transparent webm" or "FLUVIE_MCP_TOKEN".'),
      limit: z.union([z.number().int(), z.string().regex(/^-?\d+$/)]).optional().describe('Maximum number of results (default 5).'),
    }),
    async run(args) {
      const limit = parseLimit(typeof args.limit === 'string' ? args.limit : args.limit ?? undefined);
      return JSON.stringify((await context.docs).search(args.query, limit), null, 2);
    },
  });
}
