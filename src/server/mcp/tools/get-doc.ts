/** `get_doc`: the markdown of one docs page. */
import { z } from 'zod';
import { FluvieError } from '../../../core/errors.js';
import { defineTool, type DefinedTool } from '../tool-definition.js';
import type { DocsToolContext } from '../tool-context.js';

export function getDocTool(context: DocsToolContext): DefinedTool {
  return defineTool({
    name: 'get_doc',
    description: 'Return the full markdown of one documentation page, by the path list_docs or search_docs gave.',
    inputSchema: z.object({
      path: z.string().min(1).describe('Page path relative to the docs root, such as "guides/video-spec.md".'),
    }),
    async run(args) {
      const page = (await context.docs).get(args.path);
      if (page === null) throw new FluvieError('not_found', `No documentation page at "${args.path}". Call list_docs for the valid paths.`);
      return page.content;
    },
  });
}
