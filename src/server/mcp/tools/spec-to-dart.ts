/** `spec_to_dart`: prints a VideoSpec as Flutter-style Dart. */
import { z } from 'zod';
import { FluvieError } from '../../../core/errors.js';
import { defineTool, type DefinedTool } from '../tool-definition.js';
import type { DartPrinter } from '../tool-context.js';
import { specInput } from '../tool-inputs.js';

/** @param printDart null when this build has no Dart printer; the tool then returns an error naming the missing printer. */
export function specToDartTool(printDart: DartPrinter | null): DefinedTool {
  return defineTool({
    name: 'spec_to_dart',
    description: 'Convert a VideoSpec document to Flutter-style Dart (a `Video build()` function) to paste into a Flutter project and edit by hand.',
    inputSchema: z.object({ spec: specInput }),
    async run(args) {
      if (printDart === null) {
        throw new FluvieError('unavailable', 'Dart printing is not available in this build of fluvie-render. Render the spec with render_video instead, or write the Dart by hand from the VideoSpec guide (get_doc "guides/video-spec.md").');
      }
      try {
        return printDart(args.spec);
      } catch (error: unknown) {
        throw new FluvieError('spec_invalid', `Could not convert the spec to Dart: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    },
  });
}
