/** {@link SpecTools} backed by the project's VideoSpec module. */
import { validateSpec, videoSpecJsonSchema } from '../spec/index.js';
import type { SpecDiagnostic, SpecTools } from './spec-tools.js';

export function createDefaultSpecTools(): SpecTools {
  return {
    validate(value, format) {
      const report = validateSpec(value, { strict: false, format });
      return { ok: report.ok, diagnostics: report.diagnostics.map((diagnostic): SpecDiagnostic => ({ ...diagnostic })) };
    },
    jsonSchema: () => videoSpecJsonSchema(),
  };
}
