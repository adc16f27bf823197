/** `validate_spec`: every problem of a VideoSpec, with its JSON path. */
import { z } from 'zod';
import { FluvieError } from '../../../core/errors.js';
import type { SpecReport, SpecTools } from '../../spec-tools.js';
import { defineTool, type DefinedTool } from '../tool-definition.js';
import { formatInput, specInput } from '../tool-inputs.js';

export function validateSpecTool(specTools: SpecTools): DefinedTool {
  return defineTool({
    name: 'validate_spec',
    description: 'Check a VideoSpec document before rendering it. Lists every error, warning and note with its JSON path; the result is an error when the spec cannot be rendered.',
    inputSchema: z.object({ spec: specInput, format: formatInput }),
    async run(args) {
      const report = specTools.validate(args.spec, (args.format ?? 'mp4') as 'mp4');
      const text = formatValidation(report);
      if (!isRenderable(report)) throw new FluvieError('spec_invalid', text);
      return text;
    },
  });
}

function isRenderable(report: SpecReport): boolean {
  return report.ok && !report.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** `OK: ...`, `OK to render, with N ...:` or `Not ready to render. Fix these:`, then one line per diagnostic. */
export function formatValidation(report: SpecReport): string {
  if (report.diagnostics.length === 0) return 'OK: no problems found. The spec is ready to render.';

  const count = report.diagnostics.length;
  const header = isRenderable(report) ? `OK to render, with ${count} warning(s)/note(s):` : 'Not ready to render. Fix these:';
  const lines = report.diagnostics.map((diagnostic) => `  ${diagnostic.severity} ${diagnostic.path === '' ? '(root)' : diagnostic.path}: ${diagnostic.message} (${diagnostic.code})`);
  return [header, ...lines].join('\n');
}
