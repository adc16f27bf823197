/**
 * What the server needs from the VideoSpec module: validation reports and the JSON schema. Injected
 * into `createApp` so the HTTP layer does not depend on how specs are checked.
 */
import type { OutputFormat } from '../core/pipeline/render-request.js';

export interface SpecDiagnostic {
  /** JSON path of the problem, such as `scenes[0].duration`. */
  path: string;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

export interface SpecReport {
  ok: boolean;
  diagnostics: SpecDiagnostic[];
}

export interface SpecTools {
  /** Validates `value` as a VideoSpec for an output `format` (unknown properties are not errors). */
  validate(value: unknown, format: OutputFormat): SpecReport;
  /** Returns the VideoSpec JSON schema. */
  jsonSchema(): unknown;
}
