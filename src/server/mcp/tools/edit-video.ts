/** `edit_video`: applies a change in words to an existing VideoSpec on the render server, renders it and waits. */
import { z } from 'zod';
import { startRender } from '../start-render.js';
import { defineTool, type DefinedTool } from '../tool-definition.js';
import type { RenderToolContext } from '../tool-context.js';
import { aspectInput, providerInput, renderOptions, specInput } from '../tool-inputs.js';

export function editVideoTool(context: RenderToolContext): DefinedTool {
  return defineTool({
    name: 'edit_video',
    description: 'Change an existing VideoSpec by describing the change in words; the render server edits it with an AI provider, renders the result, and returns the download link and the Dart.',
    inputSchema: z.object({
      base: specInput,
      change: z.string().trim().min(1).describe('The change, such as "make the title red and add a second scene".'),
      aspect: aspectInput,
      provider: providerInput,
    }),
    run(args, call) {
      const body: Record<string, unknown> = { edit: { base: args.base, change: args.change }, options: renderOptions(args) };
      if (args.provider !== undefined) body['provider'] = args.provider;
      return startRender(context, body, true, call);
    },
  });
}
