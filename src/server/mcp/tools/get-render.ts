/** `get_render`: status, progress and download links of a render job. */
import { z } from 'zod';
import { formatJobStatus } from '../render-result-text.js';
import { defineTool, type DefinedTool } from '../tool-definition.js';
import type { RenderToolContext } from '../tool-context.js';

export function getRenderTool(context: RenderToolContext): DefinedTool {
  return defineTool({
    name: 'get_render',
    description: 'Return the status of a render job started with wait: false (or one that outlived the wait limit): queued, running with frame progress, succeeded with download links, or failed with the reason.',
    inputSchema: z.object({ id: z.string().min(1).describe('Job id returned by a render tool, such as "rnd_…".') }),
    run: async (args, call) => formatJobStatus(await context.gateway.get(args.id, call.signal)),
  });
}
