/** `generate_video`: AI-authors a VideoSpec from a prompt on the render server, renders it and waits. */
import { z } from 'zod';
import { startRender } from '../start-render.js';
import { defineTool, type DefinedTool } from '../tool-definition.js';
import type { RenderToolContext } from '../tool-context.js';
import { aspectInput, formatInput, providerInput, renderOptions } from '../tool-inputs.js';

export function generateVideoTool(context: RenderToolContext): DefinedTool {
  return defineTool({
    name: 'generate_video',
    description: 'Describe a video in words; the render server writes a VideoSpec with an AI provider, renders it, and returns the download link and the editable Flutter-style Dart.',
    inputSchema: z.object({
      prompt: z.string().trim().min(1).describe('What the video shows, such as "A 4-second teal title card saying Hello, Fluvie."'),
      aspect: aspectInput,
      format: formatInput,
      provider: providerInput,
    }),
    run(args, call) {
      const body: Record<string, unknown> = { prompt: args.prompt, options: renderOptions(args) };
      if (args.provider !== undefined) body['provider'] = args.provider;
      return startRender(context, body, true, call);
    },
  });
}
