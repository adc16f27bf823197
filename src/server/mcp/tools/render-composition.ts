/** `render_composition`: renders a registered composition of the server's Flutter project. */
import { z } from 'zod';
import { startRender } from '../start-render.js';
import { defineTool, type DefinedTool } from '../tool-definition.js';
import type { RenderToolContext } from '../tool-context.js';
import { aspectInput, formatInput, posterInput, qualityInput, renderOptions, waitInput } from '../tool-inputs.js';

export function renderCompositionTool(context: RenderToolContext): DefinedTool {
  return defineTool({
    name: 'render_composition',
    description: 'Render a composition registered in the capture harness of the server\'s Flutter project (flutter engine), by its key, and return the download link.',
    inputSchema: z.object({
      key: z.string().regex(/^[a-z0-9_]+$/, 'key must be lowercase letters, digits and underscores').describe('Composition key, such as "demo".'),
      aspect: aspectInput,
      format: formatInput,
      quality: qualityInput,
      poster: posterInput,
      wait: waitInput,
    }),
    run: (args, call) => startRender(context, { key: args.key, options: renderOptions(args) }, args.wait ?? true, call),
  });
}
