/** `render_video`: renders a VideoSpec document. */
import { z } from 'zod';
import { startRender } from '../start-render.js';
import { defineTool, type DefinedTool } from '../tool-definition.js';
import type { RenderToolContext } from '../tool-context.js';
import { aspectInput, formatInput, posterInput, qualityInput, renderOptions, specInput, waitInput } from '../tool-inputs.js';

export function renderVideoTool(context: RenderToolContext): DefinedTool {
  return defineTool({
    name: 'render_video',
    description: 'Render a VideoSpec document to a video file and return its download link ("Video: <url>", plus "Poster: <url>" when a poster was asked for). Validate the spec first with validate_spec.',
    inputSchema: z.object({ spec: specInput, aspect: aspectInput, format: formatInput, quality: qualityInput, poster: posterInput, wait: waitInput }),
    run: (args, call) => startRender(context, { spec: args.spec, options: renderOptions(args) }, args.wait ?? true, call),
  });
}
